"""E-mails about the review workflow, sent after the change is committed.

- Submitted for review: to the reviewers who may review the item (the model's publish permission,
  held through a group or on the user, and the item's organisation in their scope).
- Returned with a comment, published or scheduled: to its author, the one who last submitted it
  (or, before anyone did, who created it).

Each e-mail is written in its recipient's language (EditorProfile.language; Kyrgyz without a
profile) and links to the item's page in the admin. No one is told about their own action. A mail
that cannot be sent is logged: the change it reports is already stored and stays so.
"""

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Q
from django.urls import NoReverseMatch, reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext

from editorial import mail, scopes
from editorial.models import EditorProfile, PublicationStatus, StatusChange

logger = logging.getLogger(__name__)

DEFAULT_LANGUAGE = EditorProfile.Language.KYRGYZ


def site_origin():
    """Scheme and host for links in e-mails, which have no request: DJANGO_SITE_URL (`check
    --deploy` requires it), in development the server `make run` starts."""
    if settings.SITE_URL:
        return settings.SITE_URL
    if settings.DEBUG:
        return settings.DEVELOPMENT_SERVER_URL
    hosts = [host.lstrip(".") for host in settings.ALLOWED_HOSTS if host not in ("*", "")]
    return f"http://{hosts[0] if hosts else 'localhost:8000'}"


def admin_path(item):
    """The item's change page in the admin, in the active language (/ky/admin/…)."""
    opts = item._meta
    try:
        return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[item.pk])
    except NoReverseMatch:
        return reverse("admin:index")


def language_of(user):
    profile = getattr(user, "editor_profile", None) if user is not None else None
    return getattr(profile, "language", "") or DEFAULT_LANGUAGE


def display_name(user):
    if user is None:
        return ""
    return user.get_full_name() or user.get_username()


# --- who is told ------------------------------------------------------------------------------


def _explicit_holders(permission_names):
    """A Q for users holding any of `permission_names` ("app.codename") on themselves or a group."""
    condition = Q()
    for name in permission_names:
        app_label, codename = name.split(".", 1)
        condition |= Q(content_type__app_label=app_label, codename=codename)
    permissions = Permission.objects.filter(condition)
    return Q(user_permissions__in=permissions) | Q(groups__permissions__in=permissions)


def reviewers_of(item):
    """Active staff with an address who may review `item`: the publish permission and the scope.

    Superusers are told only when they hold the permission through a group or on themselves, as
    reviewers do; they see everything on the admin's dashboard anyway.
    """
    User = get_user_model()
    candidates = list(
        User.objects.filter(is_active=True, is_staff=True)
        .exclude(email="")
        .filter(_explicit_holders([item.publish_permission()]))
        .select_related("editor_profile")
        .distinct()
        .order_by("pk")
    )
    if not candidates:
        return []
    ids = [user.pk for user in candidates]
    see_all = set(
        User.objects.filter(pk__in=ids)
        .filter(_explicit_holders([scopes.ALL_ORGANISATIONS_PERMISSION]))
        .values_list("pk", flat=True)
    )
    paths = {}
    links = EditorProfile.organisations.through.objects.filter(editorprofile__user_id__in=ids)
    for user_id, path in links.values_list("editorprofile__user_id", "organisation__path"):
        paths.setdefault(user_id, []).append(path)
    organisation = item.organisation
    return [
        user
        for user in candidates
        if user.pk in see_all
        or user.is_superuser
        or (organisation is not None and any(organisation.path.startswith(p) for p in paths.get(user.pk, ())))
    ]


def author_of(item):
    """Who waits for the review: the last to submit it; else who created it; else `created_by`."""
    content_type = ContentType.objects.get_for_model(item, for_concrete_model=False)
    changes = StatusChange.objects.filter(content_type=content_type, object_id=item.pk, user__isnull=False)
    change = (
        changes.filter(status=PublicationStatus.SUBMITTED).select_related("user__editor_profile").first()
        or changes.filter(created=True).select_related("user__editor_profile").first()
    )
    if change is not None:
        return change.user
    if any(field.name == "created_by" for field in item._meta.concrete_fields) and item.created_by_id:
        return get_user_model().objects.select_related("editor_profile").filter(pk=item.created_by_id).first()
    return None


# --- what they are told -----------------------------------------------------------------------


def _facts(item, actor):
    """The item's names in the active language."""
    organisation = item.organisation
    return {
        "title": str(item),
        "kind": item._meta.verbose_name,
        "organisation": str(organisation) if organisation is not None else gettext("the federation"),
        "user": display_name(actor),
        "link": f"{site_origin()}{admin_path(item)}",
    }


def submitted_message(item, actor):
    facts = _facts(item, actor)
    subject = gettext("For review: %(title)s") % facts
    body = [
        gettext("%(user)s submitted “%(title)s” (%(kind)s, %(organisation)s) for review.") % facts,
        "",
        gettext("Read it, then publish it or return it with a comment:"),
        facts["link"],
    ]
    return subject, body


def returned_message(item, actor):
    facts = _facts(item, actor)
    subject = gettext("Returned for changes: %(title)s") % facts
    body = [
        gettext("%(user)s returned “%(title)s” (%(kind)s) for changes, with this comment:") % facts,
        "",
        item.review_comment,
        "",
        gettext("Change it, then submit it for review again:"),
        facts["link"],
    ]
    return subject, body


def published_message(item, actor):
    facts = _facts(item, actor)
    subject = gettext("Published: %(title)s") % facts
    published_at = getattr(item, "published_at", None)
    if published_at is not None and published_at > timezone.now():
        when = date_format(timezone.localtime(published_at), "DATETIME_FORMAT")
        first = gettext("%(user)s published “%(title)s” (%(kind)s). It goes live on %(time)s.") % {
            **facts,
            "time": when,
        }
    else:
        first = gettext("%(user)s published “%(title)s” (%(kind)s). It is on the site now.") % facts
    return subject, [first, "", gettext("In the admin:"), facts["link"]]


def _send(recipient, item, actor, compose):
    language = language_of(recipient)
    with translation.override(language):
        subject, lines = compose(item, actor)
        mail.send(subject, "\n".join(lines), [recipient.email])


# --- the hooks editorial/services.py calls ------------------------------------------------------


def _after_commit(callback):
    def run():
        try:
            callback()
        except Exception:
            logger.exception("Could not prepare the workflow e-mails")

    transaction.on_commit(run)


def item_submitted(item, actor):
    actor_pk = getattr(actor, "pk", None)

    def notify():
        for reviewer in reviewers_of(item):
            if reviewer.pk != actor_pk:
                _send(reviewer, item, actor, submitted_message)

    _after_commit(notify)


def _notify_author(item, actor, compose):
    actor_pk = getattr(actor, "pk", None)

    def notify():
        author = author_of(item)
        if author is not None and author.pk != actor_pk and author.is_active and author.email:
            _send(author, item, actor, compose)

    _after_commit(notify)


def item_returned(item, actor):
    _notify_author(item, actor, returned_message)


def item_published(item, actor):
    _notify_author(item, actor, published_message)
