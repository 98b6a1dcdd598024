"""The version for the visually impaired: one cookie, validated, applied as classes on <html>;
the settings view keeps readers on this site; the page cache sees a bounded number of variants."""

import itertools
import re

import pytest
from django.test import RequestFactory

from unionsite import display

pytestmark = pytest.mark.django_db


def html_classes(response):
    match = re.search(r"<html lang=\"\w+\"(?: class=\"([^\"]*)\")?>", response.content.decode())
    assert match, "no <html> tag"
    return set((match.group(1) or "").split())


def variant(cookies):
    request = RequestFactory().get("/ky/")
    request.COOKIES.update(cookies)
    return display.page_variant(request)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("", "standard"),
        ("size3", "size3"),
        ("spaced.noimg.contrast-wb.size2", "size2.contrast-wb.noimg.spaced"),
        ("size2.size3.contrast-blue.contrast-bw", "size2.contrast-blue"),
        ("size2.size2.size2", "size2"),
        ("SIZE2", "standard"),
        ("size9.contrast-red.img", "standard"),
        ("<script>alert(1)</script>", "standard"),
        ("size2." + "x" * 5000, "standard"),
        ("size2;contrast-bw", "standard"),
        ("size2..noimg.", "size2.noimg"),
        ("\x00size2", "standard"),
    ],
)
def test_cookie_values_are_validated_and_put_in_one_canonical_order(value, expected):
    assert variant({"display": value}) == expected


def test_the_page_cache_sees_at_most_48_variants_whatever_is_sent():
    tokens = ["size2", "size3", "contrast-bw", "contrast-wb", "contrast-blue", "noimg", "spaced", "junk", ""]
    seen = set()
    for length in range(5):
        for combination in itertools.product(tokens, repeat=length):
            seen.add(variant({"display": ".".join(combination)}))
    assert len(seen) == 48
    assert "standard" in seen


def test_the_old_low_vision_cookie_reads_as_large_text_in_black_on_white():
    assert variant({"low_vision": "1"}) == "size2.contrast-bw"
    assert variant({"low_vision": "1", "display": "noimg"}) == "noimg"
    assert variant({"low_vision": "yes"}) == "standard"


def test_the_cookie_is_applied_as_classes_on_html_and_shows_the_panel(client):
    page = client.get("/ru/")
    assert html_classes(page) == set()
    assert 'class="display-panel"' not in page.content.decode()

    client.cookies["display"] = "noimg.size3.contrast-wb.spaced.bogus"
    page = client.get("/ru/")
    assert html_classes(page) == {
        "display-custom",
        "display-size3",
        "display-contrast",
        "display-contrast-wb",
        "display-noimg",
        "display-spaced",
    }
    content = page.content.decode()
    assert 'class="display-panel"' in content
    # The current choices are marked for screen readers; the reset is one link.
    for option in ("size-3", "contrast-wb", "images-off", "spacing-wide"):
        pattern = rf'class="display-option display-option-{option}[^"]*"[^>]*aria-current="true"'
        assert re.search(pattern, content), option
    assert "/display/?reset=1&amp;next=%2Fru%2F" in content


def test_hostile_cookie_never_reaches_the_page(client):
    client.cookies["display"] = '"><script>alert(1)</script>'
    response = client.get("/ky/")
    assert response.status_code == 200
    assert "<script>alert" not in response.content.decode()
    assert html_classes(response) == set()


def test_each_setting_changes_alone_and_the_others_are_kept(client):
    response = client.get("/display/", {"size": "3", "next": "/ru/news/"})
    assert response.status_code == 302
    # Back on the page with the display panel open at its settings, to go on choosing.
    assert response["Location"] == "/ru/news/#display-settings"
    assert response.cookies["display"].value == "size3"
    assert response.cookies["display"]["samesite"] == "Lax"

    client.get("/display/", {"contrast": "blue", "next": "/ru/"})
    client.get("/display/", {"images": "off", "next": "/ru/"})
    response = client.get("/display/", {"spacing": "wide", "next": "/ru/"})
    assert response.cookies["display"].value == "size3.contrast-blue.noimg.spaced"

    response = client.get("/display/", {"size": "1", "images": "on", "next": "/ru/"})
    assert response.cookies["display"].value == "contrast-blue.spaced"
    assert html_classes(client.get("/ru/")) == {
        "display-custom",
        "display-contrast",
        "display-contrast-blue",
        "display-spaced",
    }


def test_one_click_resets_to_the_standard_version(client):
    client.cookies["display"] = "size2.noimg"
    client.cookies["low_vision"] = "1"
    response = client.get("/display/", {"reset": "1", "next": "/ky/news/"})
    assert response["Location"] == "/ky/news/"
    assert response.cookies["display"].value == ""
    assert response.cookies["display"]["max-age"] == 0
    assert response.cookies["low_vision"]["max-age"] == 0
    assert html_classes(client.get("/ky/")) == set()


