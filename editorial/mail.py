"""Sending the site's notifications so that their content can never make them fail unseen.

Headers are built from cleaned values only (unionsite/text.py): a line break typed into the
site's short name or a title cannot make a header. A mail the server refuses is logged and kept
as an `UndeliveredMail`, which the admin desk shows with its reason until someone deletes it.
"""

import logging
from email.utils import formataddr, parseaddr

from django.core.mail import EmailMessage
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from editorial.dashboard import DeskItem, DeskSection, counted
from editorial.models import UndeliveredMail
from unionsite.text import single_line, without_controls

logger = logging.getLogger(__name__)


def header_text(value):
    """`value` fit for a mail header: one line, no control character, trimmed."""
    return " ".join(single_line(str(value or "")).split())


def mailbox(name, address):
    """`"Name" <address>` with a cleaned name; the bare address when there is no name."""
    name, address = header_text(name), header_text(address)
    return formataddr((name, address)) if name and address else address


def send(subject, body, recipients, from_email=None):
    """Send one plain-text mail; True if the server took it, else record why and return False."""
    subject = header_text(subject)
    recipients = [address for address in map(header_text, recipients) if address]
    if from_email:
        from_email = mailbox(*parseaddr(str(from_email)))
    try:
        EmailMessage(subject, without_controls(str(body)), from_email or None, recipients).send()
    except Exception as error:
        logger.exception("Could not send the mail “%s” to %s", subject, ", ".join(recipients))
        UndeliveredMail.objects.create(
            subject=subject[:255] or "—",
            recipients=", ".join(recipients) or "—",
            reason=f"{type(error).__name__}: {error}"[:2000],
        )
        return False
    return True


def desk_sections(user):
    """The desk's section of mail that could not be sent, while there is any, for those who may see it."""
    if not user.has_perm("editorial.view_undeliveredmail"):
        return []
    total, failures = counted(UndeliveredMail.objects.order_by("-created_at", "-pk"))
    if not total:
        return []
    items = [
        DeskItem(
            text=failure.subject,
            url=reverse("admin:editorial_undeliveredmail_change", args=[failure.pk]),
            note=" · ".join(
                [
                    formats.date_format(timezone.localtime(failure.created_at), "SHORT_DATETIME_FORMAT"),
                    failure.reason[:120],
                ]
            ),
        )
        for failure in failures
    ]
    return [
        DeskSection(
            key="undelivered-mail",
            label=_("Emails that could not be sent"),
            count=total,
            url=reverse("admin:editorial_undeliveredmail_changelist"),
            items=items,
            empty_text=_("Every notification was sent."),
        )
    ]
