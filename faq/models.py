from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import models
from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from unionsite import fields
from unionsite.richtext import RichTextField

# Slugs that are URLs of the FAQ itself (/ky/faq/ask/, /ky/faq/search/): no topic may take them.
RESERVED_TOPIC_SLUGS = {"ask", "search"}

# Slugs that are URLs of a topic's own pages (/ky/faq/<topic>/sheet/): no question may take them.
RESERVED_QUESTION_SLUGS = {"sheet"}

# An answer checked longer ago than this carries a warning that the law may have changed.
ANSWER_REVIEW_INTERVAL = timedelta(days=365)


def validate_topic_slug(value):
    if value in RESERVED_TOPIC_SLUGS:
        raise ValidationError(
            _("“%(slug)s” is already the address of another FAQ page; choose another one."),
            params={"slug": value},
            code="reserved",
        )


def validate_question_slug(value):
    if value in RESERVED_QUESTION_SLUGS:
        raise ValidationError(
            _("“%(slug)s” is already the address of another FAQ page; choose another one."),
            params={"slug": value},
            code="reserved",
        )


class TopicQuerySet(models.QuerySet):
    def with_question_counts(self):
        """Annotate `question_count`: the published questions of each topic (one query)."""
        published = (
            Question.objects.published()
            .filter(topic=OuterRef("pk"))
            .order_by()
            .values("topic")
            .annotate(total=Count("pk"))
            .values("total")
        )
        return self.annotate(question_count=Coalesce(Subquery(published), 0))


class Topic(models.Model):
    """A subject of the FAQ: sick leave and benefits, leave, dismissal, wages..."""

    name = fields.LineField(_("name"), max_length=160)
    slug = models.SlugField(
        _("address in URLs"),
        max_length=80,
        unique=True,
        validators=[validate_topic_slug],
        help_text=_("Latin letters, digits and hyphens; it becomes part of the page address."),
    )
    description = fields.PlainTextField(
        _("description"), blank=True, help_text=_("One or two sentences shown under the topic's name.")
    )
    order = models.PositiveSmallIntegerField(
        _("order"), default=0, help_text=_("Topics with smaller numbers come first.")
    )

    objects = TopicQuerySet.as_manager()

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("topic")
        verbose_name_plural = _("topics")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("faq:topic", args=[self.slug])


class QuestionQuerySet(models.QuerySet):
    def published(self):
        """Questions readers may see. Every public page, block and search goes through this."""
        return self.filter(is_published=True)


# The noticeboard sheet's short answer, written by staff (faq/printing.py).
SHORT_ANSWER_MAX_LENGTH = 400


class Question(models.Model):
    topic = models.ForeignKey(
        Topic, on_delete=models.PROTECT, related_name="questions", verbose_name=_("topic")
    )
    question = fields.LineField(_("question"), max_length=500)
    slug = models.SlugField(
        _("address in URLs"),
        max_length=120,
        validators=[validate_question_slug],
        help_text=_(
            "Latin letters, digits and hyphens; unique within the topic. Changing it breaks links "
            "that people have already shared."
        ),
    )
    answer = RichTextField(
        _("answer"),
        blank=True,
        help_text=_("Cite the acts and their articles; add them below as legal references too."),
    )
    short_answer = fields.PlainTextField(
        _("short answer for the noticeboard"),
        max_length=SHORT_ANSWER_MAX_LENGTH,
        blank=True,
        help_text=_(
            "Two or three sentences that stand on their own: the printed sheet shows them in full, "
            "with a QR code to the whole answer. Empty: the sheet shows the answer's first sentences "
            "that fit."
        ),
    )
    order = models.PositiveSmallIntegerField(
        _("order within the topic"),
        default=0,
        help_text=_("Questions are numbered within their topic in this order, smaller numbers first."),
    )
    is_published = models.BooleanField(
        _("published"),
        default=False,
        help_text=_(
            "Only published questions appear on the site. A question needs an answer to be published."
        ),
    )
    answer_checked_on = fields.DateField(
        _("answer checked on"),
        default=timezone.localdate,
        help_text=_(
            "The day a lawyer last checked this answer against the law in force. Readers see it; "
            "update it whenever you re-check the answer, even if nothing changed."
        ),
    )
    created_at = fields.DateTimeField(_("created"), auto_now_add=True)
    updated_at = fields.DateTimeField(_("updated"), auto_now=True)

    objects = QuestionQuerySet.as_manager()

    class Meta:
        ordering = ["topic__order", "topic_id", "order", "pk"]
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        constraints = [
            *fields.date_range_constraints(
                dates=("answer_checked_on",), datetimes=("created_at", "updated_at")
            ),
            models.UniqueConstraint(fields=["topic", "slug"], name="faq_question_unique_slug_in_topic"),
        ]

    def __str__(self):
        return self.question

    def get_absolute_url(self):
        return reverse("faq:question", args=[self.topic.slug, self.slug])

    def review_problems(self):
        """What must be written before the question is published (editorial/services.py asks it
        before ticking `is_published`)."""
        if not (self.answer_ky or self.answer_ru):
            return [_("Write the answer before publishing the question.")]
        return []

    def clean(self):
        super().clean()
        if self.is_published and self.review_problems():
            raise ValidationError({"is_published": self.review_problems()})
        if not (self.question_ky or self.question_ru):
            raise ValidationError({"question_ky": _("Write the question.")}, code="required")

    @property
    def needs_review(self):
        """True when the answer has not been checked for longer than the review interval."""
        return self.answer_checked_on < timezone.localdate() - ANSWER_REVIEW_INTERVAL


