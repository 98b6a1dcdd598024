"""The review workflow's changes of state, one function each, for the admin, commands and tests.

Every function runs in a transaction and first re-reads the item and locks its row (on
PostgreSQL), so two reviewers acting on the same item at once act one after the other, the second
on what the first left. A change the user may not make, or that the item's state does not allow,
raises TransitionNotAllowed with a message for the user; it is a PermissionDenied, so a view that
lets it through answers 403 and changes nothing.

Who may do what (docs/architecture-editorial.md):
- submit: whoever may change the item (the model's change permission, its organisation in their
  scope), from draft or returned.
- return_for_changes, publish, schedule, unpublish: reviewers (the model's publish permission,
  the organisation in their scope). What is published changes only through them.
- save_edited: an edit form's save; its status may be one the user may choose.

Every change of status is written down (editorial.models.StatusChange: who, when, the comment)
and told by e-mail after the transaction commits (editorial/notifications.py): reviewers hear of
what is submitted, the author of what is returned or published. Submitting, publishing and
scheduling are refused while the item has review problems (`Publishable.review_problems`, such as
photos without captions).
"""

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from editorial import notifications
from editorial.models import PublicationStatus, StatusChange
from editorial.scopes import in_scope

NOT_IN_SCOPE = _("You do not edit the content of this organisation.")
NOT_AN_EDITOR = _("You may not change this content.")
REVIEWER_PUBLISHES = _("Only a reviewer may publish. Submit it for review instead.")
REVIEWER_RETURNS = _("Only a reviewer may return it for changes.")
REVIEWER_CHANGES_PUBLISHED = _("Only a reviewer may change or unpublish what is published.")
COMMENT_NEEDED = _("Write what to change: the editor sees this comment.")
NOT_SUBMITTABLE = _("Only a draft or content returned for changes can be submitted for review.")
NOT_SCHEDULABLE = _("This kind of content goes live when it is published; it has no publication time.")
SCHEDULE_IN_THE_PAST = _("Choose a publication time in the future, or publish it now.")


class TransitionNotAllowed(PermissionDenied):
    """The user may not make this change, or the item's state does not allow it."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message

    def __str__(self):
        return str(self.message)


def may_change(user, item):
    """The model's add (new item) or change permission, and the item's organisation in scope."""
    opts = item._meta
    action = "add" if item.pk is None else "change"
    return user.has_perm(f"{opts.app_label}.{action}_{opts.model_name}") and in_scope(user, item.organisation)


def _refuse_unless(allowed, message):
    if not allowed:
        raise TransitionNotAllowed(message)


def _lock(item):
    """Re-read `item` and hold its row until the transaction ends; unsaved changes are dropped."""
    rows = type(item)._base_manager.select_for_update(of=("self",)).select_related("organisation")
    item.refresh_from_db(from_queryset=rows)


def _require_reviewer(user, item, message):
    _refuse_unless(in_scope(user, item.organisation), NOT_IN_SCOPE)
    _refuse_unless(user.has_perm(item.publish_permission()), message)


def _refuse_with_problems(item):
    problems = item.review_problems()
    if problems:
        raise TransitionNotAllowed(" ".join(str(problem) for problem in problems))


def _record(item, user, *, created=False):
    """Write the change down and tell those who wait for it, once the transaction commits."""
    StatusChange.objects.create(
        content_type=ContentType.objects.get_for_model(item, for_concrete_model=False),
        object_id=item.pk,
        status=item.status,
        user=user if user is not None and user.pk else None,
        comment=item.review_comment if item.status == PublicationStatus.RETURNED else "",
        created=created,
    )
    if item.status == PublicationStatus.SUBMITTED:
        notifications.item_submitted(item, user)
    elif item.status == PublicationStatus.RETURNED:
        notifications.item_returned(item, user)
    elif item.status == PublicationStatus.PUBLISHED:
        notifications.item_published(item, user)


@transaction.atomic
def submit(item, user):
    """Draft or returned → submitted for review."""
    _lock(item)
    _refuse_unless(in_scope(user, item.organisation), NOT_IN_SCOPE)
    _refuse_unless(may_change(user, item), NOT_AN_EDITOR)
    _refuse_unless(item.status in (PublicationStatus.DRAFT, PublicationStatus.RETURNED), NOT_SUBMITTABLE)
    _refuse_with_problems(item)
    item.status = PublicationStatus.SUBMITTED
    item.save()
    _record(item, user)
    return item


@transaction.atomic
def return_for_changes(item, user, comment):
    """Back to the editor with a comment saying what to change (shown to them on the item)."""
    _lock(item)
    _require_reviewer(user, item, REVIEWER_RETURNS)
    comment = (comment or "").strip()
    _refuse_unless(comment, COMMENT_NEEDED)
    item.status = PublicationStatus.RETURNED
    item.review_comment = comment
    item.save()
    _record(item, user)
    return item


@transaction.atomic
def publish(item, user):
    """Published, from any state; the reviewer's comment is done with. It goes live at its
    publication time: now, or later if that time is in the future."""
    _lock(item)
    _require_reviewer(user, item, REVIEWER_PUBLISHES)
    _refuse_with_problems(item)
    was = item.status
    item.status = PublicationStatus.PUBLISHED
    item.review_comment = ""
    item.save()
    if was != item.status:
        _record(item, user)
    return item


@transaction.atomic
def schedule(item, user, when):
    """Published, going live by itself at `when` (a time in the future)."""
    _refuse_unless(item.has_publication_time(), NOT_SCHEDULABLE)
    _refuse_unless(when > timezone.now(), SCHEDULE_IN_THE_PAST)
    _lock(item)
    _require_reviewer(user, item, REVIEWER_PUBLISHES)
    _refuse_with_problems(item)
    item.status = PublicationStatus.PUBLISHED
    item.published_at = when
    item.review_comment = ""
    item.save()
    _record(item, user)
    return item


@transaction.atomic
def unpublish(item, user):
    """Back to draft, from any state: the public no longer sees it."""
    _lock(item)
    _require_reviewer(user, item, REVIEWER_CHANGES_PUBLISHED)
    was = item.status
    item.status = PublicationStatus.DRAFT
    item.save()
    if was != item.status:
        _record(item, user)
    return item


@transaction.atomic
def save_edited(item, user):
    """Store `item` as an edit form changed it, status included, under the rules above."""
    _refuse_unless(in_scope(user, item.organisation), NOT_IN_SCOPE)
    _refuse_unless(may_change(user, item), NOT_AN_EDITOR)
    was = None
    if item.pk is not None:
        stored = (
            type(item)
            ._base_manager.select_for_update(of=("self",))
            .select_related("organisation")
            .only("status", "organisation", "organisation__path")
            .get(pk=item.pk)
        )
        _refuse_unless(in_scope(user, stored.organisation), NOT_IN_SCOPE)
        was = stored.status
    reviewer = user.has_perm(item.publish_permission())
    if item.status == PublicationStatus.PUBLISHED:
        _refuse_unless(reviewer, REVIEWER_PUBLISHES)
    elif was == PublicationStatus.PUBLISHED:
        _refuse_unless(reviewer, REVIEWER_CHANGES_PUBLISHED)
    if item.status == PublicationStatus.RETURNED and was != PublicationStatus.RETURNED:
        _refuse_unless(reviewer, REVIEWER_RETURNS)
        _refuse_unless(item.review_comment.strip(), COMMENT_NEEDED)
    item.save()
    # The review problems are not asked here: the edit form checks what it posts (the photos of
    # its inline forms are saved after this), and a draft may be saved with problems.
    if was is None or was != item.status:
        _record(item, user, created=was is None)
    return item
