"""Whatever a script sends to the forms: a 4xx or a clean page with the errors, never a 500."""

import pytest

from inbox.models import Submission
from tests.inbox.test_forms import JOIN

pytestmark = pytest.mark.django_db

MEGABYTE = "я" * 500_000


@pytest.mark.parametrize("path", ["/ky/join/", "/ru/write-to-us/"])
@pytest.mark.parametrize(
    "data",
    [
        {},
        {"name": "\x00"},
        {**JOIN, "name": "Айгүл\x00 Асанова", "workplace_name": "\x00\x00", "message": "a\x00b"},
        {**JOIN, "region": "\x00", "workplace_type": "school\x00"},
        {**JOIN, "phone": "\x00+996 555 123 456", "email": "a\x00@example.kg"},
        {**JOIN, "name": MEGABYTE, "workplace_name": MEGABYTE, "message": MEGABYTE, "phone": MEGABYTE},
        {**JOIN, "email": MEGABYTE + "@example.kg"},
        {**JOIN, "region": "../../etc/passwd", "workplace_type": "<script>"},
        {**JOIN, "region": ["osh", "naryn"], "name": ["Айгүл", "Бакыт"]},
        {**JOIN, "consent": "maybe", "website": ["", "x"]},
        {**JOIN, "phone": "+" + "9" * 5000},
        {**JOIN, "name": "\u200b\u200b", "message": "\ufeff"},
        {**JOIN, "csrfmiddlewaretoken": "\x00"},
    ],
)
def test_hostile_posts_never_give_a_500(client, path, data):
    response = client.post(path, data)
    assert response.status_code in (302, 400)
    for submission in Submission.objects.all():
        for field in ("name", "workplace_name", "phone", "email", "message"):
            assert "\x00" not in getattr(submission, field)
        assert len(submission.name) <= 160 and len(submission.phone) <= 20


def test_nul_bytes_are_removed_from_what_is_stored(client):
    client.post("/ky/join/", {**JOIN, "name": "Айгүл\x00 Асанова", "message": "Са\x00лам"})
    submission = Submission.objects.get()
    assert (submission.name, submission.message) == ("Айгүл Асанова", "Салам")


def test_only_invisible_characters_count_as_empty(client):
    response = client.post("/ky/join/", {**JOIN, "name": "\u200b \ufeff"})
    assert response.status_code == 400
    assert "Атыңызды жазыңыз." in response.content.decode()


@pytest.mark.parametrize(
    "query",
    [
        "?region=%00",
        "?name=%00%00&page=99999999999999999999",
        "?csrfmiddlewaretoken=x&consent=on",
        "?" + "a=1&" * 500,
        "?q=%E0%A4%A",
    ],
)
@pytest.mark.parametrize("path", ["/ky/join/", "/ru/write-to-us/", "/ky/join/sent/", "/ru/write-to-us/sent/"])
def test_get_with_odd_query_strings_gives_a_clean_page(client, path, query):
    response = client.get(path + query)
    assert response.status_code == 200
    assert not Submission.objects.exists()


@pytest.mark.parametrize("method", ["put", "delete", "patch"])
def test_other_methods_are_refused(client, method):
    assert getattr(client, method)("/ky/join/").status_code == 405


def test_the_confirmation_page_refuses_a_post(client):
    assert client.post("/ky/join/sent/", JOIN).status_code == 405
    assert not Submission.objects.exists()


def test_a_raw_body_that_is_not_a_form_is_a_clean_400(client):
    response = client.post("/ky/join/", data=b"\xff\xfe\x00garbage", content_type="application/octet-stream")
    assert response.status_code == 400
    assert not Submission.objects.exists()
