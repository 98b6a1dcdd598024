"""Factories and helpers for the site settings and the home page."""

import factory
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from factory.django import DjangoModelFactory

from siteconfig.models import Announcement, FeaturedItem, HomeBlock, HomePage, SiteSettings


def site_settings(**values):
    """The settings record with `values` saved into it (it exists from the data migration)."""
    record = SiteSettings.get_solo()
    for field, value in values.items():
        setattr(record, field, value)
    record.save()
    return record


def home_page(**values):
    record = HomePage.get_solo()
    for field, value in values.items():
        setattr(record, field, value)
    record.save()
    return record


class AnnouncementFactory(DjangoModelFactory):
    class Meta:
        model = Announcement

    text_ky = factory.Sequence(lambda n: f"Кулактандыруу {n}")
    text_ru = factory.Sequence(lambda n: f"Объявление {n}")
    starts_at = factory.LazyFunction(lambda: timezone.now() - timezone.timedelta(hours=1))
    ends_at = factory.LazyFunction(lambda: timezone.now() + timezone.timedelta(days=1))


class FeaturedItemFactory(DjangoModelFactory):
    """Pass target=<content object>."""

    class Meta:
        model = FeaturedItem

    class Params:
        target = None

    content_type = factory.LazyAttribute(lambda item: ContentType.objects.get_for_model(item.target))
    object_id = factory.LazyAttribute(lambda item: item.target.pk)
    position = factory.Sequence(lambda n: n)


class HomeBlockFactory(DjangoModelFactory):
    class Meta:
        model = HomeBlock

    position = 0
    is_visible = True
