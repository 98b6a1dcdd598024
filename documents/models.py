"""The document library: agreements, collective-agreement templates, booklets, laws and forms."""

import uuid

from django.db import models, transaction
from django.db.models import Case, Exists, F, IntegerField, OuterRef, Value, When
from django.template.defaultfilters import filesizeformat
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop

from documents.formats import CONTENT_TYPES, EXTENSIONS, FORMAT_LABELS, FileFormat, detect_format
from documents.validators import validate_document_upload
from editorial.models import Publishable, PublishableQuerySet
from unionsite import fields
from unionsite.richtext import RichTextField

# The slug of the document type the home block puts first (the model collective agreement).
COLLECTIVE_AGREEMENT_TEMPLATE = "collective-agreement-template"


class DocumentType(models.Model):
    """A kind of document (agreement, booklet, law...); editors add and rename them."""

    name = fields.LineField(_("name"), max_length=120)
    slug = models.SlugField(
        _("address in URLs"),
        max_length=80,
        unique=True,
        help_text=_("Latin letters, digits and hyphens; used in the library's filter links."),
    )
    order = models.PositiveSmallIntegerField(
        _("order"), default=0, help_text=_("Types with a smaller number come first in the filter.")
    )

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("document type")
        verbose_name_plural = _("document types")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return f"{reverse('documents:list')}?type={self.slug}"


class DocumentQuerySet(PublishableQuerySet):
    def with_file_in(self, language):
        return self.filter(Exists(DocumentFile.objects.filter(document=OuterRef("pk"), language=language)))

    def key_documents(self):
        """Key documents for the home page, the model collective agreement first."""
        template_first = Case(
            When(document_type__slug=COLLECTIVE_AGREEMENT_TEMPLATE, then=Value(0)),
            default=Value(1),
            output_field=IntegerField(),
        )
        return (
            self.published()
            .filter(is_key=True)
            .select_related("document_type")
            .annotate(template_first=template_first)
            .order_by("template_first", "order", F("date_signed").desc(nulls_last=True), "pk")
        )


class Document(Publishable):
    """One document of the library, with a file in Kyrgyz, in Russian or in both.

    It goes live the moment a reviewer publishes it: it has no publication time.
    """

    title = fields.LineField(_("title"), max_length=255)
    slug = models.SlugField(
        _("address in URLs"),
        max_length=120,
        unique=True,
        help_text=_("Latin letters, digits and hyphens; it becomes part of the page and download addresses."),
    )
    document_type = models.ForeignKey(
        DocumentType,
        on_delete=models.PROTECT,
        related_name="documents",
        verbose_name=_("type"),
    )
    description = RichTextField(_("description"), blank=True)
    number = fields.LineField(
        _("number"),
        max_length=60,
        blank=True,
        help_text=_("The registration number without the sign №, for example 12-К."),
    )
    date_signed = fields.DateField(
        _("date signed"),
        null=True,
        blank=True,
        help_text=_(
            "The date the document was signed, adopted or published. The library's year filter uses it."
        ),
    )
    parties = fields.PlainTextField(
        _("parties"),
        blank=True,
        help_text=_("For agreements: who signed it, one party per line."),
    )
    valid_from = fields.DateField(_("valid from"), null=True, blank=True)
    valid_until = fields.DateField(
        _("valid until"),
        null=True,
        blank=True,
        help_text=_(
            "Leave empty for documents without a term. After this date the document stays in the "
            "library, marked as expired."
        ),
    )
    organisation = models.ForeignKey(
        "structure.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="documents",
        verbose_name=_("issuing organisation"),
        help_text=_("The union organisation that issued or signed the document, if any."),
    )
    published_at = None
    is_key = models.BooleanField(
        _("key document"),
        default=False,
        help_text=_("Key documents are listed on the home page; the model collective agreement comes first."),
    )
    order = models.PositiveSmallIntegerField(
        _("order"), default=0, help_text=_("Among key documents, a smaller number comes first.")
    )

    objects = DocumentQuerySet.as_manager()

    class Meta:
        constraints = fields.date_range_constraints(
            dates=("date_signed", "valid_from", "valid_until"), datetimes=("created_at", "updated_at")
        )
        ordering = [F("date_signed").desc(nulls_last=True), "-created_at", "-pk"]
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        permissions = [("publish_document", gettext_noop("Can publish, unpublish and return documents"))]

    def clean(self):
        super().clean()
        # The pages print "№ " before the number: one typed with its sign would show it twice.
        self.number = self.number.strip().lstrip("№").strip()

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("documents:detail", args=[self.slug])

    @property
    def is_expired(self):
        """An agreement past its term: shown, but marked."""
        return self.valid_until is not None and self.valid_until < timezone.localdate()


