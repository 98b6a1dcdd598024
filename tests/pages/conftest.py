import pytest
from django.utils import translation

from tests.pages.factories import PageFactory


@pytest.fixture(autouse=True)
def _kyrgyz_by_default():
    """URLs reversed in a test (get_absolute_url) carry /ky/, whatever an earlier request left active."""
    with translation.override("ky"):
        yield


@pytest.fixture
def about(db):
    return PageFactory(
        title_ky="Кесиптик бирлик жөнүндө",
        title_ru="О профсоюзе",
        slug_ky="kesiptik-birlik-zhonundo",
        slug_ru="o-profsoyuze",
        page_type="about",
    )


@pytest.fixture
def history(about):
    return PageFactory(
        parent=about,
        title_ky="Тарых",
        title_ru="История",
        slug_ky="tarykh",
        slug_ru="istoriya",
        lead_ky="Кесиптик бирликтин тарыхы.",
        lead_ru="История профсоюза.",
        page_type="about",
    )
