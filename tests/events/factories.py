"""Factories for the events app; pass cover=image_upload() for an event with a cover."""

import datetime

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from events.models import Event, EventCategory
from tests.structure.factories import OrganisationFactory


def bishkek(*args):
    """An aware datetime in Bishkek time: bishkek(2026, 12, 31, 23, 30)."""
    return timezone.make_aware(datetime.datetime(*args))


def in_days(days, hour=10, minute=0):
    day = timezone.localdate() + datetime.timedelta(days=days)
    return bishkek(day.year, day.month, day.day, hour, minute)


class EventFactory(DjangoModelFactory):
    """A published event in both languages, announced an hour ago, in three days from 10:00 to 16:00."""

    class Meta:
        model = Event

    title_ky = factory.Sequence(lambda n: f"Облустук семинар {n}")
    title_ru = factory.Sequence(lambda n: f"Областной семинар {n}")
    slug = factory.Sequence(lambda n: f"event-{n}")
    description_ky = "<p>Семинар мектепте өтөт.</p>"
    description_ru = "<p>Семинар пройдёт в школе.</p>"
    place_ky = "Ош шаары, №5 мектеп"
    place_ru = "г. Ош, школа № 5"
    category = EventCategory.SEMINAR
    start = factory.LazyFunction(lambda: in_days(3))
    end = factory.LazyAttribute(lambda event: event.start + datetime.timedelta(hours=6))
    status = Event.Status.PUBLISHED
    published_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(hours=1))
    organisation = factory.SubFactory(OrganisationFactory)
