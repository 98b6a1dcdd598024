"""The registration number is stored without the sign №, which the pages print before it."""

import io

import pytest

from documents import demo
from documents.models import Document
from tests.documents.factories import DocumentFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("typed", ["№ 12-К", "№12-К", " 12-К "])
def test_a_number_typed_with_its_sign_is_stored_without_it(typed):
    document = DocumentFactory(number=typed)
    document.full_clean()
    assert document.number == "12-К"


def test_the_demo_law_shows_its_number_with_one_sign(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    demo.load(io.StringIO())

    law = Document.objects.get(slug="law-on-trade-unions")
    html = client.get(law.get_absolute_url()).content.decode()
    assert "№ 130" in html and "№ № 130" not in html and "№ №" not in html
