from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models.signals import post_delete
from django.dispatch import receiver
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop

from editorial.models import Publishable, PublishableQuerySet
from unionsite import fields
from unionsite.images import PhotoField, validate_image_upload
from unionsite.media import SlugAndCoverMixin
from unionsite.renditions import (
    PHOTO_ALIASES,
    delete_renditions,
    make_renditions,
    renditions_from,
)
from unionsite.richtext import RichTextField


class Category(models.Model):
    name = fields.LineField(_("name"), max_length=120)
    slug = models.SlugField(
        _("address in URLs"),
        max_length=80,
        unique=True,
        help_text=_("Latin letters, digits and hyphens; used in the filter of the news list."),
    )
    order = models.PositiveSmallIntegerField(
        _("order"), default=0, help_text=_("Smaller numbers come first in the filter.")
    )

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("category")
        verbose_name_plural = _("categories")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return f"{reverse('news:list')}?category={self.slug}"


class ReportQuerySet(PublishableQuerySet):
    def in_region(self, region):
        return self.filter(organisation__region=region)

    def for_cards(self):
        return self.select_related("organisation", "category")


class Report(SlugAndCoverMixin, Publishable):
    """A report from a region: an event, a seminar, a congress, with its photos.

    The region is not stored here: it is the organisation's (`report.region`), so moving an
    organisation to another region, or fixing a wrong one, moves its reports with it. Filtering
    by region is a join on the organisation, which the list needs anyway for its cards.
    """

    slug_fallback = "report"

    # Regional staff often write in one language only: no language is required on its own, and
    # `clean` asks for a title in at least one of them.
    title = fields.LineField(_("title"), max_length=255, blank=True)
    slug = models.SlugField(
        _("address in URLs"),
        max_length=120,
        unique=True,
        blank=True,
        help_text=_(
            "Latin letters, digits and hyphens, for example ozgon-seminar. Leave it empty to make it "
            "from the title. Changing it later breaks links shared before."
        ),
    )
    lead = fields.PlainTextField(
        _("lead"),
        blank=True,
        help_text=_("One or two sentences shown in the list, in search engines and in shared links."),
    )
    body = RichTextField(_("text"), blank=True)
    category = models.ForeignKey(
        Category, on_delete=models.PROTECT, related_name="reports", verbose_name=_("category")
    )
    prepared_by_name = fields.LineField(
        _("prepared by (name)"), max_length=160, blank=True, help_text=_("For example: A. Asanova")
    )
    prepared_by_position = fields.LineField(
        _("prepared by (position)"),
        max_length=255,
        blank=True,
        help_text=_("For example: chair of the district committee"),
    )
    cover = PhotoField(
        _("cover photo"),
        upload_to="news/covers/%Y/%m/",
        blank=True,
        validators=[validate_image_upload],
        help_text=_("Shown in the list and at the top of the report. JPEG, PNG, WebP or GIF, up to 15 MB."),
    )
    cover_renditions = models.JSONField(default=dict, blank=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="news_reports",
        verbose_name=_("created by"),
    )

    objects = ReportQuerySet.as_manager()

    class Meta(Publishable.Meta):
        constraints = fields.date_range_constraints(datetimes=("published_at", "created_at", "updated_at"))
        ordering = ["-published_at", "-pk"]
        get_latest_by = "published_at"
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        permissions = [("publish_report", gettext_noop("Can publish, unpublish and return reports"))]

    def __str__(self):
        return self.title or self.slug

    def get_absolute_url(self):
        day = timezone.localdate(self.published_at)
        return reverse(
            "news:detail",
            kwargs={
                "year": day.year,
                "month": f"{day.month:02d}",
                "day": f"{day.day:02d}",
                "slug": self.slug,
            },
        )

    def get_photo_url(self, number):
        """The page of the gallery's photo `number` (1 for the first)."""
        return f"{self.get_absolute_url()}photos/{number}/"

    @property
    def region(self):
        return self.organisation.region

    def get_region_display(self):
        return self.organisation.get_region_display()

    def clean(self):
        super().clean()
        if not (self.title_ky or self.title_ru):
            raise ValidationError(
                {"title_ky": _("Write the title in at least one language.")}, code="no_title"
            )

    def languages(self):
        """The languages it is written in (those with a title); both when it has none yet."""
        written = [code for code in settings.MODELTRANSLATION_LANGUAGES if getattr(self, f"title_{code}", "")]
        return written or list(settings.MODELTRANSLATION_LANGUAGES)

    def review_problems(self):
        """Every photo needs a caption in a language of the report before review or publication."""
        return [message for _photo, message in self.photo_problems(self.photos.all())]

    def photo_problems(self, photos):
        """(photo, message) for each of `photos`, the gallery in its order, without a caption in a
        language of the report. The stored gallery for review_problems; the admin's photo forms
        pass the photos as posted."""
        languages = self.languages()
        return [
            (photo, photo_without_caption_message(number, photo))
            for number, photo in enumerate(photos, 1)
            if not photo.has_caption(languages)
        ]

    def photo_number(self, photo):
        """The photo's place in the gallery, 1 for the first; counted once per report object."""
        numbers = self.__dict__.get("_photo_numbers")
        if numbers is None:
            pks = self.photos.order_by("order", "pk").values_list("pk", flat=True)
            numbers = self.__dict__["_photo_numbers"] = {pk: number for number, pk in enumerate(pks, 1)}
        return numbers.get(photo.pk, len(numbers) + 1)


