"""Events of the union: seminars, trainings, congresses, sports days, celebrations, meetings.

An event has the same workflow, scope and history as a report (editorial.Publishable): editors of
an organisation write it, a reviewer publishes it, and the public sees it from its publication
time. Its region is its organisation's. After it took place, a report can be linked to it.

Times are stored as aware datetimes and shown in Bishkek time (settings.TIME_ZONE). An all-day
event runs from 00:00 of its first day to 23:59:59 of its last day, Bishkek time: `clean` sets
those times, so lists, the calendar and the feeds treat both kinds alike, and the iCalendar
export writes the dates alone (VALUE=DATE, with the day after the last as the exclusive end).
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop

from editorial.models import Publishable, PublishableQuerySet
from unionsite import fields
from unionsite.images import PhotoField, validate_image_upload
from unionsite.media import SlugAndCoverMixin
from unionsite.richtext import RichTextField


class EventCategory(models.TextChoices):
    SEMINAR = "seminar", _("Seminar")
    TRAINING = "training", _("Training")
    CONGRESS = "congress", _("Congress or conference")
    SPORTS = "sports", _("Sports day")
    CELEBRATION = "celebration", _("Celebration")
    MEETING = "meeting", _("Meeting")
    OTHER = "other", _("Other event")


class EventQuerySet(PublishableQuerySet):
    def for_cards(self):
        return self.select_related("organisation")

    def upcoming(self, now=None):
        """Events not over yet (those under way included), soonest first."""
        return self.filter(end__gte=now or timezone.now()).order_by("start", "pk")

    def past(self, now=None):
        """Events that are over, the latest first."""
        return self.filter(end__lt=now or timezone.now()).order_by("-start", "-pk")

    def in_region(self, region):
        return self.filter(organisation__region=region)

    def between(self, start, end):
        """Events taking place at some moment in [start, end)."""
        return self.filter(start__lt=end, end__gte=start)


def local_midnight(day):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


class Event(SlugAndCoverMixin, Publishable):
    slug_fallback = "event"
    Category = EventCategory

    # As for reports, no language is required on its own; `clean` asks for a title in one of them.
    title = fields.LineField(_("title"), max_length=255, blank=True)
    slug = models.SlugField(
        _("address in URLs"),
        max_length=120,
        unique=True,
        blank=True,
        help_text=_(
            "Latin letters, digits and hyphens, for example osh-seminar. Leave it empty to make it "
            "from the title. It also names the calendar file."
        ),
    )
    description = RichTextField(_("description"), blank=True)
    category = models.CharField(_("kind of event"), max_length=20, choices=EventCategory.choices)
    start = fields.DateTimeField(
        _("start"), help_text=_("Bishkek time. For an all-day event only the date counts.")
    )
    end = fields.DateTimeField(
        _("end"),
        help_text=_("Bishkek time, after the start. For an all-day event, the date of its last day."),
    )
    all_day = models.BooleanField(
        _("all day"),
        default=False,
        help_text=_("The event takes whole days (a sports day, a holiday): calendars show the dates only."),
    )
    place = fields.LineField(
        _("place"),
        max_length=255,
        blank=True,
        help_text=_("The address as people say it, for example: Osh, Lenin street 221, school No. 5, hall."),
    )
    map_url = fields.WebLinkField(
        _("link to a map"), blank=True, help_text=_("Optional: a link to the place on a map.")
    )
    contact = fields.LineField(
        _("contact"),
        max_length=255,
        blank=True,
        help_text=_("Who answers questions: a name, a phone number or an email address."),
    )
    registration_url = fields.WebLinkField(
        _("registration link"), blank=True, help_text=_("Optional: where participants sign up.")
    )
    cover = PhotoField(
        _("cover photo"),
        upload_to="events/covers/%Y/%m/",
        blank=True,
        validators=[validate_image_upload],
        help_text=_("Shown in the list and at the top of the event. JPEG, PNG, WebP or GIF, up to 15 MB."),
    )
    cover_renditions = models.JSONField(default=dict, blank=True, editable=False)
    report = models.ForeignKey(
        "news.Report",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="events",
        verbose_name=_("report on this event"),
        help_text=_("After the event: its report. The event page links to it once it is published."),
    )

    objects = EventQuerySet.as_manager()

    class Meta(Publishable.Meta):
        constraints = fields.date_range_constraints(
            datetimes=("published_at", "created_at", "updated_at", "start", "end")
        )
        ordering = ["start", "pk"]
        verbose_name = _("event")
        verbose_name_plural = _("events")
        permissions = [("publish_event", gettext_noop("Can publish, unpublish and return events"))]
        indexes = [
            *Publishable.Meta.indexes,
            models.Index(fields=["end", "start"], name="events_event_when"),
        ]

    # Its dates and place on the home page's featured card (siteconfig/home.py).
    featured_detail_template = "events/includes/featured_detail.html"

    def __str__(self):
        return self.title or self.slug

    def clean(self):
        super().clean()
        errors = {}
        if not (self.title_ky or self.title_ru):
            errors["title_ky"] = ValidationError(
                _("Write the title in at least one language."), code="no_title"
            )
        # A date out of range has its own message (clean_fields); nothing here may compute with it.
        if fields.is_in_date_range(self.start) and fields.is_in_date_range(self.end):
            if self.all_day:
                first, last = timezone.localdate(self.start), timezone.localdate(self.end)
                self.start, self.end = self.day_span(first, last)
                if self.end < self.start:
                    errors["end"] = ValidationError(
                        _("The last day cannot come before the first day."), code="end_before_start"
                    )
            elif self.end <= self.start:
                errors["end"] = ValidationError(
                    _("The end must come after the start."), code="end_before_start"
                )
        if errors:
            raise ValidationError(errors)

    @staticmethod
    def day_span(first_day, last_day):
        """Start and end of an all-day event from its first and last dates (Bishkek time)."""
        end = local_midnight(last_day + datetime.timedelta(days=1)) - datetime.timedelta(seconds=1)
        return local_midnight(first_day), end

    def get_absolute_url(self):
        return reverse("events:detail", kwargs=self._date_kwargs())

    def get_ics_url(self):
        return reverse("events:ics", kwargs=self._date_kwargs())

    def _date_kwargs(self):
        day = self.start_date
        return {"year": day.year, "month": f"{day.month:02d}", "day": f"{day.day:02d}", "slug": self.slug}

    @property
    def local_start(self):
        return timezone.localtime(self.start)

    @property
    def local_end(self):
        return timezone.localtime(self.end)

    @property
    def start_date(self):
        return self.local_start.date()

    @property
    def end_date(self):
        """The last day the event takes place on (Bishkek time); an end at midnight is the day before."""
        end = self.local_end
        if end.time() == datetime.time.min and self.end > self.start:
            return end.date() - datetime.timedelta(days=1)
        return end.date()

    def days_between(self, first, last):
        """The dates from `first` to `last` that the event takes place on: never more than asked."""
        day, end = max(first, self.start_date), min(last, max(self.end_date, self.start_date))
        while day <= end:
            yield day
            day += datetime.timedelta(days=1)

    @property
    def is_over(self):
        return self.end < timezone.now()

    @property
    def region(self):
        return self.organisation.region

    def get_region_display(self):
        return self.organisation.get_region_display()
