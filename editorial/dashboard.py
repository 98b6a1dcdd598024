"""The admin index as a staff member's desk: what waits for them, across every kind of content.

Sections, each with its count and a link to every item's change page:
- waiting for your review: submitted items the user may publish (the publish permission, in scope);
- returned to you with a comment: items the user wrote or submitted, returned by a reviewer;
- your drafts: drafts the user wrote or submitted;
- scheduled: published items in scope whose publication time is still to come.

Every kind of content with the review workflow takes part (subclasses of `Publishable` that the
admin shows): editorial names no content app. One query per kind of content, whatever the number
of items; "the user's" items are those with a StatusChange by them (a subquery), or whose
`created_by` is them where the model has that field.

Other apps add sections of their own (new questions, new form submissions) without editorial
naming them: an AppConfig with a `desk_sections` attribute, the dotted path of a callable
`(user) -> list of DeskSection`, takes part (see `other_sections`).
"""

from dataclasses import dataclass, field

from django.apps import apps
from django.contrib import admin
from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Q, Window
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _

from editorial import scopes
from editorial.models import PublicationStatus, Publishable, StatusChange

# Items read per kind of content at most; a desk holds far fewer.
ROWS_PER_MODEL = 200
# Items listed per section; the count says how many there are.
SHOWN_PER_SECTION = 20

WAITING = "waiting"
RETURNED = "returned"
DRAFTS = "drafts"
SCHEDULED = "scheduled"

TITLES = {
    WAITING: _("Waiting for your review"),
    RETURNED: _("Returned to you with a comment"),
    DRAFTS: _("Your drafts"),
    SCHEDULED: _("Scheduled"),
}
EMPTY = {
    WAITING: _("Nothing waits for your review."),
    RETURNED: _("Nothing was returned to you."),
    DRAFTS: _("You have no drafts."),
    SCHEDULED: _("Nothing is scheduled."),
}


@dataclass
class Entry:
    item: object
    kind: str
    url: str
    organisation: object = None
    comment: str = ""
    when: object = None


@dataclass
class Section:
    key: str
    entries: list = field(default_factory=list)

    @property
    def title(self):
        return TITLES[self.key]

    @property
    def empty_text(self):
        return EMPTY[self.key]

    @property
    def count(self):
        return len(self.entries)

    @property
    def shown(self):
        return self.entries[:SHOWN_PER_SECTION]

    @property
    def more(self):
        return max(self.count - SHOWN_PER_SECTION, 0)


def publishable_models(site=admin.site):
    """Every concrete `Publishable` model that the admin site shows."""
    return [
        model
        for model in apps.get_models()
        if issubclass(model, Publishable) and not model._meta.abstract and site.is_registered(model)
    ]


def _works_on(user, model):
    """Writes or reviews it: those who may only look (an FAQ editor at documents) get no desk."""
    opts = model._meta
    return user.has_perm(f"{opts.app_label}.change_{opts.model_name}") or user.has_perm(
        model.publish_permission()
    )


def _change_url(item, site):
    opts = item._meta
    try:
        return reverse(f"{site.name}:{opts.app_label}_{opts.model_name}_change", args=[item.pk])
    except NoReverseMatch:
        return ""


def _rows(model, user, content_type, now):
    """The model's items for this user's desk, in one query; None when there is nothing to ask."""
    written = (PublicationStatus.DRAFT, PublicationStatus.SUBMITTED)
    changes = StatusChange.objects.filter(user=user, content_type=content_type, status__in=written)
    authored = Q(pk__in=changes.values("object_id"))
    if any(f.name == "created_by" for f in model._meta.concrete_fields):
        authored |= Q(created_by=user)
    wanted = Q(status__in=(PublicationStatus.DRAFT, PublicationStatus.RETURNED)) & authored
    if user.has_perm(model.publish_permission()):
        wanted |= Q(status=PublicationStatus.SUBMITTED)
    if model.has_publication_time():
        wanted |= Q(status=PublicationStatus.PUBLISHED, published_at__gt=now)
    queryset = scopes.limit_to_scope(model._default_manager.all(), user).filter(wanted)
    return queryset.select_related("organisation").order_by("-updated_at", "-pk")[:ROWS_PER_MODEL]


def dashboard_for(user, site=admin.site):
    """The four sections for `user`, newest change first; empty for someone without such content."""
    if not (user.is_active and user.is_staff):
        return []
    models = [model for model in publishable_models(site) if _works_on(user, model)]
    if not models:
        return []
    scopes.scope_paths(user)  # once, cached on the user
    content_types = ContentType.objects.get_for_models(*models, for_concrete_models=False)
    now = timezone.now()
    sections = {key: Section(key) for key in (WAITING, RETURNED, DRAFTS, SCHEDULED)}
    found = []
    for model in models:
        for item in _rows(model, user, content_types[model], now):
            found.append(item)
    found.sort(key=lambda item: item.updated_at, reverse=True)
    for item in found:
        entry = Entry(
            item=item,
            kind=item._meta.verbose_name,
            url=_change_url(item, site),
            organisation=item.organisation,
        )
        if item.status == PublicationStatus.SUBMITTED:
            sections[WAITING].entries.append(entry)
        elif item.status == PublicationStatus.RETURNED:
            entry.comment = item.review_comment
            sections[RETURNED].entries.append(entry)
        elif item.status == PublicationStatus.DRAFT:
            sections[DRAFTS].entries.append(entry)
        else:
            entry.when = item.published_at
            sections[SCHEDULED].entries.append(entry)
    sections[SCHEDULED].entries.sort(key=lambda entry: entry.when)
    return list(sections.values())


@dataclass
class DeskItem:
    """One entry of an app's own desk section: its text, its change page, a short note."""

    text: str
    url: str = ""
    note: str = ""


@dataclass
class DeskSection:
    """A section an app adds to the desk: a title, how many there are, the filtered changelist.

    `items` holds at most SHOWN_PER_SECTION entries; `count` is the full number.
    """

    key: str
    label: str
    count: int
    url: str = ""
    items: list = field(default_factory=list)
    empty_text: str = ""

    @property
    def more(self):
        return max(self.count - len(self.items), 0)


def counted(queryset, limit=SHOWN_PER_SECTION):
    """`(count, first rows)` of an ordered queryset in one query: a window count on each row."""
    rows = list(queryset.annotate(desk_total=Window(Count("pk")))[:limit])
    return (rows[0].desk_total if rows else 0), rows


def other_sections(user):
    """The sections the installed apps add (AppConfig.desk_sections), in the apps' order.

    Each callable decides itself whom it shows something (permissions, scope) and returns [] for
    the others; sections it returns are shown even when they are empty.
    """
    if not (user.is_active and user.is_staff):
        return []
    sections = []
    for app_config in apps.get_app_configs():
        path = getattr(app_config, "desk_sections", None)
        if path:
            sections.extend(import_string(path)(user))
    return sections
