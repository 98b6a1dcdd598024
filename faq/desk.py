"""The FAQ's section of the admin desk (editorial/dashboard.py): visitors' questions not yet answered.

Shown to those who may change incoming questions (FAQ editors, federation editors); one query.
"""

from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from editorial.dashboard import DeskItem, DeskSection, counted
from faq.models import IncomingQuestion

CHANGE_PERMISSION = "faq.change_incomingquestion"


def sections(user):
    if not user.has_perm(CHANGE_PERMISSION):
        return []
    new = IncomingQuestion.objects.filter(status=IncomingQuestion.Status.NEW)
    total, questions = counted(new.select_related("organisation").order_by("-created_at", "-pk"))
    items = []
    for question in questions:
        note = [formats.date_format(timezone.localtime(question.created_at), "SHORT_DATETIME_FORMAT")]
        if question.organisation:
            note.append(str(question.organisation))
        items.append(
            DeskItem(
                text=str(question),
                url=reverse("admin:faq_incomingquestion_change", args=[question.pk]),
                note=" · ".join(note),
            )
        )
    changelist = reverse("admin:faq_incomingquestion_changelist")
    return [
        DeskSection(
            key="faq-questions",
            label=_("New questions"),
            count=total,
            url=f"{changelist}?status__exact={IncomingQuestion.Status.NEW}",
            items=items,
            empty_text=_("No new questions."),
        )
    ]
