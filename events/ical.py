"""iCalendar (RFC 5545) for events: one event's file and the subscribable feeds.

Times are written in UTC (`DTSTART:20261231T173000Z`): a phone shows them in its own time zone,
so a seminar at 23:30 in Bishkek is 23:30 on a phone set to Bishkek, without a VTIMEZONE that
would have to describe Kyrgyzstan's past daylight-saving rules. All-day events are dates
(`VALUE=DATE`) with the day after the last as the exclusive end. The UID is the event's primary
key at the site's host, so an edit updates the event in a subscriber's calendar instead of
adding a second one. DTSTAMP is the time the event was last changed, as RFC 5545 asks of a
calendar without METHOD; the output depends on the data only. The library escapes commas,
semicolons and line breaks and folds lines at 75 octets; every text goes through it, as vText,
after losing the control characters RFC 5545 excludes from TEXT (unionsite/text.py).
"""

import datetime
import html
import re
from urllib.parse import urlsplit

import icalendar
from django.http import HttpResponse
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import get_language

from unionsite.links import absolute_url, site_origin
from unionsite.text import single_line, without_controls

CONTENT_TYPE = "text/calendar; charset=utf-8"
PRODUCT_ID = "-//Trade Union of Education and Science Workers of the Kyrgyz Republic//Events//EN"
# A feed holds what is coming and what took place in the last three months.
PAST_DAYS = 90
FEED_LIMIT = 500


def ical_line(value):
    """One line of TEXT for a property such as SUMMARY: no line break, no control character."""
    return icalendar.vText(single_line(str(value)))


def ical_text(value):
    """TEXT that may span lines (DESCRIPTION): the library escapes the line breaks."""
    return icalendar.vText(without_controls(str(value)))


def plain_text(rich_html):
    """Rich text as plain text: paragraphs and line breaks kept as new lines, tags dropped."""
    text = re.sub(r"(?i)<br\s*/?>", "\n", rich_html or "")
    text = re.sub(r"(?i)</(p|li|h[2-4]|blockquote|tr|figure)>", "\n", text)
    text = html.unescape(strip_tags(text))
    lines = [" ".join(line.split()) for line in text.splitlines()]
    return "\n".join(line for line in lines if line)


def uid_host(request):
    """The host that makes UIDs unique: DJANGO_SITE_URL's, else the request's."""
    return urlsplit(site_origin(request)).hostname or "localhost"


def event_uid(event, request):
    return f"event-{event.pk}@{uid_host(request)}"


def vevent(event, request):
    item = icalendar.Event()
    item.add("uid", event_uid(event, request))
    item.add("dtstamp", event.updated_at.astimezone(datetime.UTC))
    item.add("last-modified", event.updated_at.astimezone(datetime.UTC))
    if event.all_day:
        item.add("dtstart", event.start_date)
        item.add("dtend", event.end_date + datetime.timedelta(days=1))
    else:
        item.add("dtstart", event.start.astimezone(datetime.UTC))
        item.add("dtend", event.end.astimezone(datetime.UTC))
    item.add("summary", ical_line(event.title))
    page = absolute_url(request, event.get_absolute_url())
    description = plain_text(event.description)
    details = [description] if description else []
    details.append(event.organisation.name)
    if event.contact:
        details.append(event.contact)
    if event.registration_url:
        details.append(event.registration_url)
    details.append(page)
    item.add("description", ical_text("\n\n".join(details)))
    if event.place:
        item.add("location", ical_line(event.place))
    item.add("url", page)
    item.add("categories", [ical_line(event.get_category_display())])
    item.add("status", "CONFIRMED")
    item.add("transp", "TRANSPARENT" if event.all_day else "OPAQUE")
    return item


def calendar(events, request, name):
    cal = icalendar.Calendar()
    cal.add("prodid", PRODUCT_ID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", ical_line(name))
    cal.add("x-wr-timezone", "Asia/Bishkek")
    # Calendar apps ask again about twice a day.
    cal.add("refresh-interval", datetime.timedelta(hours=12), parameters={"VALUE": "DURATION"})
    cal.add("x-published-ttl", "PT12H")
    for event in events:
        cal.add_component(vevent(event, request))
    return cal


def feed_events(queryset, now=None):
    """What a feed holds: upcoming events and those of the last PAST_DAYS days, oldest first."""
    since = (now or timezone.now()) - datetime.timedelta(days=PAST_DAYS)
    return queryset.filter(end__gte=since).order_by("start", "pk")[:FEED_LIMIT]


def calendar_response(cal, filename=None):
    response = HttpResponse(cal.to_ical(), content_type=CONTENT_TYPE)
    if filename:
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Content-Language"] = get_language()
    return response
