"""Every public page type, as URLs built from the demo content (`manage.py load_demo`).

The accessibility audit, the HTML check and the layout test visit the same list, in both
languages and in the display modes below. A page type whose app has no content yet is an error,
not a silent gap.
"""

from django.urls import reverse
from django.utils import translation

LANGUAGES = ("ky", "ru")

# Display modes (unionsite/display.py: cookie values) the audits cover, "" being the standard
# version. Of the 48 combinations, colour contrast depends only on the scheme (site.css forces
# every element into the scheme's two colours) and the text size (large text has a lower
# threshold), so every scheme is audited at both size extremes; hidden images and wide spacing
# change names and layout, and each appears with and without each scheme and size extreme.
DISPLAY_MODES = (
    "",
    "size3.noimg",
    "contrast-bw.noimg",
    "size3.contrast-bw.spaced",
    "contrast-wb.spaced",
    "size3.contrast-wb.noimg",
    "contrast-blue.noimg.spaced",
    "size3.contrast-blue",
)
# For overflow, the colours hardly matter (a 2 px border): the sizes, spacing and images do.
# Each size step appears, the largest with and without images and spacing.
LAYOUT_MODES = ("", "size2.contrast-bw.noimg", "size3.contrast-wb.spaced", "size3.contrast-blue.noimg.spaced")


def _first(queryset, what):
    item = queryset.first()
    if item is None:
        raise LookupError(f"The demo content has no {what}: cannot audit its page")
    return item


def public_pages(language):
    """(name, URL) of one page of every public type, in `language`."""
    from documents.models import Document
    from events.models import Event
    from faq.models import Question, Topic
    from news.models import Report
    from pages.models import Page
    from structure.models import Organisation, OrganisationKind

    with translation.override(language):
        report = _first(Report.objects.published().filter(photos__isnull=False).distinct(), "report")
        document = _first(Document.objects.published(), "document")
        question = _first(Question.objects.published(), "question")
        topic = _first(Topic.objects.all(), "FAQ topic")
        district = _first(Organisation.objects.filter(kind=OrganisationKind.DISTRICT), "district committee")
        event = _first(Event.objects.published().upcoming().exclude(place=""), "upcoming event")
        event_month = {"year": event.start_date.year, "month": f"{event.start_date.month:02d}"}
        child_page = _first(Page.objects.published().filter(depth__gt=1, numchild=0), "page in a section")
        parent_page = _first(Page.objects.published().filter(numchild__gt=0), "page with pages below it")
        contact_page = _first(Page.objects.published().filter(page_type="contact"), "contact page")
        search = reverse("search")
        return [
            ("home", reverse("home")),
            ("news-list", reverse("news:list")),
            ("news-detail", report.get_absolute_url()),
            ("events-upcoming", reverse("events:upcoming")),
            ("events-calendar", reverse("events:calendar", kwargs=event_month)),
            ("events-detail", event.get_absolute_url()),
            ("documents-list", reverse("documents:list")),
            ("documents-detail", document.get_absolute_url()),
            ("faq-index", reverse("faq:index")),
            ("faq-topic", topic.get_absolute_url()),
            ("faq-question", question.get_absolute_url()),
            ("faq-topic-print", f"{topic.get_absolute_url()}?print=1"),
            ("faq-sheet", reverse("faq:sheet", args=[topic.slug])),
            ("faq-ask", reverse("faq:ask")),
            ("inbox-join", reverse("inbox:join")),
            ("inbox-join-sent", reverse("inbox:join_done")),
            ("inbox-write", reverse("inbox:write")),
            ("inbox-write-sent", reverse("inbox:write_done")),
            ("structure-index", reverse("structure:index")),
            ("structure-organisation", district.get_absolute_url()),
            ("pages-page", child_page.get_absolute_url()),
            ("pages-parent", parent_page.get_absolute_url()),
            ("pages-contact", contact_page.get_absolute_url()),
            ("search", f"{search}?q=%D0%BF%D1%80%D0%BE%D1%84"),  # "проф": finds items of every app
            ("not-found", f"/{language}/no-such-page/"),
        ]
