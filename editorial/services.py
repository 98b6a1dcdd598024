"""Every change of what the public sees goes through here: one function per change of state, for
the admin, management commands, demo loaders and tests alike. No other module writes a publication
status (`Publishable.status`) or a publication tick (`is_published`); tests/editorial/
test_workflow_guard.py reads the code and fails when one does.

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
- save_edited: an edit form's save; its status may be one the user may choose. The rules it
  applies are `edit_problems`, which the admin's form asks first to show each message on its
  field, and `may_handle`, which the admin's change and delete permissions ask.

Content published by a tick (`is_published`, no review, no organisation: FAQ questions) goes
through `publish`, `unpublish` and `save_edited` too; the model's change permission is enough, and
its `review_problems` (an answer) are asked before the tick is set.

The site itself acts as `SYSTEM` (demo loaders, management commands): it passes every permission
and scope check, its changes are recorded with no user, and nobody is e-mailed about them. It is a
named actor, never a missing user: a function called with `None` fails.

Every change of status is written down (editorial.models.StatusChange: who, when, the comment;
a tick is written as published or draft) and told by e-mail after the transaction commits
(editorial/notifications.py): reviewers hear of what is submitted, the author of what is returned
or published. Submitting, publishing and scheduling are refused while the item has review problems
(`Publishable.review_problems`, such as photos without captions), and so is saving an item as
submitted or published (`must_be_ready`).
"""

import contextlib
from collections.abc import Callable, Iterator
from datetime import datetime
from typing import TYPE_CHECKING, Any, TypeAlias

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Model
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from editorial import notifications
from editorial.models import PublicationStatus, Publishable, StatusChange
from editorial.scopes import in_scope

if TYPE_CHECKING:
    from django.contrib.auth.models import User

NOT_IN_SCOPE = _("You do not edit the content of this organisation.")
NOT_AN_EDITOR = _("You may not change this content.")
CHOOSE_YOUR_ORGANISATION = _("Choose one of the organisations you edit (yours or one below it).")
REVIEWER_PUBLISHES = _("Only a reviewer may publish. Submit it for review instead.")
REVIEWER_RETURNS = _("Only a reviewer may return it for changes.")
REVIEWER_CHANGES_PUBLISHED = _("Only a reviewer may change or unpublish what is published.")
COMMENT_NEEDED = _("Write what to change: the editor sees this comment.")
NOT_SUBMITTABLE = _("Only a draft or content returned for changes can be submitted for review.")
NOT_SCHEDULABLE = _("This kind of content goes live when it is published; it has no publication time.")
SCHEDULE_IN_THE_PAST = _("Choose a publication time in the future, or publish it now.")

# The statuses an item reaches only without review problems (`Publishable.review_problems`).
READY_STATUSES = (PublicationStatus.SUBMITTED, PublicationStatus.PUBLISHED)


class TransitionNotAllowed(PermissionDenied):
    """The user may not make this change, or the item's state does not allow it."""

    def __init__(self, message: str | Promise) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return str(self.message)


class System:
    """The site acting on its own (demo loaders, management commands); see the module docstring."""

    def __repr__(self) -> str:
        return "SYSTEM"


SYSTEM = System()

# Who acts: an editor or reviewer, or the site itself. `isinstance(user, System)` tells which (SYSTEM
# is the only System), as mypy follows isinstance but not `is SYSTEM`.
Actor: TypeAlias = "User | System"
# An item of content of either kind: a Publishable (the review workflow) or a model published by a
# tick (`is_published`), which this layer may not import. The functions taking both read what only
# one kind has after asking `_ticked`, which mypy cannot follow: hence Any.
Content: TypeAlias = Any


# --- the rules ------------------------------------------------------------------------------------


def _ticked(item: Content) -> bool:
    """Content published by a tick (`is_published`) rather than through the review workflow."""
    return not isinstance(item, Publishable)


def _require_workflow(item: Content) -> None:
    if _ticked(item):
        raise TypeError(f"{type(item).__name__} is published by a tick; it has no review workflow.")


