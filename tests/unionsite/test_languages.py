import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_root_redirects_to_kyrgyz_by_default(client):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == "/ky/"


def test_root_follows_accept_language(client):
    response = client.get("/", headers={"accept-language": "ru-RU,ru;q=0.9"})
    assert response["Location"] == "/ru/"


def test_language_cookie_wins_over_accept_language(client):
    client.cookies["django_language"] = "ky"
    response = client.get("/", headers={"accept-language": "ru"})
    assert response["Location"] == "/ky/"


@pytest.mark.parametrize("language", ["ky", "ru"])
def test_pages_declare_their_language(client, language):
    response = client.get(f"/{language}/")
    assert response.status_code == 200
    assert f'<html lang="{language}"' in response.content.decode()


def test_interface_is_translated(client):
    ky = client.get("/ky/").content.decode()
    ru = client.get("/ru/").content.decode()
    assert "Жаңылыктар" in ky
    assert "Новости" in ru
    assert "Негизги мазмунга өтүү" in ky
    assert "Перейти к основному содержанию" in ru


def test_switcher_links_to_the_same_page_in_the_other_language(client):
    page = client.get("/ky/search/?q=union").content.decode()
    switch = reverse("switch_language", args=["ru"])
    assert f'href="{switch}?next=%2Fky%2Fsearch%2F%3Fq%3Dunion"' in page


def test_switching_lands_on_the_same_page_and_remembers_the_choice(client):
    response = client.get("/i18n/switch/ru/", {"next": "/ky/search/?q=union"})
    assert response.status_code == 302
    assert response["Location"] == "/ru/search/?q=union"
    assert response.cookies["django_language"].value == "ru"
    assert client.get("/")["Location"] == "/ru/"


def test_switcher_refuses_foreign_redirects(client):
    response = client.get("/i18n/switch/ru/", {"next": "https://evil.example.com/"})
    assert response["Location"] == "/ru/"


def test_switcher_with_unknown_language_is_404(client):
    assert client.get("/i18n/switch/en/", {"next": "/ky/"}).status_code == 404


@pytest.mark.parametrize("path", ["/en/", "/xx/news/", "/kz/"])
def test_unknown_language_prefix_is_404(client, path):
    assert client.get(path).status_code == 404


def test_alternate_links_for_both_languages(client):
    page = client.get("/ru/search/").content.decode()
    assert 'hreflang="ky" href="http://testserver/ky/search/"' in page
    assert 'hreflang="ru" href="http://testserver/ru/search/"' in page


def test_every_page_has_a_search_box_in_the_header(client):
    page = client.get("/ru/").content.decode()
    assert 'action="/ru/search/"' in page
    assert 'for="header-search-q"' in page


@pytest.mark.parametrize(
    ("target", "next_url", "accept", "expected"),
    [("ky", "/ru/search/?q=x", "ru", "/ky/search/?q=x"), ("ru", "/ky/search/", "ky", "/ru/search/")],
)
def test_switching_works_whatever_the_browser_prefers(client, target, next_url, accept, expected):
    response = client.get(f"/i18n/switch/{target}/", {"next": next_url}, headers={"accept-language": accept})
    assert response["Location"] == expected
