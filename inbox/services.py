"""The state changes of the inbox: a submission arrives (stored, editors emailed) and expires."""

from django.conf import settings
from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from editorial import mail
from inbox import routing
from inbox.models import CONSENT_TEXT_VERSION, Submission
from siteconfig.mail import sender, signature
from unionsite.client import hashed_ip
from unionsite.links import absolute_url


def receive(form, *, request, language, ip):
    """Store what a visitor sent through `form` (valid) and email the people who handle it."""
    submission = form.save(commit=False)
    submission.kind = form.kind
    submission.language = language
    submission.consent_at = timezone.now()
    submission.consent_text_version = CONSENT_TEXT_VERSION
    submission.ip_hash = hashed_ip(ip, "inbox.Submission.ip_hash")
    submission.save()
    notify(request, submission)
    return submission


def _mail_text(request, submission):
    """Subject and body in the current language."""
    admin_path = reverse("admin:inbox_submission_change", args=[submission.pk])
    if submission.kind == Submission.Kind.JOIN:
        subject = _("Application to join the union: %(name)s") % {"name": submission.name}
        intro = _("A visitor applied to join the union through the site.")
    else:
        subject = _("Message through the site: %(name)s") % {"name": submission.name}
        intro = _("A visitor wrote to the union through the site.")
    lines = [
        intro,
        "",
        _("Name: %(name)s") % {"name": submission.name},
        _("Workplace: %(workplace)s")
        % {
            "workplace": ", ".join(
                part for part in (submission.get_workplace_type_display(), submission.workplace_name) if part
            )
            or "—"
        },
        _("Region: %(region)s") % {"region": submission.get_region_display() or "—"},
        _("Phone: %(phone)s") % {"phone": submission.phone or "—"},
        _("Email: %(email)s") % {"email": submission.email or "—"},
        "",
        submission.message or "—",
        "",
        _("Open it in the admin and set its status once you have answered: %(url)s")
        % {"url": absolute_url(request, admin_path)},
    ]
    return subject, "\n".join(lines)


def notify(request, submission):
    """Email the region's editors (federation staff when it has none), in both languages.

    A mail failure must not lose the stored submission: it is logged and the visitor is thanked.
    """
    to = routing.recipients(submission)
    if not to:
        return
    subjects, bodies = [], []
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            subject, body = _mail_text(request, submission)
        subjects.append(subject)
        bodies.append(body)
    mail.send(" / ".join(subjects), "\n\n— — —\n\n".join(bodies) + signature(), to, sender())


@transaction.atomic
def purge_expired(now=None, dry_run=False):
    """Delete the submissions older than INBOX_RETENTION_DAYS; return how many there were.

    The admin's history of their changes (staff notes in the change messages) goes with them.
    """
    expired = Submission.objects.expired(now or timezone.now())
    if dry_run:
        return expired.count()
    pks = [str(pk) for pk in expired.values_list("pk", flat=True)]
    content_type = ContentType.objects.get_for_model(Submission)
    for start in range(0, len(pks), 500):
        LogEntry.objects.filter(content_type=content_type, object_id__in=pks[start : start + 500]).delete()
    return expired.delete()[0]
