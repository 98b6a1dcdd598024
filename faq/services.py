"""The state changes of a member's question: staff reply to it (by email or a call back), and it
expires with its replies when its retention period ends.

Called by the admin (faq/admin.py) and the tests alike; the daily personal-data purge of the inbox
runs `purge_expired` through FaqConfig.personal_data_purge.
"""

from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from editorial import mail
from editorial.models import UndeliveredMail
from faq.models import IncomingQuestion, Reply
from siteconfig.mail import sender, signature
from unionsite.personal_data import delete_with_admin_history


def reply_mail(incoming, text, faq_questions, origin):
    """Subject and body of the reply, in the language the member asked in.

    `origin` is the site's scheme and host; the FAQ answers are linked in the member's language.
    """
    with translation.override(incoming.language):
        subject = _("Reply to your question")
        greeting = _("Hello, %(name)s!") % {"name": incoming.name} if incoming.name else _("Hello!")
        lines = [greeting, "", text.strip()]
        if faq_questions:
            lines += ["", _("Answers on our site that may help you:")]
            for question in faq_questions:
                lines += [f"• {question.question}", f"  {origin}{question.get_absolute_url()}"]
        lines += ["", _("Your question:")]
        lines += [f"> {line}" if line.strip() else ">" for line in incoming.text.splitlines()]
        lines += ["", _("Kind regards,")]
        body = "\n".join(lines) + signature(incoming.language)
    return subject, body


def _failure_reason(address, since):
    """Why the mail to `address` just failed, as editorial.mail recorded it."""
    failure = (
        UndeliveredMail.objects.filter(recipients=address, created_at__gte=since)
        .order_by("-created_at", "-pk")
        .first()
    )
    return failure.reason if failure else _("The mail server did not take the mail.")


def _mark_answered(incoming):
    incoming.status = IncomingQuestion.Status.ANSWERED
    IncomingQuestion.objects.filter(pk=incoming.pk).update(status=incoming.status)


def reply_by_email(incoming, *, text, faq_questions=(), user, origin):
    """Mail `text` (and links to `faq_questions`) to the member; record the reply either way.

    Sent: the question is answered. Not sent: the reply is kept with the reason, the question keeps
    its status, and the desk lists the mail among those that could not be sent.
    """
    address = incoming.reply_email
    if not address:
        raise ValueError("The question's contact is not an email address.")
    faq_questions = list(faq_questions)
    subject, body = reply_mail(incoming, text, faq_questions, origin)
    started = timezone.now()
    sent = mail.send(subject, body, [address], sender())
    with transaction.atomic():
        reply = Reply.objects.create(
            incoming_question=incoming,
            channel=Reply.Channel.EMAIL,
            text=text.strip(),
            replied_by=user,
            send_failure="" if sent else _failure_reason(address, started),
        )
        reply.faq_questions.set(faq_questions)
        if sent:
            _mark_answered(incoming)
    return reply


@transaction.atomic
def record_call(incoming, *, note="", user):
    """Record that staff called the member back; the question is answered."""
    reply = Reply.objects.create(
        incoming_question=incoming, channel=Reply.Channel.PHONE, text=note.strip(), replied_by=user
    )
    _mark_answered(incoming)
    return reply


def purge_expired(now=None):
    """Delete the questions older than FAQ_QUESTION_RETENTION_DAYS with their replies and their
    admin history (staff notes and the question's text are in its change messages); return how
    many questions went. Run by the daily personal-data purge (inbox/services.py)."""
    with transaction.atomic():
        return delete_with_admin_history(IncomingQuestion.objects.expired(now))
