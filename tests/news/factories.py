"""Factories for the news app's models; pass cover=image_upload() for a report with a cover."""

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from news.models import Category, Report, ReportPhoto
from tests.structure.factories import OrganisationFactory
from tests.uploads import image_upload


class CategoryFactory(DjangoModelFactory):
    class Meta:
        model = Category
        django_get_or_create = ("slug",)

    name_ky = factory.Sequence(lambda n: f"Иш-чаралар {n}")
    name_ru = factory.Sequence(lambda n: f"Мероприятия {n}")
    slug = factory.Sequence(lambda n: f"category-{n}")


class ReportFactory(DjangoModelFactory):
    """A published report in both languages, published an hour ago; pass cover=image_upload()."""

    class Meta:
        model = Report

    title_ky = factory.Sequence(lambda n: f"Райондук семинар {n}")
    title_ru = factory.Sequence(lambda n: f"Районный семинар {n}")
    slug = factory.Sequence(lambda n: f"report-{n}")
    lead_ky = "Семинар мектепте өттү."
    lead_ru = "Семинар прошёл в школе."
    body_ky = "<p>Катышуучулар тажрыйба алмашышты.</p>"
    body_ru = "<p>Участники обменялись опытом.</p>"
    status = Report.Status.PUBLISHED
    published_at = factory.LazyFunction(lambda: timezone.now() - timezone.timedelta(hours=1))
    organisation = factory.SubFactory(OrganisationFactory)
    category = factory.SubFactory(CategoryFactory)
    prepared_by_name_ky = "А. Асанова"
    prepared_by_name_ru = "А. Асанова"
    prepared_by_position_ky = "райкомдун төрайымы"
    prepared_by_position_ru = "председатель райкома"


class ReportPhotoFactory(DjangoModelFactory):
    class Meta:
        model = ReportPhoto

    report = factory.SubFactory(ReportFactory)
    image = factory.LazyFunction(image_upload)
    caption_ky = factory.Sequence(lambda n: f"Сүрөт {n}")
    caption_ru = factory.Sequence(lambda n: f"Фото {n}")
    alt_text_ky = "Катышуучулар залда"
    alt_text_ru = "Участники в зале"
    order = factory.Sequence(int)
