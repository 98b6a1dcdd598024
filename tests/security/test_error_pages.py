"""Error pages that cannot fail: a foreign Host, a NUL byte and a dead database each get their 4xx."""

from unittest import mock

import pytest
from django.core.exceptions import BadRequest, PermissionDenied
from django.db import OperationalError
from django.http import Http404
from django.urls import get_resolver

pytestmark = pytest.mark.django_db

FOREIGN_HOST = "evil.example"
HEADINGS = {
    400: {"ky": "Туура эмес суроо-талап", "ru": "Неверный запрос"},
    403: {"ky": "Кирүүгө тыюу салынган", "ru": "Доступ запрещён"},
    404: {"ky": "Бет табылган жок", "ru": "Страница не найдена"},
    500: {"ky": "Сервердин катасы", "ru": "Ошибка сервера"},
}
EXCEPTIONS = {400: BadRequest("bad"), 403: PermissionDenied(), 404: Http404(), 500: None}


def database_down():
    return mock.patch("django.db.backends.utils.CursorWrapper.execute", side_effect=OperationalError("down"))


def render_error(rf, status, language, **request_kwargs):
    request = rf.get(f"/{language}/some/page/", **request_kwargs)
    request.COOKIES["sessionid"] = "a-session-the-database-would-have-to-read"
    handler = get_resolver().resolve_error_handler(status)
    from django.utils import translation

    with translation.override(language):
        response = handler(request) if status == 500 else handler(request, EXCEPTIONS[status])
    if hasattr(response, "render"):
        response.render()
    return response


@pytest.mark.parametrize("status", sorted(HEADINGS))
@pytest.mark.parametrize("language", ["ky", "ru"])
def test_error_page_renders_for_a_foreign_host(rf, status, language):
    response = render_error(rf, status, language, HTTP_HOST=FOREIGN_HOST)
    page = response.content.decode()
    assert response.status_code == status
    assert HEADINGS[status][language] in page
    assert FOREIGN_HOST not in page


@pytest.mark.parametrize("status", sorted(HEADINGS))
@pytest.mark.parametrize("language", ["ky", "ru"])
def test_error_page_renders_while_the_database_is_down(rf, status, language):
    with database_down():
        response = render_error(rf, status, language)
    assert response.status_code == status
    assert HEADINGS[status][language] in response.content.decode()


@pytest.mark.parametrize("status", sorted(HEADINGS))
def test_error_page_renders_for_a_path_with_a_nul_byte(rf, status):
    request = rf.get("/ru/\x00page/")
    handler = get_resolver().resolve_error_handler(status)
    response = handler(request) if status == 500 else handler(request, EXCEPTIONS[status])
    assert response.status_code == status


@pytest.mark.parametrize("method", ["get", "post", "head"])
@pytest.mark.parametrize("path", ["/", "/ky/", "/ru/faq/", "/ky/no-such-page/", "/ru/admin/", "/healthz"])
def test_a_foreign_host_gets_400_not_500(client, method, path):
    client.raise_request_exception = False
    client.cookies["sessionid"] = "whatever"
    response = getattr(client, method)(path, HTTP_HOST=FOREIGN_HOST)
    assert response.status_code == 400
    assert response["X-Frame-Options"] == "DENY"
    if method != "head":
        assert FOREIGN_HOST not in response.content.decode()


@pytest.mark.parametrize("language", ["ky", "ru"])
def test_the_400_for_a_foreign_host_is_in_the_visitors_language(client, language):
    response = client.get(f"/{language}/", HTTP_HOST=FOREIGN_HOST)
    assert HEADINGS[400][language] in response.content.decode()


def test_an_unknown_page_answers_404_while_the_database_is_down_for_a_signed_in_visitor(client):
    client.cookies["sessionid"] = "whatever"
    with database_down():
        response = client.get("/ru/no-such-page/")
    assert response.status_code in (404, 503)


def test_a_nul_byte_in_the_path_gets_a_translated_400(client):
    response = client.get("/ru/news/\x00/")
    assert response.status_code == 400
    assert HEADINGS[400]["ru"] in response.content.decode()


def test_canonical_links_use_the_configured_site_address(client, settings):
    settings.SITE_URL = "https://union.example.kg"
    page = client.get("/ru/faq/").content.decode()
    assert '<link rel="canonical" href="https://union.example.kg/ru/faq/">' in page
    assert 'hreflang="ky" href="https://union.example.kg/ky/faq/"' in page


def test_canonical_links_follow_the_request_without_a_configured_address(client):
    page = client.get("/ky/faq/").content.decode()
    assert '<link rel="canonical" href="http://testserver/ky/faq/">' in page