def status_of(item: Content) -> str:
    """The item's publication status; a tick reads as published or draft."""
    if _ticked(item):
        return PublicationStatus.PUBLISHED if item.is_published else PublicationStatus.DRAFT
    status: str = item.status
    return status


def _has_model_permission(user: Actor, item: Content) -> bool:
    opts = item._meta
    action = "add" if item.pk is None else "change"
    return isinstance(user, System) or user.has_perm(f"{opts.app_label}.{action}_{opts.model_name}")


def _organisation(item: Publishable) -> Model | None:
    """The item's organisation; None when it has none (or a form left it unset)."""
    return item.organisation if item.organisation_id is not None else None


def _in_scope(user: Actor, item: Content) -> bool:
    return isinstance(user, System) or _ticked(item) or in_scope(user, _organisation(item))


def may_change(user: Actor, item: Content) -> bool:
    """The model's add (new item) or change permission, and the item's organisation in scope."""
    return _has_model_permission(user, item) and _in_scope(user, item)


def is_reviewer(user: Actor, item: Content) -> bool:
    """The model's publish permission and the item's organisation in scope; for content published
    by a tick, the change permission."""
    if isinstance(user, System) or _ticked(item):
        return may_change(user, item)
    return user.has_perm(item.publish_permission()) and in_scope(user, _organisation(item))


def _handling_problem(user: Actor, stored: Content) -> str | Promise | None:
    """Why `user` may not touch the stored item at all: out of their scope, or published and they
    are no reviewer. None when they may."""
    if not _in_scope(user, stored):
        return NOT_IN_SCOPE
    if status_of(stored) == PublicationStatus.PUBLISHED and not is_reviewer(user, stored):
        return REVIEWER_CHANGES_PUBLISHED
    return None


def may_handle(user: Actor, stored: Content) -> bool:
    """May `user` change or delete the stored item, provided the model's permission allows it?
    What is published changes only through a reviewer. The admin's permissions ask this."""
    return _handling_problem(user, stored) is None


def choosable_statuses(user: Actor, item: Publishable) -> list[PublicationStatus]:
    """The statuses `user` may give `item` (as stored) on its edit form: any for a reviewer; draft
    and submitted for an editor, and returned while it is returned."""
    if isinstance(user, System) or user.has_perm(item.publish_permission()):
        return list(PublicationStatus)
    allowed = [PublicationStatus.DRAFT, PublicationStatus.SUBMITTED]
    if item.pk is not None and item.status == PublicationStatus.RETURNED:
        allowed.append(PublicationStatus.RETURNED)
    return allowed


def must_be_ready(item: Content) -> bool:
    """Is the item in a state it may have only without review problems?"""
    return status_of(item) in READY_STATUSES


def _stored(item: Content, lock: bool) -> Content:
    """The stored row of `item` (its status, tick and organisation), locked with `lock`."""
    rows = type(item)._base_manager.all()
    if lock:
        rows = rows.select_for_update(of=("self",))
    if _ticked(item):
        return rows.only("is_published").get(pk=item.pk)
    return (
        rows.select_related("organisation")
        .only("status", "organisation", "organisation__path")
        .get(pk=item.pk)
    )


def _edit_problems(
    user: Actor, item: Content, stored: Content | None
) -> list[tuple[str | None, str | Promise]]:
    if isinstance(user, System):
        return []
    if not _has_model_permission(user, item):
        return [(None, NOT_AN_EDITOR)]
    if stored is not None:
        problem = _handling_problem(user, stored)
        if problem is not None:
            return [(None, problem)]
    if _ticked(item):
        return []
    organisation = _organisation(item)
    if organisation is None and not in_scope(user, None):
        return [(None, NOT_IN_SCOPE)]  # the federation's own content (pages, federal documents)
    if not in_scope(user, organisation):
        return [("organisation", CHOOSE_YOUR_ORGANISATION)]
    reviewer = user.has_perm(item.publish_permission())
    was = None if stored is None else stored.status
    problems: list[tuple[str | None, str | Promise]] = []
    if item.status == PublicationStatus.PUBLISHED and not reviewer:
        problems.append(("status", REVIEWER_PUBLISHES))
    if item.status == PublicationStatus.RETURNED and was != PublicationStatus.RETURNED:
        if not reviewer:
            problems.append(("status", REVIEWER_RETURNS))
        elif not item.review_comment.strip():
            problems.append(("review_comment", COMMENT_NEEDED))
    return problems


