import pytest
from django.utils import timezone, translation

from structure.models import OrganisationKind, Region
from tests.news.factories import CategoryFactory
from tests.structure.factories import OrganisationFactory


@pytest.fixture
def oblast():
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
def school(district):
    return OrganisationFactory(
        parent=district,
        kind=OrganisationKind.PRIMARY,
        region=Region.OSH,
        name_ky="№5 мектептин баштапкы уюму",
        name_ru="Первичная организация школы № 5",
        slug="ozgon-school-5",
    )


@pytest.fixture
def naryn():
    return OrganisationFactory(
        kind=OrganisationKind.OBLAST,
        region=Region.NARYN,
        name_ky="Нарын облустук комитети",
        name_ru="Нарынский областной комитет",
        slug="naryn-oblast",
    )


@pytest.fixture
def events():
    return CategoryFactory(slug="events", name_ky="Иш-чаралар", name_ru="Мероприятия")


@pytest.fixture
def congresses():
    return CategoryFactory(slug="congresses", name_ky="Съезддер жана пленумдар", name_ru="Съезды и пленумы")


@pytest.fixture
def an_hour_ago():
    return timezone.now() - timezone.timedelta(hours=1)


@pytest.fixture(autouse=True)
def _kyrgyz_by_default():
    """URLs reversed in a test (get_absolute_url) carry /ky/, whatever an earlier request left active."""
    with translation.override("ky"):
        yield
