"""What staff change about the site as a whole: its contacts and names, and the home page.

Two singletons (django-solo), each edited on one admin page:

* `SiteSettings`: the federation's names, address, phones, emails, reception hours, social
  accounts, footer note and default share image. The footer, the contacts page, JSON-LD
  `Organization`, page titles and the staff emails read them.
* `HomePage`: the introduction and motto, with its announcements, featured items and the order
  of the app blocks as rows pointing at it, so that the admin edits all of the home page on one
  page (inlines). It is a record of its own rather than more fields on `SiteSettings` because
  it changes often and for other reasons (a new notice every week), and only the home page reads
  it; every page reads the settings.

Both are read through siteconfig/loading.py, which keeps them in the shared cache under a version
that every save bumps: a page that is not in the page cache costs at most one query for them.
"""

import re
from dataclasses import dataclass

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from solo.models import SingletonModel

from unionsite import fields, registry
from unionsite.images import PhotoField, validate_image_upload
from unionsite.links import NetworkLinkValidator, validate_link
from unionsite.richtext import RichTextField

# What a fresh site shows until staff fill in their own (the data migration stores the same).
DEFAULTS = {
    "full_name_ky": "Кыргыз Республикасынын билим берүү жана илим кызматкерлеринин кесиптик бирлиги",
    "full_name_ru": "Профсоюз работников образования и науки Кыргызской Республики",
    "short_name_ky": "Билим берүү жана илим кызматкерлеринин кесиптик бирлиги",
    "short_name_ru": "Профсоюз работников образования и науки",
    "address_ky": "720040, Бишкек ш., Чүй проспекти 207, 301-кабинет",
    "address_ru": "720040, г. Бишкек, проспект Чуй 207, кабинет 301",
    "reception_hours_ky": "",
    "reception_hours_ru": "",
    "footer_note_ky": "Укуктук суроолор: кесиптик бирликтин юристтери мүчөлөргө акысыз жооп беришет.",
    "footer_note_ru": "Правовые вопросы: юристы профсоюза отвечают членам бесплатно.",
    "phones": "+996 312 00-00-00",
    "emails": "info@example.kg",
}

PHONE_LINE = re.compile(r"^\+?[0-9][0-9 ()\-]{4,24}$")


@dataclass(frozen=True)
class Phone:
    display: str
    tel: str


def parse_phones(text):
    """The phone numbers of a multi-line field, one per line, with their tel: form."""
    phones = []
    for line in (text or "").splitlines():
        line = " ".join(line.split())
        if line:
            digits = re.sub(r"\D", "", line)
            phones.append(Phone(display=line, tel=("+" if line.startswith("+") else "") + digits))
    return phones


def parse_lines(text):
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def validate_phones(text):
    for line in parse_lines(text):
        digits = re.sub(r"\D", "", line)
        if not PHONE_LINE.match(line) or not 5 <= len(digits) <= 15:
            raise ValidationError(
                _("“%(line)s” is not a phone number. Write one per line, for example +996 312 00-00-00."),
                code="bad_phone",
                params={"line": line[:60]},
            )


def validate_emails(text):
    validator = EmailValidator()
    for line in parse_lines(text):
        try:
            validator(line)
        except ValidationError:
            raise ValidationError(
                _("“%(line)s” is not an email address. Write one address per line."),
                code="bad_email",
                params={"line": line[:60]},
            ) from None


SOCIAL_NETWORKS = [
    # field, name shown, hosts accepted, example
    ("facebook_url", "Facebook", ("facebook.com", "www.facebook.com", "m.facebook.com", "fb.com"),
     "https://www.facebook.com/union.kg"),
    ("instagram_url", "Instagram", ("instagram.com", "www.instagram.com"), "https://www.instagram.com/union.kg"),
    ("telegram_url", "Telegram", ("t.me", "telegram.me"), "https://t.me/union_kg"),
    ("whatsapp_url", "WhatsApp", ("wa.me", "chat.whatsapp.com", "api.whatsapp.com", "whatsapp.com",
     "www.whatsapp.com"), "https://wa.me/996312000000"),
    ("youtube_url", "YouTube", ("youtube.com", "www.youtube.com", "m.youtube.com", "youtu.be"),
     "https://www.youtube.com/@union.kg"),
]  # fmt: skip


def _social_field(name, hosts, example):
    return fields.WebLinkField(
        name,
        max_length=300,
        blank=True,
        validators=[NetworkLinkValidator(name, hosts, example)],
        help_text=format_lazy(
            _("The address of the union's account, for example {example}. Leave empty to hide it."),
            example=example,
        ),
    )