def edit_problems(user: Actor, item: Content) -> list[tuple[str | None, str | Promise]]:
    """Why `save_edited` would refuse to store `item` as an edit form changed it: a list of
    (field name, message), the field None when the message is about the whole item. Empty when
    it may be stored. The admin's form shows each on its field; the review problems are the
    form's own (it checks what it posts, photos included)."""
    return _edit_problems(user, item, None if item.pk is None else _stored(item, lock=False))


def _refuse_unless(allowed: object, message: str | Promise) -> None:
    if not allowed:
        raise TransitionNotAllowed(message)


def _lock(item: Content) -> None:
    """Re-read `item` and hold its row until the transaction ends; unsaved changes are dropped."""
    rows = type(item)._base_manager.select_for_update(of=("self",))
    if not _ticked(item):
        rows = rows.select_related("organisation")
    item.refresh_from_db(from_queryset=rows)


def _require_reviewer(user: Actor, item: Content, message: str | Promise) -> None:
    if _ticked(item):
        _refuse_unless(may_change(user, item), NOT_AN_EDITOR)
        return
    _refuse_unless(_in_scope(user, item), NOT_IN_SCOPE)
    _refuse_unless(is_reviewer(user, item), message)


def _refuse_with_problems(item: Content) -> None:
    problems = item.review_problems()
    if problems:
        raise TransitionNotAllowed(" ".join(str(problem) for problem in problems))


def _set_status(item: Content, status: str) -> None:
    if _ticked(item):
        item.is_published = status == PublicationStatus.PUBLISHED
    else:
        item.status = status


def _record(item: Content, user: Actor, *, created: bool = False) -> None:
    """Write the change down and tell those who wait for it, once the transaction commits."""
    status = status_of(item)
    StatusChange.objects.create(
        content_type=ContentType.objects.get_for_model(item, for_concrete_model=False),
        object_id=item.pk,
        status=status,
        user=None if isinstance(user, System) or user is None or not user.pk else user,
        comment=item.review_comment if status == PublicationStatus.RETURNED else "",
        created=created,
    )
    if isinstance(user, System) or _ticked(item):
        return
    if status == PublicationStatus.SUBMITTED:
        notifications.item_submitted(item, user)
    elif status == PublicationStatus.RETURNED:
        notifications.item_returned(item, user)
    elif status == PublicationStatus.PUBLISHED:
        notifications.item_published(item, user)


# --- the changes of state -------------------------------------------------------------------------


@transaction.atomic
def submit(item: Publishable, user: Actor) -> Publishable:
    """Draft or returned → submitted for review."""
    _require_workflow(item)
    _lock(item)
    _refuse_unless(_in_scope(user, item), NOT_IN_SCOPE)
    _refuse_unless(may_change(user, item), NOT_AN_EDITOR)
    _refuse_unless(item.status in (PublicationStatus.DRAFT, PublicationStatus.RETURNED), NOT_SUBMITTABLE)
    _refuse_with_problems(item)
    _set_status(item, PublicationStatus.SUBMITTED)
    item.save()
    _record(item, user)
    return item


@transaction.atomic
def return_for_changes(item: Publishable, user: Actor, comment: str | None) -> Publishable:
    """Back to the editor with a comment saying what to change (shown to them on the item)."""
    _require_workflow(item)
    _lock(item)
    _require_reviewer(user, item, REVIEWER_RETURNS)
    comment = (comment or "").strip()
    _refuse_unless(comment, COMMENT_NEEDED)
    _set_status(item, PublicationStatus.RETURNED)
    item.review_comment = comment
    item.save()
    _record(item, user)
    return item


