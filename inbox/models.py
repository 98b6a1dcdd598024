"""What visitors send through the "Join the union" and "Write to us" forms: personal data.

A submission is private: no public page shows it (so no get_absolute_url), only federation staff
and the editors of its region see it in the admin (inbox/admin.py), and it is deleted
INBOX_RETENTION_DAYS after it arrived (`manage.py purge_submissions`).
"""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from structure.models import Region
from unionsite import fields

NAME_MAX_LENGTH = 160
WORKPLACE_NAME_MAX_LENGTH = 255
PHONE_MAX_LENGTH = 20
EMAIL_MAX_LENGTH = 254
MESSAGE_MAX_LENGTH = 2000

# The version of the personal-data notice the visitor agreed to (inbox/templates/inbox/
# includes/consent_notice.html). Change it whenever the notice's wording changes.
CONSENT_TEXT_VERSION = "2026-11-30"


class SubmissionQuerySet(models.QuerySet):
    def older_than(self, days, now=None):
        """Submissions that arrived more than `days` days before `now`."""
        return self.filter(created_at__lt=(now or timezone.now()) - timedelta(days=days))

    def expired(self, now=None):
        """What the retention period says must go (INBOX_RETENTION_DAYS)."""
        return self.older_than(settings.INBOX_RETENTION_DAYS, now)

    def of_regions(self, regions):
        return self.filter(region__in=regions)


class Submission(models.Model):
    """An application to join the union, or a message to its staff."""

    class Kind(models.TextChoices):
        JOIN = "join", _("Application to join")
        WRITE = "write", _("Message")

    class Status(models.TextChoices):
        NEW = "new", pgettext_lazy("submission status", "New")
        IN_PROGRESS = "in-progress", pgettext_lazy("submission status", "In progress")
        ANSWERED = "answered", pgettext_lazy("submission status", "Answered")

    class WorkplaceType(models.TextChoices):
        SCHOOL = "school", _("School")
        KINDERGARTEN = "kindergarten", _("Kindergarten")
        UNIVERSITY = "university", _("University or college")
        INSTITUTE = "institute", _("Institute or research institution")
        OTHER = "other", pgettext_lazy("workplace", "Other")

    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    name = fields.LineField(pgettext_lazy("person", "name"), max_length=NAME_MAX_LENGTH)
    workplace_type = models.CharField(
        _("workplace type"), max_length=20, choices=WorkplaceType.choices, blank=True
    )
    workplace_name = fields.LineField(_("workplace"), max_length=WORKPLACE_NAME_MAX_LENGTH, blank=True)
    region = models.CharField(
        _("region"),
        max_length=20,
        choices=Region.choices,
        blank=True,
        db_index=True,
        help_text=_("Its editors see it and are emailed; without a region only federation staff see it."),
    )
    phone = fields.LineField(_("phone"), max_length=PHONE_MAX_LENGTH, blank=True)
    email = models.EmailField(_("email"), max_length=EMAIL_MAX_LENGTH, blank=True)
    message = fields.PlainTextField(_("message"), blank=True)
    consent_at = fields.DateTimeField(
        _("consent given"), help_text=_("When the visitor agreed to the processing of their personal data.")
    )
    consent_text_version = models.CharField(
        _("version of the consent text"),
        max_length=20,
        help_text=_("Which wording of the personal-data notice the visitor agreed to."),
    )
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.NEW)
    staff_note = fields.PlainTextField(
        _("staff note"), blank=True, help_text=_("For staff only: who answered, how and when.")
    )
    created_at = fields.DateTimeField(_("received"), default=timezone.now, db_index=True, editable=False)
    ip_hash = models.CharField(
        _("sender's address (hashed)"),
        max_length=64,
        blank=True,
        editable=False,
        help_text=_(
            "A keyed hash of the sender's IP address, to audit abuse. The address itself is not kept."
        ),
    )

    objects = SubmissionQuerySet.as_manager()

    class Meta:
        constraints = fields.date_range_constraints(datetimes=("consent_at", "created_at"))
        ordering = ["-created_at", "-pk"]
        verbose_name = _("submission")
        verbose_name_plural = _("submissions")

    def __str__(self):
        # No name here: the admin's history (LogEntry) keeps this text.
        return f"{self.get_kind_display()} #{self.pk}"


class PurgeRun(models.Model):
    """One run of the personal-data purge (inbox/services.py purge_expired): when, how many went.

    The admin desk shows the last one and warns when none ran for longer than it should.
    """

    class Trigger(models.TextChoices):
        COMMAND = "command", _("the daily timer or a command")
        DESK = "desk", _("the admin desk, as it was due")

    ran_at = fields.DateTimeField(_("ran at"), default=timezone.now, db_index=True)
    deleted = models.PositiveIntegerField(_("submissions deleted"), default=0)
    trigger = models.CharField(_("started by"), max_length=10, choices=Trigger.choices)

    class Meta:
        constraints = fields.date_range_constraints(datetimes=("ran_at",))
        ordering = ["-ran_at", "-pk"]
        verbose_name = _("personal-data purge")
        verbose_name_plural = _("personal-data purges")

    def __str__(self):
        return f"{self.get_trigger_display()} {self.ran_at:%Y-%m-%d %H:%M}"