def document_file_path(instance, filename):
    """documents/<yyyy>/<uuid>.<extension of the detected format>: never the uploader's name."""
    file_format = instance.format
    if not file_format and instance.file:
        file_format = detect_format(instance.file)
    extension = EXTENSIONS.get(file_format, "bin")
    return f"documents/{timezone.now():%Y}/{uuid.uuid4().hex}.{extension}"


def _delete_stored_file(storage, name):
    if name and not DocumentFile.objects.filter(file=name).exists():
        storage.delete(name)


def delete_file_on_commit(storage, name):
    """Remove a stored file once the database change that dropped it has committed.

    If the transaction rolls back, the callback is discarded and the file stays.
    """
    if name:
        transaction.on_commit(lambda: _delete_stored_file(storage, name))


class DocumentFile(models.Model):
    """The file of a document in one language."""

    class Language(models.TextChoices):
        KYRGYZ = "ky", _("Kyrgyz")
        RUSSIAN = "ru", _("Russian")

    document = models.ForeignKey(
        Document, on_delete=models.CASCADE, related_name="files", verbose_name=_("document")
    )
    language = models.CharField(_("language"), max_length=2, choices=Language.choices)
    file = models.FileField(
        _("file"),
        upload_to=document_file_path,
        max_length=255,
        validators=[validate_document_upload],
        help_text=_(
            "PDF, DOC, DOCX, ODT, RTF, XLS, XLSX, JPG or PNG. The format is checked from the content; "
            "the file is stored under a new name."
        ),
    )
    format = models.CharField(_("format"), max_length=8, choices=FileFormat.choices, editable=False)
    size = models.PositiveBigIntegerField(_("size in bytes"), default=0, editable=False)
    download_count = models.PositiveIntegerField(_("downloads"), default=0, editable=False)
    uploaded_at = fields.DateTimeField(_("uploaded"), auto_now=True)

    class Meta:
        ordering = ["document", "language"]
        verbose_name = _("document file")
        verbose_name_plural = _("document files")
        constraints = [
            *fields.date_range_constraints(datetimes=("uploaded_at",)),
            models.UniqueConstraint(fields=["document", "language"], name="one_file_per_document_language"),
        ]

    def __str__(self):
        return f"{self.document} ({self.get_language_display()})"

    def save(self, *args, **kwargs):
        previous = None
        if self.pk:
            previous = DocumentFile.objects.filter(pk=self.pk).values_list("file", flat=True).first()
        if self.file and not self.file._committed:
            # A new upload: record what the content is (not what the name says) and its size.
            self.format = detect_format(self.file) or self.format
            self.size = self.file.size
        super().save(*args, **kwargs)
        if previous and previous != self.file.name:
            delete_file_on_commit(self.file.storage, previous)

    def get_absolute_url(self):
        return reverse("documents:download", args=[self.document.slug, self.language])

    @property
    def content_type(self):
        return CONTENT_TYPES.get(self.format, "application/octet-stream")

    @property
    def format_label(self):
        return FORMAT_LABELS.get(self.format, self.format.upper())

    @property
    def size_display(self):
        return filesizeformat(self.size)


def document_file_deleted(sender, instance, **kwargs):
    delete_file_on_commit(instance.file.storage, instance.file.name)


models.signals.post_delete.connect(
    document_file_deleted, sender=DocumentFile, dispatch_uid="documents_file_deleted"
)
