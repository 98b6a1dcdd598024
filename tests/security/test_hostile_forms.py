"""Public forms and the login: invisible text is empty text, and a login never leaves the site."""

import pytest
from django.conf import settings as django_settings

from faq.models import IncomingQuestion

pytestmark = pytest.mark.django_db

INVISIBLE = ["\u200b", "\u200b\u200c\u200d", "\ufeff", "\u2060 \u00a0", "\x00\u200b", "\u00ad\u200e"]


@pytest.mark.parametrize("text", INVISIBLE)
@pytest.mark.parametrize(
    ("language", "message"), [("ky", "Сурооңузду жазыңыз."), ("ru", "Пожалуйста, напишите ваш вопрос.")]
)
def test_a_question_of_invisible_characters_is_refused_as_empty(client, text, language, message):
    response = client.post(
        f"/{language}/faq/ask/", {"text": text, "name": "Айгүл", "contact": "", "website": ""}
    )
    assert response.status_code == 400
    assert message in response.content.decode()
    assert 'value="Айгүл"' in response.content.decode()
    assert not IncomingQuestion.objects.exists()


def test_invisible_characters_are_dropped_from_a_real_question(client):
    response = client.post(
        "/ky/faq/ask/", {"text": "\u200bЭмгек\u200b өргүүсү?\ufeff", "name": "\u200b", "website": ""}
    )
    assert response.status_code == 302
    question = IncomingQuestion.objects.get()
    assert question.text == "Эмгек өргүүсү?"
    assert question.name == ""


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_user(username="editor", password="correct-horse-9", is_staff=True)


@pytest.mark.parametrize(
    "next_url",
    [
        "https://evil.example/",
        "//evil.example/x",
        "http://evil.example",
        "javascript:alert(1)",
        "/\\evil.example",
    ],
)
@pytest.mark.parametrize("language", ["ky", "ru"])
def test_login_with_a_foreign_next_lands_on_the_admin_index(client, editor, next_url, language):
    response = client.post(
        f"/{language}/admin/login/?next={next_url}",
        {"username": "editor", "password": "correct-horse-9", "next": next_url},
    )
    assert response.status_code == 302
    assert response["Location"] == f"/{language}/admin/"
    assert client.get(response["Location"]).status_code == 200


def test_login_with_a_local_next_goes_there(client, editor):
    response = client.post(
        "/ru/admin/login/", {"username": "editor", "password": "correct-horse-9", "next": "/ru/admin/faq/"}
    )
    assert response["Location"] == "/ru/admin/faq/"


@pytest.mark.skipif(bool(django_settings.REDIS_URL), reason="with REDIS_URL the counts are in Redis")
def test_rate_limit_counts_outlive_the_workers_memory(client, settings):
    from django.core.cache import caches
    from django.core.cache.backends.filebased import FileBasedCache
    from django.utils.module_loading import import_string

    settings.FAQ_ASK_RATE_LIMIT = "2/h"
    assert settings.RATELIMIT_USE_CACHE == "ratelimit"
    assert issubclass(import_string(settings.CACHES["ratelimit"]["BACKEND"]), FileBasedCache)
    for _ in range(2):
        assert client.post("/ky/faq/ask/", {"text": "Өргүү канча күн?", "website": ""}).status_code == 302
    caches["default"].clear()  # what a killed worker's in-memory cache loses
    response = client.post("/ky/faq/ask/", {"text": "Өргүү канча күн?", "website": ""})
    assert response.status_code == 429
    assert IncomingQuestion.objects.count() == 2


def test_a_question_is_kept_when_the_rate_limit_counts_are_unreachable(client):
    from unittest import mock

    with mock.patch("unionsite.client.is_ratelimited", side_effect=PermissionError("var/ratelimit")):
        response = client.post("/ru/faq/ask/", {"text": "Сколько дней отпуска?", "website": ""})
    assert response.status_code == 302
    assert IncomingQuestion.objects.get().text == "Сколько дней отпуска?"
