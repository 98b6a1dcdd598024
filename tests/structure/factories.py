"""Factories for the structure app's models."""

import factory
from factory.django import DjangoModelFactory

from structure.models import GoverningBody, GoverningBodyMember, Organisation, OrganisationKind, Region


class OrganisationFactory(DjangoModelFactory):
    """Builds a root organisation; pass parent=<Organisation> to build a child in the tree."""

    class Meta:
        model = Organisation

    kind = OrganisationKind.DISTRICT
    region = Region.OSH
    name_ky = factory.Sequence(lambda n: f"Райондук комитет {n}")
    name_ru = factory.Sequence(lambda n: f"Районный комитет {n}")
    slug = factory.Sequence(lambda n: f"organisation-{n}")

    @classmethod
    def _create(cls, model_class, *args, parent=None, **kwargs):
        if parent is None:
            return model_class.objects.add_root(create_kwargs=kwargs)
        # Re-read the parent: an earlier add_child changed its numchild in the database.
        return model_class.objects.add_child(model_class.objects.get(pk=parent.pk), create_kwargs=kwargs)


class GoverningBodyFactory(DjangoModelFactory):
    class Meta:
        model = GoverningBody

    organisation = factory.SubFactory(OrganisationFactory, kind=OrganisationKind.CENTRAL, region="")
    kind = GoverningBody.Kind.PRESIDIUM
    name_ky = "Президиум"
    name_ru = "Президиум"


class GoverningBodyMemberFactory(DjangoModelFactory):
    class Meta:
        model = GoverningBodyMember

    body = factory.SubFactory(GoverningBodyFactory)
    name_ky = factory.Sequence(lambda n: f"Мүчө {n}")
    name_ru = factory.Sequence(lambda n: f"Член {n}")
