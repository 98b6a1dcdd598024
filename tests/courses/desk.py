"""The courses' section of the admin desk (editorial/dashboard.py): published courses starting soon."""

import datetime

from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from editorial.dashboard import DeskItem, DeskSection, counted
from tests.courses.models import Course

SOON = datetime.timedelta(days=14)


def sections(user):
    if not user.has_perm("courses.change_course"):
        return []
    today = timezone.localdate()
    soon = Course.objects.published().filter(starts_on__gte=today, starts_on__lte=today + SOON)
    total, courses = counted(soon.order_by("starts_on", "pk"))
    items = [
        DeskItem(
            text=str(course),
            url=reverse("admin:courses_course_change", args=[course.pk]),
            note=formats.date_format(course.starts_on, "SHORT_DATE_FORMAT"),
        )
        for course in courses
    ]
    return [
        DeskSection(
            key="courses-starting",
            label=_("Courses starting in the next two weeks"),
            count=total,
            url=reverse("admin:courses_course_changelist"),
            items=items,
            empty_text=_("No course starts in the next two weeks."),
        )
    ]
