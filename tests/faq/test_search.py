"""The FAQ is searched by the site search limited to its section; /faq/search/ sends readers there."""

from urllib.parse import parse_qs, urlsplit

import pytest

from tests.faq.factories import QuestionFactory
from tests.news.factories import ReportFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def questions():
    leave = QuestionFactory(
        question_ky="Ар жылдык өргүүдөн баш тарта алабы?",
        question_ru="Могут ли отказать в ежегодном отпуске?",
        answer_ky="<p>Жок, 116-берене.</p>",
        answer_ru="<p>Нет, статья 116.</p>",
    )
    wages = QuestionFactory(
        question_ky="Эмгек акы кечиксе эмне кылам?",
        question_ru="Что делать при задержке зарплаты?",
        answer_ky="<p>Компенсация төлөнөт.</p>",
        answer_ru="<p>Выплачивается компенсация.</p>",
    )
    draft = QuestionFactory(
        question_ky="Жашыруун өргүү суроосу?", question_ru="Тайный отпуск?", is_published=False
    )
    report = ReportFactory(title_ky="Өргүү боюнча семинар", title_ru="Семинар об отпусках")
    return {"leave": leave, "wages": wages, "draft": draft, "report": report}


def faq_search(client, language, query, **params):
    return client.get(f"/{language}/search/", {"q": query, "section": "faq", **params})


@pytest.mark.parametrize(
    ("language", "query", "found", "count_text"),
    [
        ("ky", "өргүүнү", "Ар жылдык өргүүдөн баш тарта алабы?", "1 натыйжа"),
        ("ru", "отпуска", "Могут ли отказать в ежегодном отпуске?", "1 результат"),
    ],
)
def test_faq_search_finds_answers_in_the_visitors_language_and_nothing_else(
    client, questions, language, query, found, count_text
):
    response = faq_search(client, language, query)
    page = response.content.decode()
    assert response.status_code == 200
    assert found in page
    assert count_text in page
    assert questions["draft"].get_absolute_url() not in page
    assert questions["report"].get_absolute_url() not in page


def test_the_site_search_without_the_section_finds_the_report_too(client, questions):
    page = client.get("/ru/search/", {"q": "отпуск"}).content.decode()
    assert questions["leave"].get_absolute_url() in page
    assert questions["report"].get_absolute_url() in page


@pytest.mark.parametrize("language", ["ky", "ru"])
def test_faq_pages_search_box_sends_to_the_site_search_of_the_faq(client, questions, language):
    page = client.get(f"/{language}/faq/").content.decode()
    assert f'action="/{language}/search/"' in page
    assert '<input type="hidden" name="section" value="faq">' in page


@pytest.mark.parametrize("language", ["ky", "ru"])
def test_old_faq_search_address_redirects_keeping_the_query(client, language):
    response = client.get(f"/{language}/faq/search/", {"q": "өргүү акы"})
    assert response.status_code == 301
    address = urlsplit(response["Location"])
    assert address.path == f"/{language}/search/"
    assert parse_qs(address.query) == {"q": ["өргүү акы"], "section": ["faq"]}


def test_redirected_search_shows_the_answers(client, questions):
    response = client.get("/ky/faq/search/", {"q": "өргүү"}, follow=True)
    page = response.content.decode()
    assert "Ар жылдык өргүүдөн баш тарта алабы?" in page
    assert questions["report"].get_absolute_url() not in page


def test_search_looks_in_both_language_columns_and_in_answers(client, questions):
    # A Russian word typed on the Kyrgyz page finds the question; the page shows its Kyrgyz text.
    page = faq_search(client, "ky", "компенсацию").content.decode()
    assert "Эмгек акы кечиксе эмне кылам?" in page
    page = faq_search(client, "ru", "116-берене").content.decode()
    assert "Могут ли отказать в ежегодном отпуске?" in page


@pytest.mark.parametrize(
    "query",
    [
        "",
        "   ",
        "a",
        "%",
        "_",
        "'; DROP TABLE faq_question; --",
        "\x00",
        "от\x00пуск",
        "()[]{}*?+\\",
        "x" * 2000,
        "<script>alert(1)</script>",
    ],
)
def test_odd_queries_never_fail(client, questions, query):
    response = client.get("/ru/faq/search/", {"q": query}, follow=True)
    assert response.status_code == 200
    page = response.content.decode()
    assert "<script>alert(1)</script>" not in page
    assert "\x00" not in page


def test_nul_bytes_are_dropped_before_searching(client, questions):
    page = client.get("/ru/faq/search/", {"q": "от\x00пуск"}, follow=True).content.decode()
    assert "Могут ли отказать в ежегодном отпуске?" in page


def test_a_2000_character_query_is_cut(client, questions):
    response = client.get("/ru/faq/search/", {"q": "y" * 2000})
    assert parse_qs(urlsplit(response["Location"]).query)["q"] == ["y" * 200]
    page = client.get(response["Location"]).content.decode()
    assert f'name="q" value="{"y" * 200}"' in page


def test_bad_page_number_shows_a_page_not_an_error(client, questions):
    assert faq_search(client, "ru", "отпуск", page="abc").status_code == 200
    assert faq_search(client, "ru", "отпуск", page="99999").status_code == 200


def test_search_results_are_paginated_at_a_fixed_number_of_queries(client, django_assert_max_num_queries):
    for _ in range(45):
        QuestionFactory(question_ru="Вопрос об отпуске?")
    faq_search(client, "ru", "отпуск")  # the site-wide lookups every first page pays
    with django_assert_max_num_queries(4):
        page = faq_search(client, "ru", "отпуске", page="5").content.decode()
    assert "Страница 5 из 5" in page
    assert page.count("Вопрос об отпуске?") == 5
