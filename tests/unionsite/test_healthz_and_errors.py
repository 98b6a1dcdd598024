from unittest import mock

import pytest
from django.contrib.staticfiles import finders
from django.db import OperationalError
from django.utils.log import configure_logging

pytestmark = pytest.mark.django_db


def test_healthz_reports_a_working_database(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}
    assert "no-cache" in response["Cache-Control"]


def test_healthz_reports_a_broken_database(client):
    with mock.patch("django.db.backends.utils.CursorWrapper.execute", side_effect=OperationalError("down")):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["database"] == "unavailable"


@pytest.mark.parametrize(
    ("language", "heading"),
    [("ky", "Бет табылган жок"), ("ru", "Страница не найдена")],
)
def test_not_found_page_is_in_the_visitors_language(client, language, heading):
    response = client.get(f"/{language}/no-such-page/")
    assert response.status_code == 404
    page = response.content.decode()
    assert heading in page
    assert 'class="site-header"' in page


@pytest.mark.parametrize("template", ["400.html", "403.html", "404.html", "500.html"])
def test_error_pages_render_in_both_languages(template, rf):
    from django.template.loader import render_to_string
    from django.utils import translation

    for language, word in [("ky", "Башкы"), ("ru", "главную")]:
        with translation.override(language):
            request = rf.get(f"/{language}/")
            html = render_to_string(template, request=request)
        assert word in html, (template, language)


def test_server_error_page_is_served_on_exceptions(client, settings):
    settings.DEBUG_PROPAGATE_EXCEPTIONS = False
    client.raise_request_exception = False
    with mock.patch("siteconfig.views.HomeView.get", side_effect=RuntimeError("boom")):
        response = client.get("/ru/")
    assert response.status_code == 500
    assert "Ошибка сервера" in response.content.decode()


@pytest.mark.parametrize(
    ("language", "text"), [("ky", "Сайт убактылуу иштебей турат"), ("ru", "Сайт временно недоступен")]
)
def test_pages_answer_503_with_a_friendly_page_while_the_database_is_down(client, language, text):
    with mock.patch("siteconfig.views.HomeView.get", side_effect=OperationalError("connection refused")):
        response = client.get(f"/{language}/")
    assert response.status_code == 503
    assert text in response.content.decode()
    assert response["Retry-After"] == "60"


def test_favicon_ico_leads_to_the_sites_icon(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    assert response["Location"] == "/static/img/favicon.svg"
    assert finders.find("img/favicon.svg")


def test_a_not_found_is_logged_once_in_development(client, capsys, settings):
    """Django's own console handler (debug only) would print each warning again beside the root's."""
    settings.DEBUG = True
    try:
        configure_logging(settings.LOGGING_CONFIG, settings.LOGGING)
        client.get("/ky/no-such-page/")
        printed = capsys.readouterr().err
    finally:
        settings.DEBUG = False
        configure_logging(settings.LOGGING_CONFIG, settings.LOGGING)
    assert printed.count("Not Found: /ky/no-such-page/") == 1
