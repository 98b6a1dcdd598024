"""Factories for the pages app: a published page in both languages; pass parent= for a child."""

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from pages.models import MenuItem, MenuLocation, Page


class PageFactory(DjangoModelFactory):
    class Meta:
        model = Page

    title_ky = factory.Sequence(lambda n: f"Биз жөнүндө {n}")
    title_ru = factory.Sequence(lambda n: f"О нас {n}")
    slug_ky = factory.Sequence(lambda n: f"biz-zhonundo-{n}")
    slug_ru = factory.Sequence(lambda n: f"o-nas-{n}")
    lead_ky = "Кесиптик бирлик мугалимдердин укуктарын коргойт."
    lead_ru = "Профсоюз защищает права учителей."
    body_ky = "<p>Биздин күч – бирдикте!</p>"
    body_ru = "<p>Наша сила – в единстве!</p>"
    status = Page.Status.PUBLISHED
    published_at = factory.LazyFunction(lambda: timezone.now() - timezone.timedelta(hours=1))

    @classmethod
    def _create(cls, model_class, *args, parent=None, **kwargs):
        if parent is None:
            return model_class.objects.add_root(create_kwargs=kwargs)
        # Re-read the parent: an earlier add_child changed its numchild in the database.
        return model_class.objects.add_child(model_class.objects.get(pk=parent.pk), create_kwargs=kwargs)


class MenuItemFactory(DjangoModelFactory):
    class Meta:
        model = MenuItem

    location = MenuLocation.HEADER
    position = factory.Sequence(int)
