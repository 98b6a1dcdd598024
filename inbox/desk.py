"""The inbox's section of the admin desk (editorial/dashboard.py): new form submissions.

Who sees which submission is the inbox admin's rule (inbox/routing.py): federation staff all, an
editor those of their regions. At most two queries: the editor's regions, then the submissions.
"""

from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from editorial.dashboard import DeskItem, DeskSection, counted
from inbox import routing
from inbox.models import Submission


def sections(user):
    if not user.has_perm(routing.VIEW_PERMISSION):
        return []
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
    return [
        DeskSection(
            key="inbox-submissions",
            label=_("New form submissions"),
            count=total,
            url=f"{changelist}?status__exact={Submission.Status.NEW}",
            items=items,
            empty_text=_("No new form submissions."),
        )
    ]
