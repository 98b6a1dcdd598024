"""The photo table of the report form heads its translated columns by the field, not by a language:
each cell's KY/RU tabs name the language."""

import re

import pytest

pytestmark = pytest.mark.django_db


def photo_table_headers(html):
    table = re.search(r'id="photos-group".*?</thead>', html, re.S).group(0)
    return [
        re.sub(r"<[^>]+>|\s+", " ", header).strip()
        for header in re.findall(r"<th[^>]*>(.*?)</th>", table, re.S)
    ]


@pytest.mark.parametrize(
    ("language", "caption", "other_languages"),
    [
        ("ky", "Сүрөттүн жазуусу", ("(орусча)", "(кыргызча)")),
        ("ru", "Подпись", ("(на русском)", "(на кыргызском)", "[ru]", "[ky]")),
    ],
)
def test_the_caption_column_is_headed_by_the_field_alone(admin_client, language, caption, other_languages):
    html = admin_client.get(f"/{language}/admin/news/report/add/").content.decode()
    headers = photo_table_headers(html)
    assert any(header.startswith(caption) for header in headers), headers
    assert not any(other in header for header in headers for other in other_languages), headers