@pytest.mark.parametrize(
    "query",
    [{"size": "4"}, {"size": "big"}, {"contrast": "red"}, {"images": "x"}, {"spacing": "<b>"}, {"size": ""}],
)
def test_unknown_values_are_a_400_in_the_readers_language_and_change_nothing(client, query):
    client.cookies["display"] = "size2"
    response = client.get("/display/", {**query, "next": "/ru/"}, HTTP_ACCEPT_LANGUAGE="ru")
    assert response.status_code == 400
    assert "display" not in response.cookies
    assert "Неверный запрос" in response.content.decode()


@pytest.mark.parametrize(
    "next_url",
    [
        "https://evil.example/",
        "//evil.example/",
        "/\\evil.example/",
        "javascript:alert(1)",
        "http://testserver@evil.example/",
        "",
    ],
)
def test_next_never_leaves_the_site(client, next_url):
    response = client.get("/display/", {"size": "2", "next": next_url})
    assert response.status_code == 302
    assert response["Location"] == "/ky/#display-settings"
    assert response.cookies["display"].value == "size2"


def test_unknown_parameters_are_ignored_and_post_is_refused(client):
    response = client.get("/display/", {"utm_source": "x", "size": "2", "next": "/ky/"})
    assert response.status_code == 302
    assert response.cookies["display"].value == "size2"
    assert client.post("/display/", {"size": "2"}).status_code == 405


def test_old_low_vision_urls_switch_the_new_mode(client):
    response = client.get("/low-vision/on/", {"next": "/ky/search/"})
    assert response["Location"] == "/ky/search/#display-settings"
    assert response.cookies["display"].value == "size2.contrast-bw"
    assert {"display-size2", "display-contrast-bw"} <= html_classes(client.get("/ky/search/"))
    response = client.get("/low-vision/off/", {"next": "/ky/"})
    assert response.cookies["display"]["max-age"] == 0
    assert html_classes(client.get("/ky/")) == set()
    assert client.get("/low-vision/maybe/").status_code == 404


def test_header_offers_the_version_for_the_visually_impaired_and_the_menu(client):
    content = client.get("/ky/").content.decode()
    assert '<details class="site-menu wide-open" data-wide-open>' in content
    assert "/display/?size=2&amp;contrast=bw&amp;next=%2Fky%2F" in content
    assert "Көзү начар көргөндөр үчүн версия" in content


def test_canonical_and_alternates_keep_the_page_number_and_drop_other_queries(client):
    from tests.news.factories import ReportFactory

    for number in range(13):
        ReportFactory(title_ky=f"Отчёт {number}")
    first = client.get("/ky/news/", {"page": "1", "utm_source": "x"}).content.decode()
    assert '<link rel="canonical" href="http://testserver/ky/news/">' in first
    second = client.get("/ru/news/", {"page": "2", "utm_source": "x"}).content.decode()
    assert '<link rel="canonical" href="http://testserver/ru/news/?page=2">' in second
    assert '<link rel="alternate" hreflang="ky" href="http://testserver/ky/news/?page=2">' in second
    assert '<link rel="alternate" hreflang="x-default" href="http://testserver/ky/news/?page=2">' in second
    assert '<meta property="og:url" content="http://testserver/ru/news/?page=2">' in second
    # A page number past the end shows the last page: the canonical names that page.
    beyond = client.get("/ru/news/", {"page": "99999"}).content.decode()
    assert '<link rel="canonical" href="http://testserver/ru/news/?page=2">' in beyond


def test_alternates_include_x_default_pointing_at_kyrgyz(client):
    content = client.get("/ru/faq/", {"q": "x"}).content.decode()
    assert '<link rel="alternate" hreflang="ky" href="http://testserver/ky/faq/">' in content
    assert '<link rel="alternate" hreflang="ru" href="http://testserver/ru/faq/">' in content
    assert '<link rel="alternate" hreflang="x-default" href="http://testserver/ky/faq/">' in content


def test_the_panel_is_folded_to_one_line_naming_the_current_choice(client):
    client.cookies["display"] = "size3.noimg.spaced"
    content = client.get("/ru/").content.decode()
    folded = re.search(r'<details class="display-fold">\s*<summary[^>]*>(.*?)</summary>', content, re.S)
    assert folded, "the panel is a closed <details>"
    summary = re.sub(r"<[^>]+>", "", folded.group(1))
    assert "Очень крупный шрифт" in summary and "Изображения скрыты" in summary and "Широкий" in summary
    # A choice brings the reader back to the settings, which the browser then unfolds.
    assert 'id="display-settings"' in content
