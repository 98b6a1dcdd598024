"""The header and footer menus staff edit in the admin (pages.MenuItem), for base.html.

One query per rendered page, made only when a template shows a menu (the admin's pages never
do), and none for pages served from the page cache. The sections of the site are entries of the
header menu like any other (pages/menus.py); an empty header menu shows only the search link.
"""

import logging
import re
from dataclasses import dataclass, replace

from django.db import DatabaseError
from django.db.models import Q
from django.urls import NoReverseMatch, reverse
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language

from pages.models import LANGUAGE_CODES, MenuItem, MenuLocation, Page
from unionsite import registry
from unionsite.templatetags.site_tags import shown_language

logger = logging.getLogger(__name__)
LANGUAGE_PREFIX = re.compile(rf"^/({'|'.join(LANGUAGE_CODES)})/")


@dataclass(frozen=True)
class MenuEntry:
    url: str
    label: str
    is_current: bool = False
    # The language of the label when it is not the page's (a fallback), else "".
    lang: str = ""


def menus(request):
    entries = SimpleLazyObject(lambda: menu_entries(request))
    return {
        "header_menu": SimpleLazyObject(lambda: entries[MenuLocation.HEADER]),
        "footer_menu": SimpleLazyObject(lambda: entries[MenuLocation.FOOTER]),
    }


def menu_entries(request):
    """{location: [MenuEntry]} in the current language; published pages only."""
    menus = {location: [] for location in MenuLocation.values}
    visible = Q(page__isnull=True) | Q(page__in=Page.objects.published().values("pk"))
    try:
        items = list(MenuItem.objects.filter(visible).select_related("page"))
    except DatabaseError:
        # The database is down: the page says so, with the sections as its menu.
        logger.warning("Menus unavailable", exc_info=True)
        menus[MenuLocation.HEADER] = section_entries(request)
        return menus
    sections = {config.index_url_name: config for config in registry.sections()}
    for item in items:
        entry = build_entry(request, item, sections)
        if entry is not None:
            menus[item.location].append(entry)
    return {location: only_closest_current(entries) for location, entries in menus.items()}


def section_entries(request):
    """The sections of the site in the registry's order, for a header whose entries cannot be read."""
    entries = []
    match = getattr(request, "resolver_match", None)
    for config in registry.sections():
        try:
            url = reverse(config.index_url_name)
        except NoReverseMatch:
            continue
        is_current = bool(match and match.namespace == config.label)
        entries.append(MenuEntry(url=url, label=str(config.nav_label), is_current=is_current))
    return entries


def only_closest_current(entries):
    """One current entry per menu: with "About the union" and its "History" both in the menu, the
    History page marks History only."""
    current = [entry for entry in entries if entry.is_current]
    if len(current) < 2:
        return entries
    closest = max(current, key=lambda entry: len(entry.url))
    return [
        replace(entry, is_current=False) if entry.is_current and entry is not closest else entry
        for entry in entries
    ]


def build_entry(request, item, sections):
    """The entry `item` shows on the page `request` asked for (None: on no page, nothing current)."""
    language = get_language()
    path = request.path if request is not None else ""
    label_language = shown_language(item, "label") if (item.label_ky or item.label_ru) else None
    if item.page_id:
        page = item.page
        url = page.get_absolute_url()
        if label_language is None:
            label, label_language = page.title, shown_language(page, "title")
        else:
            label = item.label
        is_current = path.startswith(url)
    elif item.section:
        config = sections.get(item.section)
        if config is None:
            return None  # the app of this section is no longer installed
        try:
            url = reverse(item.section)
        except NoReverseMatch:
            return None
        label = item.label if label_language else str(config.nav_label)
        match = getattr(request, "resolver_match", None)
        is_current = bool(match and match.namespace == config.label) or path == url
    else:
        url = LANGUAGE_PREFIX.sub(f"/{language}/", item.url) if item.url.startswith("/") else item.url
        label = item.label
        is_current = url.startswith("/") and (path == url or (url.count("/") > 2 and path.startswith(url)))
    lang = label_language if label_language and label_language != language else ""
    return MenuEntry(url=url, label=label, is_current=is_current, lang=lang)
