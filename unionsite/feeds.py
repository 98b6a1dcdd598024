"""The base of the site's RSS feeds: whatever an item holds, the XML is well formed.

Django's feed writer refuses control characters ("not supported in XML 1.0") with an exception,
which would take a feed down for everyone because of one title. Texts are cleaned at the model
(unionsite/fields.py); this is the second line of defence for what reached the database another
way (an old row, a raw import).
"""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Rss201rev2Feed
from django.utils.functional import Promise

from unionsite.text import without_controls


def _xml_safe(value):
    if isinstance(value, str | Promise):
        return without_controls(str(value))
    if isinstance(value, list | tuple):
        return type(value)(_xml_safe(item) for item in value)
    return value


class XmlSafeRssFeed(Rss201rev2Feed):
    def __init__(self, *args, **kwargs):
        super().__init__(*map(_xml_safe, args), **{key: _xml_safe(value) for key, value in kwargs.items()})

    def add_item(self, *args, **kwargs):
        super().add_item(*map(_xml_safe, args), **{key: _xml_safe(value) for key, value in kwargs.items()})


class SiteFeed(Feed):
    feed_type = XmlSafeRssFeed