@transaction.atomic
def publish(item: Content, user: Actor) -> Content:
    """Published, from any state; the reviewer's comment is done with. It goes live at its
    publication time: now, or later if that time is in the future. A ticked item: ticked."""
    _lock(item)
    _require_reviewer(user, item, REVIEWER_PUBLISHES)
    _refuse_with_problems(item)
    was = status_of(item)
    _set_status(item, PublicationStatus.PUBLISHED)
    if not _ticked(item):
        item.review_comment = ""
    item.save()
    if was != PublicationStatus.PUBLISHED:
        _record(item, user)
    return item


@transaction.atomic
def schedule(item: Publishable, user: Actor, when: datetime) -> Publishable:
    """Published, going live by itself at `when` (a time in the future)."""
    _require_workflow(item)
    _refuse_unless(item.has_publication_time(), NOT_SCHEDULABLE)
    _refuse_unless(when > timezone.now(), SCHEDULE_IN_THE_PAST)
    _lock(item)
    _require_reviewer(user, item, REVIEWER_PUBLISHES)
    _refuse_with_problems(item)
    _set_status(item, PublicationStatus.PUBLISHED)
    item.published_at = when
    item.review_comment = ""
    item.save()
    _record(item, user)
    return item


@transaction.atomic
def unpublish(item: Content, user: Actor) -> Content:
    """Back to draft, from any state: the public no longer sees it. A ticked item: unticked."""
    _lock(item)
    _require_reviewer(user, item, REVIEWER_CHANGES_PUBLISHED)
    was = status_of(item)
    _set_status(item, PublicationStatus.DRAFT)
    item.save()
    if was != PublicationStatus.DRAFT:
        _record(item, user)
    return item


@transaction.atomic
def save_edited(
    item: Content, user: Actor, *, related: Callable[[], object] | None = None, created: bool | None = None
) -> Content:
    """Store `item` as an edit form changed it, status included, under `edit_problems`' rules.

    `related` stores the rest of the form (inline rows, many-to-many) once the item is stored;
    then an item saved as submitted or published must have no review problems. `created` says
    that the form added the item (default: it had no row before).
    """
    stored = None if item.pk is None else _stored(item, lock=True)
    problems = _edit_problems(user, item, stored)
    if problems:
        raise TransitionNotAllowed(problems[0][1])
    item.save()
    if related is not None:
        related()
    if must_be_ready(item):
        _refuse_with_problems(item)
    was = None if stored is None else status_of(stored)
    if was != status_of(item):
        _record(item, user, created=stored is None if created is None else created)
    return item


def prepare_for_bulk_create(item: Content, *, published: bool) -> Content:
    """Give a new, unsaved item its state before the site stores many at once with bulk_create
    (devtools' benchmark database): published or draft, or the tick. Nothing is recorded, as
    bulk_create sends no signal either; an item already stored is refused."""
    if item.pk is not None or not item._state.adding:
        raise TypeError("Only a new item is prepared for bulk_create; change a stored one with publish.")
    _set_status(item, PublicationStatus.PUBLISHED if published else PublicationStatus.DRAFT)
    return item


@contextlib.contextmanager
def stored_status_kept(item: Publishable) -> Iterator[Publishable]:
    """Within it, `item` carries the status it has in the database (draft if it is new), for code
    that must write the row before `save_edited` (treebeard places a page in its tree by saving
    it); the status the form chose is put back on leaving, for save_edited to judge."""
    if _ticked(item):
        raise TypeError("Only content of the review workflow is placed before it is saved.")
    chosen = item.status, item.review_comment
    if item.pk is None:
        item.status, item.review_comment = PublicationStatus.DRAFT, ""
    else:
        item.status, item.review_comment = (
            type(item)._base_manager.values_list("status", "review_comment").get(pk=item.pk)
        )
    try:
        yield item
    finally:
        item.status, item.review_comment = chosen
