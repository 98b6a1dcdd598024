"""The sections of the site as entries of the header menu, and the menus as staff will see them.

Every section of the registry (News, Events, FAQ, Documents, Structure…) is an ordinary entry of
the header menu (`pages.MenuItem` with `section` set): staff move, relabel or delete it like a
page's entry, and adding a page adds one entry and takes nothing away. The entries were made once,
by `pages/migrations/0006_section_menu_entries.py`, for a header menu that was empty (a fresh
site, or one that showed the default sections); a menu staff had made was left as it was.

A section registered later (a new content app) is not added to a header menu that has entries:
staff chose what is in it. The menu admin names the sections missing from the header, each with a
link that adds it (`missing_sections`).
"""

from dataclasses import dataclass

from django.db.models import Max
from django.utils.translation import gettext_lazy as _

from pages.context_processors import build_entry
from pages.models import MenuItem, MenuLocation, Page
from unionsite import registry

POSITION_STEP = 10


def add_sections_to_empty_header(menu_item_model=MenuItem):
    """Give an empty header menu one entry per section of the site, in the registry's order.

    A header menu with any entry is left alone. Takes the model so the migration can pass its
    historical one; returns how many entries were made.
    """
    header = menu_item_model.objects.filter(location=MenuLocation.HEADER)
    if header.exists():
        return 0
    entries = [
        menu_item_model(
            location=MenuLocation.HEADER, section=config.index_url_name, position=number * POSITION_STEP
        )
        for number, config in enumerate(registry.sections(), start=1)
    ]
    menu_item_model.objects.bulk_create(entries)
    return len(entries)


def next_position(location):
    """A position after every entry of the menu at `location`."""
    highest = MenuItem.objects.filter(location=location).aggregate(highest=Max("position"))["highest"]
    return (highest or 0) + POSITION_STEP


def missing_sections(location=MenuLocation.HEADER):
    """The sections of the registry that have no entry in the menu at `location`, in menu order."""
    present = set(
        MenuItem.objects.filter(location=location).exclude(section="").values_list("section", flat=True)
    )
    return [config for config in registry.sections() if config.index_url_name not in present]


@dataclass(frozen=True)
class PreviewEntry:
    label: str
    url: str
    # The language of the label when it is not the active one (a fallback), else "".
    lang: str = ""
    # Why visitors do not see the entry now ("" when they do).
    hidden_because: str = ""


def preview():
    """{location: [PreviewEntry]}: every entry of each menu in its order, in the active language.

    The labels are those the public pages show (base.html, through pages.context_processors); an
    entry visitors do not see now says why.
    """
    sections = {config.index_url_name: config for config in registry.sections()}
    public = set(Page.objects.published().values_list("pk", flat=True))
    menus = {location: [] for location in MenuLocation.values}
    for item in MenuItem.objects.select_related("page"):
        entry = build_entry(None, item, sections)
        if entry is None:
            menus[item.location].append(
                PreviewEntry(
                    label=item.section, url="", hidden_because=_("The section is no longer on the site.")
                )
            )
            continue
        hidden = _("The page is not published.") if item.page_id and item.page_id not in public else ""
        menus[item.location].append(PreviewEntry(entry.label, entry.url, entry.lang, hidden))
    return menus