def photo_without_caption_message(number, photo):
    """ "Photo 2 (hall.jpg) has no caption…", in the active language."""
    name = photo.image.name.rsplit("/", 1)[-1] if photo.image else ""
    return _(
        "Photo %(number)d (%(file)s) has no caption. Write what it shows before the report is "
        "submitted for review or published."
    ) % {"number": number, "file": name}


class ReportPhoto(models.Model):
    report = models.ForeignKey(
        Report, on_delete=models.CASCADE, related_name="photos", verbose_name=_("report")
    )
    image = PhotoField(
        _("photo"),
        upload_to="news/photos/%Y/%m/",
        validators=[validate_image_upload],
        help_text=_("JPEG, PNG, WebP or GIF, up to 15 MB."),
    )
    caption = fields.LineField(_("caption"), max_length=255, blank=True)
    alt_text = fields.LineField(
        _("alternative text"),
        max_length=255,
        blank=True,
        help_text=_(
            "What the photo shows, for people who cannot see it. Leave empty if the caption says it."
        ),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    renditions = models.JSONField(default=dict, blank=True, editable=False)

    # What `manage.py refresh_renditions` makes again (as for covers, unionsite/media.py).
    rendered_images = (("image", "renditions", PHOTO_ALIASES),)

    class Meta:
        ordering = ["report", "order", "pk"]
        verbose_name = _("photo")
        verbose_name_plural = _("photos")

    def __str__(self):
        return self.caption or self.image.name.rsplit("/", 1)[-1]

    def save(self, *args, **kwargs):
        update_fields = kwargs.get("update_fields")
        if update_fields is None or "image" in update_fields:
            self._refresh_renditions(save=False)
            if update_fields is not None:
                kwargs["update_fields"] = {*update_fields, "renditions"}
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return f"{self.report.get_absolute_url()}#photo-{self.pk}"

    @property
    def alt(self):
        """Never empty, as the gallery's photos are links: the report's title and the photo's
        number when the editor wrote neither an alternative text nor a caption."""
        if self.alt_text or self.caption:
            return self.alt_text or self.caption
        report = self.report
        return _("%(title)s, photo %(number)d") % {"title": report, "number": report.photo_number(self)}

    def has_caption(self, languages):
        return any((getattr(self, f"caption_{code}", "") or "").strip() for code in languages)

    def _refresh_renditions(self, save=True):
        if not self.image:
            data = {}
        elif self.renditions.get("source") == self.image.name and all(
            alias in self.renditions for alias in PHOTO_ALIASES
        ):
            return
        else:
            self._meta.get_field("image").pre_save(self, add=self._state.adding)
            data = make_renditions(self.image, PHOTO_ALIASES)
        self.renditions = data
        self.__dict__.pop("sizes", None)
        if save and self.pk:
            ReportPhoto.objects.filter(pk=self.pk).update(renditions=data)

    @cached_property
    def sizes(self):
        """{alias: Rendition}: gallery_thumb and large."""
        if self.image and self.renditions.get("source") != self.image.name:
            self._refresh_renditions()
        return renditions_from(self.renditions)


@receiver(post_delete, sender=ReportPhoto)
def delete_photo_files(sender, instance, **kwargs):
    """A photo removed from the gallery takes its file and renditions with it, once committed."""
    image = instance.image
    if image:
        transaction.on_commit(lambda: delete_renditions(image))