class LegalReference(models.Model):
    """An act and its article or item on which an answer rests."""

    question = models.ForeignKey(
        Question, on_delete=models.CASCADE, related_name="legal_references", verbose_name=_("question")
    )
    act = fields.LineField(
        _("act"),
        max_length=300,
        help_text=_(
            "The act's full name, e.g. “Labour Code of the Kyrgyz Republic” or “Government Decree "
            "No. 434 of 18 September 2018”."
        ),
    )
    article = fields.LineField(
        _("article or item"),
        max_length=160,
        blank=True,
        help_text=_("E.g. “Article 194” or “item 21 of the Regulation”."),
    )
    official_url = fields.WebLinkField(
        _("official text"),
        max_length=500,
        blank=True,
        help_text=_(
            "Link to the act on the Ministry of Justice's legal database (cbd.minjust.gov.kg), which "
            "publishes acts in Kyrgyz and Russian."
        ),
    )
    document = models.ForeignKey(
        "documents.Document",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="faq_references",
        verbose_name=_("document in the library"),
        help_text=_("The act's text in our document library, if it is there. Shown only while published."),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["question", "order", "pk"]
        verbose_name = _("legal reference")
        verbose_name_plural = _("legal references")

    def __str__(self):
        return f"{self.act}, {self.article}" if self.article else self.act

    def get_absolute_url(self):
        return self.question.get_absolute_url()


class IncomingQuestionQuerySet(models.QuerySet):
    def expired(self, now=None):
        """What the retention period says must go: questions that arrived more than
        FAQ_QUESTION_RETENTION_DAYS days before `now` (their replies go with them)."""
        days = settings.FAQ_QUESTION_RETENTION_DAYS
        return self.filter(created_at__lt=(now or timezone.now()) - timedelta(days=days))


class IncomingQuestion(models.Model):
    """A question a visitor sent through the ask form. Staff only: never shown publicly.

    It has no public page on purpose, so no get_absolute_url.
    """

    class Status(models.TextChoices):
        NEW = "new", pgettext_lazy("question status", "New")
        ANSWERED = "answered", pgettext_lazy("question status", "Answered")
        REJECTED = "rejected", pgettext_lazy("question status", "Rejected")

    text = fields.PlainTextField(_("question"))
    name = fields.LineField(pgettext_lazy("person", "name"), max_length=160, blank=True)
    contact = fields.LineField(
        _("contact"),
        max_length=200,
        blank=True,
        help_text=_("Phone or email the visitor left. Never public."),
    )
    organisation = models.ForeignKey(
        "structure.Organisation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("organisation"),
    )
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    created_at = fields.DateTimeField(_("received"), auto_now_add=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.NEW)
    staff_notes = fields.PlainTextField(
        _("staff notes"), blank=True, help_text=_("For staff only: who answered, how, when.")
    )
    faq_question = models.ForeignKey(
        Question,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="incoming_questions",
        verbose_name=_("FAQ entry"),
        help_text=_("The FAQ entry this question became, if any."),
    )
    ip_hash = models.CharField(
        _("sender's address (hashed)"),
        max_length=64,
        blank=True,
        editable=False,
        help_text=_(
            "A keyed hash of the sender's IP address, to audit abuse. The address itself is not kept."
        ),
    )

    objects = IncomingQuestionQuerySet.as_manager()

    class Meta:
        constraints = fields.date_range_constraints(datetimes=("created_at",))
        ordering = ["-created_at", "-pk"]
        verbose_name = _("incoming question")
        verbose_name_plural = _("incoming questions")

    def __str__(self):
        text = " ".join(self.text.split())
        return text if len(text) <= 80 else f"{text[:79]}…"

    @property
    def reply_email(self):
        """The contact when it is an email address (a reply can be mailed), else ""."""
        contact = self.contact.strip()
        try:
            validate_email(contact)
        except ValidationError:
            return ""
        return contact

    @property
    def reply_channel(self):
        """How staff reply: by email to an address, by phone to anything else; None without a contact."""
        if self.reply_email:
            return Reply.Channel.EMAIL
        return Reply.Channel.PHONE if self.contact.strip() else None


class Reply(models.Model):
    """A personal reply to an incoming question: a mail sent to the member, or a call back.

    Personal data like the question: staff only, no public page (so no get_absolute_url), and
    deleted with the question when its retention period ends (faq/services.py purge_expired).
    """

    class Channel(models.TextChoices):
        EMAIL = "email", pgettext_lazy("reply channel", "Email")
        PHONE = "phone", pgettext_lazy("reply channel", "Phone call")

    incoming_question = models.ForeignKey(
        IncomingQuestion,
        on_delete=models.CASCADE,
        related_name="replies",
        verbose_name=_("incoming question"),
    )
    channel = models.CharField(_("channel"), max_length=10, choices=Channel.choices)
    text = fields.PlainTextField(
        _("text"),
        blank=True,
        help_text=_("The reply mailed to the member, or the note on the call."),
    )
    faq_questions = models.ManyToManyField(
        Question,
        blank=True,
        related_name="+",
        verbose_name=_("FAQ answers linked"),
        help_text=_("Published FAQ answers the mail links to, in the member's language."),
    )
    replied_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("replied by"),
    )
    replied_at = fields.DateTimeField(_("replied at"), default=timezone.now)
    send_failure = fields.PlainTextField(
        _("sending failed"),
        blank=True,
        help_text=_("Why the mail could not be sent; empty when it was sent or for a call."),
    )

    class Meta:
        constraints = fields.date_range_constraints(datetimes=("replied_at",))
        ordering = ["replied_at", "pk"]
        verbose_name = _("reply")
        verbose_name_plural = _("replies")

    def __str__(self):
        return f"{self.get_channel_display()} {self.replied_at:%Y-%m-%d %H:%M}"

    @property
    def delivered(self):
        """True for a mail the server took and for a call; False for a mail that failed."""
        return not self.send_failure
