"""The state changes of the inbox: a submission arrives (stored, editors emailed) and expires."""

import logging
from datetime import timedelta

from django.apps import apps
from django.conf import settings
from django.db import DatabaseError, transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _

from editorial import mail
from inbox import routing
from inbox.models import CONSENT_TEXT_VERSION, PurgeRun, Submission
from siteconfig.mail import sender, signature
from unionsite.client import hashed_ip
from unionsite.links import absolute_url
from unionsite.personal_data import delete_with_admin_history

logger = logging.getLogger(__name__)


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


# The purge runs daily (deploy/systemd/unionsite-purge.timer), and from the admin desk when a day
# has passed without it; the desk warns once none ran for PURGE_OVERDUE.
PURGE_EVERY = timedelta(days=1)
PURGE_OVERDUE = timedelta(days=2)
# How long the record of the runs themselves is kept.
PURGE_RUNS_KEPT = timedelta(days=90)


def purge_other_apps(now):
    """Run the personal-data purge every other installed app declares: an AppConfig's
    `personal_data_purge`, the dotted path of `purge(now)` returning how many rows went (the FAQ's
    questions asked through its form, with their replies). Return {app label: count}."""
    deleted = {}
    for app_config in apps.get_app_configs():
        path = getattr(app_config, "personal_data_purge", "")
        if path:
            deleted[app_config.label] = import_string(path)(now)
    for label, count in deleted.items():
        logger.info("The personal-data purge deleted %d row(s) of %s.", count, label)
    return deleted


def purge_expired(now=None, dry_run=False, trigger=PurgeRun.Trigger.COMMAND):
    """Delete the submissions older than INBOX_RETENTION_DAYS; return how many there were.

    The admin's history of their changes (staff notes in the change messages) goes with them. The
    other apps' personal data past its own retention period goes in the same run
    (`purge_other_apps`). The run is recorded (PurgeRun) for the admin desk.
    """
    now = now or timezone.now()
    expired = Submission.objects.expired(now)
    if dry_run:
        return expired.count()
    with transaction.atomic():
        deleted = delete_with_admin_history(expired)
        purge_other_apps(now)
        PurgeRun.objects.create(ran_at=now, deleted=deleted, trigger=trigger)
        PurgeRun.objects.filter(ran_at__lt=now - PURGE_RUNS_KEPT).delete()
    return deleted


def last_purge():
    return PurgeRun.objects.order_by("-ran_at", "-pk").first()


def purge_if_due(now=None):
    """Run the purge when the last run is older than PURGE_EVERY (or there was none); return the
    last run. A failure is logged and leaves the desk's warning to tell staff."""
    now = now or timezone.now()
    last = last_purge()
    if last is not None and last.ran_at > now - PURGE_EVERY:
        return last
    try:
        purge_expired(now, trigger=PurgeRun.Trigger.DESK)
    except DatabaseError:
        logger.exception("The personal-data purge failed.")
        return last
    return last_purge()


def purge_overdue(last, now=None):
    return last is None or last.ran_at <= (now or timezone.now()) - PURGE_OVERDUE