# What pages, print headings, feeds and e-mails call the union while its settings name nothing.
DEFAULT_FULL_NAME = _("Trade Union of Education and Science Workers of the Kyrgyz Republic")
DEFAULT_SHORT_NAME = _("Education and Science Workers' Union")


class SiteSettings(SingletonModel):
    """The one record of the site's names and contacts (both languages where it is text).

    Templates, feeds and e-mails name the union through `name` and `brand` only, never literally
    (tests/siteconfig/test_names_from_settings.py).
    """

    full_name = fields.LineField(
        _("full name"),
        max_length=255,
        blank=True,
        help_text=_("The federation's full name: shown in the header, the footer and shared links."),
    )
    short_name = fields.LineField(
        _("short name"),
        max_length=120,
        blank=True,
        help_text=_(
            "Shown after every page title in the browser tab and as the site's name in shared links."
        ),
    )
    address = fields.PlainTextField(
        _("address"),
        blank=True,
        help_text=_("Postcode, town, street, building and office; line breaks are kept."),
    )
    reception_hours = fields.PlainTextField(
        _("reception hours"),
        blank=True,
        help_text=_("For example: Monday to Friday, 9:00–18:00, lunch 12:30–13:30. Leave empty to hide."),
    )
    footer_note = fields.PlainTextField(
        _("footer note"), blank=True, help_text=_("A short line at the bottom of every page.")
    )
    phones = fields.PlainTextField(
        _("phones"),
        blank=True,
        validators=[validate_phones],
        help_text=_("One number per line, with the country code, for example +996 312 00-00-00."),
    )
    emails = fields.PlainTextField(
        _("emails"),
        blank=True,
        validators=[validate_emails],
        help_text=_("One address per line; the first is the main one."),
    )
    facebook_url = _social_field("Facebook", *SOCIAL_NETWORKS[0][2:])
    instagram_url = _social_field("Instagram", *SOCIAL_NETWORKS[1][2:])
    telegram_url = _social_field("Telegram", *SOCIAL_NETWORKS[2][2:])
    whatsapp_url = _social_field("WhatsApp", *SOCIAL_NETWORKS[3][2:])
    youtube_url = _social_field("YouTube", *SOCIAL_NETWORKS[4][2:])
    share_image = PhotoField(
        _("default share image"),
        upload_to="siteconfig/",
        blank=True,
        validators=[validate_image_upload],
        help_text=_(
            "The picture shown when a page without its own photo is shared on social networks; "
            "best 1200 × 630 pixels. Empty: the union's emblem."
        ),
    )
    updated_at = fields.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        constraints = fields.date_range_constraints(datetimes=("updated_at",))
        verbose_name = _("site settings")
        verbose_name_plural = _("site settings")

    def __str__(self):
        return str(_("Site settings"))

    def get_absolute_url(self):
        return reverse("home")

    @classmethod
    def defaults(cls):
        """An unsaved record holding what a fresh site shows."""
        return cls(pk=cls.singleton_instance_id, **DEFAULTS)

    @property
    def name(self):
        """The full name staff gave, else the default one."""
        return self.full_name or DEFAULT_FULL_NAME

    @property
    def brand(self):
        """The short name staff gave, else the default one."""
        return self.short_name or DEFAULT_SHORT_NAME

    @property
    def phone_numbers(self):
        return parse_phones(self.phones)

    @property
    def email_addresses(self):
        return parse_lines(self.emails)

    @property
    def social_links(self):
        """[(name, url)] of the accounts filled in, in a fixed order."""
        return [
            (name, getattr(self, field)) for field, name, *_rest in SOCIAL_NETWORKS if getattr(self, field)
        ]

    @property
    def has_contacts(self):
        return bool(self.address or self.phones or self.emails or self.reception_hours or self.social_links)


class HomePage(SingletonModel):
    """The home page's own words: the introduction and the motto (see the module's docstring)."""

    introduction = RichTextField(
        _("introduction"),
        blank=True,
        help_text=_(
            "A few lines on the federation's mission, shown at the top of the home page. Leave empty to hide."
        ),
    )
    motto = fields.LineField(
        _("motto"),
        max_length=200,
        blank=True,
        help_text=_("Shown under the introduction, for example «Биздин күч – бирдикте!»."),
    )
    updated_at = fields.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        constraints = fields.date_range_constraints(datetimes=("updated_at",))
        verbose_name = _("home page")
        verbose_name_plural = _("home page")

    def __str__(self):
        return str(_("Home page"))

    def get_absolute_url(self):
        return reverse("home")


