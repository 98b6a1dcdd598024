"""The inbox's section of the admin desk (editorial/dashboard.py): new form submissions.

Who sees which submission is the inbox admin's rule (inbox/routing.py): federation staff all, an
editor those of their regions. At most two queries: the editor's regions, then the submissions.
"""

from django.conf import settings
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from editorial.dashboard import DeskItem, DeskSection, counted
from inbox import routing, services
from inbox.models import Submission


def sections(user):
    if not user.has_perm(routing.VIEW_PERMISSION):
        return []
    return [new_submissions(user), *purge_section(user)]


def purge_section(user):
    """When the personal-data purge last ran, for those who may delete submissions; it runs here
    when a day has passed without it, and the section warns when it is overdue all the same."""
    if not user.has_perm("inbox.delete_submission"):
        return []
    now = timezone.now()
    last = services.purge_if_due(now)
    days = settings.INBOX_RETENTION_DAYS
    items = []
    if last is not None:
        when = formats.date_format(timezone.localtime(last.ran_at), "SHORT_DATETIME_FORMAT")
        items.append(
            DeskItem(
                text=ngettext(
                    "Last run %(when)s: %(count)d submission deleted.",
                    "Last run %(when)s: %(count)d submissions deleted.",
                    last.deleted,
                )
                % {"when": when, "count": last.deleted},
                note=last.get_trigger_display(),
            )
        )
    if services.purge_overdue(last, now):
        items.append(DeskItem(text=gettext("Overdue: the purge has not run for more than two days.")))
    return [
        DeskSection(
            key="inbox-purge",
            label=ngettext(
                "Personal data: submissions are kept %(days)d day",
                "Personal data: submissions are kept %(days)d days",
                days,
            )
            % {"days": days},
            count=len(items),
            items=items,
            empty_text=gettext("The purge has not run yet."),
        )
    ]


def new_submissions(user):
    new = routing.visible_to(Submission.objects.filter(status=Submission.Status.NEW), user)
    total, submissions = counted(new.order_by("-created_at", "-pk"))
    items = []
    for submission in submissions:
        note = [submission.get_kind_display()]
        if submission.region:
            note.append(submission.get_region_display())
        note.append(formats.date_format(timezone.localtime(submission.created_at), "SHORT_DATETIME_FORMAT"))
        items.append(
            DeskItem(
                text=submission.name or str(submission),
                url=reverse("admin:inbox_submission_change", args=[submission.pk]),
                note=" · ".join(note),
            )
        )
    changelist = reverse("admin:inbox_submission_changelist")
    return DeskSection(
        key="inbox-submissions",
        label=_("New form submissions"),
        count=total,
        url=f"{changelist}?status__exact={Submission.Status.NEW}",
        items=items,
        empty_text=_("No new form submissions."),
    )
