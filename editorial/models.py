"""What every kind of content with a review workflow shares, and the editors' organisations.

A kind of content inherits `Publishable` (status, reviewer's comment, organisation, publication
time, timestamps), gives its manager a queryset that extends `PublishableQuerySet`, and declares
the permission `publish_<model name>`. docs/architecture-editorial.md says the rest.
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop

from editorial.scopes import limit_to_scope
from unionsite import fields


class PublicationStatus(models.TextChoices):
    """The review workflow: draft → submitted → published, and back (returned with a comment)."""

    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted for review")
    RETURNED = "returned", _("Returned for changes")
    PUBLISHED = "published", _("Published")


class PublishableQuerySet(models.QuerySet):
    def published(self):
        """What the public may see: published, and with a publication time that has come.

        Scheduled content becomes visible by itself when its time comes; there is no scheduler.
        Views, feeds, sitemaps and search all ask this; none repeats the filter.
        """
        public = self.filter(status=PublicationStatus.PUBLISHED)
        if self.model.has_publication_time():
            public = public.filter(published_at__lte=timezone.now())
        return public

    def in_scope_of(self, user):
        """What `user` may see and change in the admin (editorial/scopes.py)."""
        return limit_to_scope(self, user, "organisation")

    def of_organisation_tree(self, organisation):
        """Content of the organisation and of every organisation below it (path prefix)."""
        return self.filter(organisation__path__startswith=organisation.path)


class Publishable(models.Model):
    """Content that editors write, reviewers publish, and the public sees once it is published."""

    Status = PublicationStatus

    status = models.CharField(
        _("status"),
        max_length=10,
        choices=Status.choices,
        default=Status.DRAFT,
        help_text=_(
            "Only published content is shown to the public. Editors save drafts and submit them for "
            "review; a reviewer publishes them or returns them with a comment."
        ),
    )
    review_comment = fields.PlainTextField(
        _("reviewer's comment"),
        blank=True,
        help_text=_("What to change before it can be published. Shown to the editor."),
    )
    # The scope: who may change it (editorial/scopes.py). A kind of content whose plural is not
    # "<name>s", or whose organisation is optional, declares this field again.
    organisation = models.ForeignKey(
        "structure.Organisation",
        on_delete=models.PROTECT,
        related_name="%(class)ss",
        verbose_name=_("organisation"),
        help_text=_(
            "The organisation it comes from, whose region is its region. Its editors, and those of "
            "the organisations above it, look after it."
        ),
    )
    # Content that goes live the moment it is published removes this field (`published_at = None`).
    published_at = fields.DateTimeField(
        _("publication time"),
        default=timezone.now,
        db_index=True,
        help_text=_(
            "It goes live on the site at this date and time (Bishkek time), provided its status is "
            "Published. A time in the future schedules it: it appears by itself then."
        ),
    )
    created_at = fields.DateTimeField(_("created"), auto_now_add=True)
    updated_at = fields.DateTimeField(_("updated"), auto_now=True)

    objects = PublishableQuerySet.as_manager()

    class Meta:
        abstract = True
        # The index that published() and the newest-first lists read.
        indexes = [models.Index(fields=["status", "-published_at"], name="%(app_label)s_%(class)s_public")]

    @classmethod
    def has_publication_time(cls):
        return any(field.name == "published_at" for field in cls._meta.concrete_fields)

    @classmethod
    def publish_permission(cls):
        """The permission of reviewers: publish, unpublish, schedule and return with a comment."""
        return f"{cls._meta.app_label}.publish_{cls._meta.model_name}"

    def review_problems(self):
        """What must be fixed before it can go to review or be published: a list of messages.

        Empty by default; a kind of content overrides it (a report asks for its photos'
        captions). editorial/services.py refuses submit, publish and schedule while it is not
        empty.
        """
        return []

    @property
    def is_public(self):
        """Does the public see it now? The same rule as `published()`, for one item."""
        if self.status != PublicationStatus.PUBLISHED:
            return False
        return not self.has_publication_time() or self.published_at <= timezone.now()


class EditorProfile(models.Model):
    """The organisations whose content a staff member edits (see editorial/scopes.py)."""

    class Language(models.TextChoices):
        KYRGYZ = "ky", _("Kyrgyz")
        RUSSIAN = "ru", _("Russian")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="editor_profile",
        verbose_name=_("user"),
    )
    organisations = models.ManyToManyField(
        "structure.Organisation",
        blank=True,
        related_name="editor_profiles",
        verbose_name=_("organisations"),
        help_text=_(
            "The staff member edits the reports, documents and contacts of these organisations and of "
            "every organisation below them. Federation editors see everything and need none."
        ),
    )

    language = models.CharField(
        _("language of notifications"),
        max_length=2,
        choices=Language.choices,
        default=Language.KYRGYZ,
        help_text=_("The e-mails about reports and documents to review, returned or published come in it."),
    )

    class Meta:
        ordering = ["user"]
        verbose_name = _("editor's organisations")
        verbose_name_plural = _("editor's organisations")
        permissions = [("edit_all_organisations", gettext_noop("Can edit the content of every organisation"))]

    def __str__(self):
        return str(self.user)


class StatusChange(models.Model):
    """One change of an item's workflow status (or its creation), who made it, and the comment.

    The services write it (editorial/services.py). It says who wrote an item and who is waiting
    for a review: the author hears back when it is returned or published, and the dashboard lists
    a staff member's drafts and returned items from it.
    """

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, verbose_name=_("kind of content"))
    object_id = models.PositiveBigIntegerField(_("item"))
    status = models.CharField(_("status"), max_length=10, choices=PublicationStatus.choices)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="status_changes",
        verbose_name=_("user"),
    )
    comment = fields.PlainTextField(_("reviewer's comment"), blank=True)
    created = models.BooleanField(_("created"), default=False)
    at = fields.DateTimeField(_("time"), default=timezone.now)

    class Meta:
        constraints = fields.date_range_constraints(datetimes=("at",))
        ordering = ["-at", "-pk"]
        verbose_name = _("status change")
        verbose_name_plural = _("status changes")
        indexes = [
            models.Index(fields=["content_type", "object_id", "-at"], name="editorial_change_item"),
            models.Index(fields=["user", "status"], name="editorial_change_user"),
        ]

    def __str__(self):
        return f"{self.content_type_id}:{self.object_id} → {self.status}"


class UndeliveredMail(models.Model):
    """A notification the mail server did not take: shown on the desk until someone deletes it.

    Written by editorial/mail.py instead of only logging, so that staff learn that mail stopped.
    """

    subject = fields.LineField(_("subject"), max_length=255)
    recipients = fields.PlainTextField(_("recipients"))
    reason = fields.PlainTextField(_("reason"))
    created_at = fields.DateTimeField(_("time"), default=timezone.now, db_index=True)

    class Meta:
        constraints = fields.date_range_constraints(datetimes=("created_at",))
        ordering = ["-created_at", "-pk"]
        verbose_name = _("undelivered email")
        verbose_name_plural = _("undelivered emails")

    def __str__(self):
        return self.subject
