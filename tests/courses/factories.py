import datetime

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from tests.courses.models import Course
from tests.structure.factories import OrganisationFactory


class CourseFactory(DjangoModelFactory):
    """A published course in both languages, announced an hour ago, starting in a week."""

    class Meta:
        model = Course

    title_ky = factory.Sequence(lambda n: f"Профсоюздук курс {n}")
    title_ru = factory.Sequence(lambda n: f"Профсоюзный курс {n}")
    slug = factory.Sequence(lambda n: f"course-{n}")
    summary_ky = "Курс мектептин мугалимдери үчүн."
    summary_ru = "Курс для школьных учителей."
    starts_on = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=7))
    status = Course.Status.PUBLISHED
    published_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(hours=1))
    organisation = factory.SubFactory(OrganisationFactory)