class AnnouncementQuerySet(models.QuerySet):
    def current(self, now=None):
        """Shown now: started, and not yet ended."""
        now = now or timezone.now()
        return self.filter(Q(ends_at__isnull=True) | Q(ends_at__gt=now), starts_at__lte=now)


class Announcement(models.Model):
    """A notice at the top of the home page, shown from its start to its end with no scheduler."""

    home_page = models.ForeignKey(
        HomePage,
        on_delete=models.CASCADE,
        related_name="announcements",
        default=1,
        verbose_name=_("home page"),
    )
    text = fields.LineField(_("text"), max_length=300, blank=True, help_text=_("One or two sentences."))
    link = fields.LineField(
        _("link"),
        max_length=300,
        blank=True,
        validators=[validate_link],
        help_text=_(
            "Optional: a page of this site (copy its address from /ky/ or /ru/ on) or an https:// link."
        ),
    )
    starts_at = fields.DateTimeField(
        _("shown from"),
        default=timezone.now,
        help_text=_("It appears by itself at this date and time (Bishkek time)."),
    )
    ends_at = fields.DateTimeField(
        _("shown until"),
        null=True,
        blank=True,
        help_text=_("It disappears by itself at this date and time. Empty: until you delete it."),
    )

    objects = AnnouncementQuerySet.as_manager()

    class Meta:
        constraints = fields.date_range_constraints(datetimes=("starts_at", "ends_at"))
        ordering = ["-starts_at", "-pk"]
        verbose_name = _("announcement")
        verbose_name_plural = _("announcements")

    def __str__(self):
        return self.text

    def get_absolute_url(self):
        return reverse("home")

    def clean(self):
        super().clean()
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError(
                {"ends_at": _("The end must come after the start.")}, code="ends_before_start"
            )
        if not (self.text_ky or self.text_ru):
            raise ValidationError({"text_ky": _("Write the text in at least one language.")}, code="no_text")

    def is_current(self, now=None):
        now = now or timezone.now()
        return self.starts_at <= now and (self.ends_at is None or now < self.ends_at)


def featurable_models():
    """The public content staff may pin: models of the content apps with a page and `published()`."""
    found = []
    for config in registry.content_apps():
        for model in config.public_models():
            if hasattr(model, "get_absolute_url") and callable(
                getattr(model._default_manager, "published", None)
            ):
                found.append(model)
    return found


def featurable_content_types():
    return Q(pk__in=[ContentType.objects.get_for_model(model).pk for model in featurable_models()])


class FeaturedItem(models.Model):
    """A report, page, document or FAQ answer pinned to the home page by staff, in their order."""

    home_page = models.ForeignKey(
        HomePage,
        on_delete=models.CASCADE,
        related_name="featured_items",
        default=1,
        verbose_name=_("home page"),
    )
    content_type = models.ForeignKey(
        ContentType,
        on_delete=models.CASCADE,
        limit_choices_to=featurable_content_types,
        verbose_name=_("kind"),
    )
    object_id = models.PositiveBigIntegerField(_("item"))
    target = GenericForeignKey("content_type", "object_id")
    position = models.PositiveSmallIntegerField(
        pgettext_lazy("place in a list", "position"), default=0, help_text=_("Smaller numbers come first.")
    )

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("featured item")
        verbose_name_plural = _("featured items")

    def __str__(self):
        return f"{self.content_type.name} #{self.object_id}" if self.content_type_id else str(self.object_id)

    def get_absolute_url(self):
        return reverse("home")


def home_block_choices():
    return [
        (config.label, config.verbose_name)
        for config in registry.content_apps()
        if config.home_block_template
    ]


class HomeBlock(models.Model):
    """The place of one app's block on the home page, or its absence. Apps without a row keep theirs."""

    home_page = models.ForeignKey(
        HomePage, on_delete=models.CASCADE, related_name="blocks", default=1, verbose_name=_("home page")
    )
    app_label = models.CharField(_("block"), max_length=100, choices=home_block_choices)
    position = models.PositiveSmallIntegerField(
        pgettext_lazy("place in a list", "position"), default=0, help_text=_("Smaller numbers come first.")
    )
    is_visible = models.BooleanField(_("shown"), default=True, help_text=_("Untick to hide the block."))

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("home page block")
        verbose_name_plural = _("home page blocks")
        constraints = [models.UniqueConstraint(fields=["app_label"], name="siteconfig_homeblock_unique_app")]

    def __str__(self):
        return self.get_app_label_display()

    def get_absolute_url(self):
        return reverse("home")
