import pytest
from django.utils import translation

from structure.models import OrganisationKind, Region
from tests.structure.factories import OrganisationFactory


@pytest.fixture(autouse=True)
def _kyrgyz_by_default():
    """URLs reversed in a test carry /ky/, whatever an earlier request left active."""
    with translation.override("ky"):
        yield


@pytest.fixture
def oblast(db):
    return OrganisationFactory(
        kind=OrganisationKind.OBLAST,
        region=Region.OSH,
        name_ky="Ош облустук комитети",
        name_ru="Ошский областной комитет",
        slug="osh-oblast",
    )


@pytest.fixture
def district(oblast):
    return OrganisationFactory(
        parent=oblast,
        kind=OrganisationKind.DISTRICT,
        region=Region.OSH,
        name_ky="Өзгөн райондук комитети",
        name_ru="Узгенский районный комитет",
        slug="ozgon-district",
    )


@pytest.fixture
def naryn(db):
    return OrganisationFactory(
        kind=OrganisationKind.OBLAST,
        region=Region.NARYN,
        name_ky="Нарын облустук комитети",
        name_ru="Нарынский областной комитет",
        slug="naryn-oblast",
    )
