"""A training course the union runs for its members: written, reviewed and published like a report."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop

from editorial.models import Publishable, PublishableQuerySet
from unionsite import fields


class CourseQuerySet(PublishableQuerySet):
    def for_cards(self):
        return self.select_related("organisation")


class Course(Publishable):
    title = fields.LineField(_("title"), max_length=255)
    slug = models.SlugField(
        _("address in URLs"),
        max_length=120,
        unique=True,
        help_text=_("Latin letters, digits and hyphens, for example digital-skills."),
    )
    summary = fields.PlainTextField(_("summary"), blank=True)
    starts_on = fields.DateField(
        _("first day"), help_text=_("The day the course begins; the desk lists courses starting soon.")
    )

    objects = CourseQuerySet.as_manager()

    class Meta(Publishable.Meta):
        constraints = fields.date_range_constraints(
            dates=("starts_on",), datetimes=("published_at", "created_at", "updated_at")
        )
        ordering = ["starts_on", "pk"]
        verbose_name = _("training course")
        verbose_name_plural = _("training courses")
        permissions = [("publish_course", gettext_noop("Can publish, unpublish and return courses"))]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("courses:detail", args=[self.slug])
