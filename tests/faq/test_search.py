import pytest

from tests.faq.factories import QuestionFactory

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
    draft = QuestionFactory(question_ky="Жашыруун өргүү суроосу?", is_published=False)
    return leave, wages, draft


@pytest.mark.parametrize(
    ("language", "query", "found", "count_text"),
    [
        ("ky", "өргүү", "Ар жылдык өргүүдөн баш тарта алабы?", "«өргүү» боюнча 1 жооп табылды."),
        ("ru", "отпуск", "Могут ли отказать в ежегодном отпуске?", "По запросу «отпуск» найден 1 ответ."),
    ],
)
def test_search_finds_questions_in_the_visitors_language(
    client, questions, language, query, found, count_text
):
    response = client.get(f"/{language}/faq/search/", {"q": query})
    page = response.content.decode()
    assert response.status_code == 200
    assert found in page
    assert count_text in page
    assert "Жашыруун" not in page


def test_search_looks_in_both_language_columns_and_in_answers(client, questions):
    # A Russian word typed on the Kyrgyz page finds the question; the page shows its Kyrgyz text.
    page = client.get("/ky/faq/search/", {"q": "компенсация"}).content.decode()
    assert "Эмгек акы кечиксе эмне кылам?" in page
    page = client.get("/ru/faq/search/", {"q": "116-берене"}).content.decode()
    assert "Могут ли отказать в ежегодном отпуске?" in page


def test_search_needs_every_word(client, questions):
    page = client.get("/ru/faq/search/", {"q": "отпуск зарплаты"}).content.decode()
    assert "найдено 0 ответов" in page
    assert "Попробуйте другие слова" in page


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
    response = client.get("/ru/faq/search/", {"q": query})
    assert response.status_code == 200
    page = response.content.decode()
    assert "<script>alert(1)</script>" not in page
    assert "\x00" not in page


def test_nul_bytes_are_dropped_before_searching(client, questions):
    page = client.get("/ru/faq/search/", {"q": "от\x00пуск"}).content.decode()
    assert "Могут ли отказать в ежегодном отпуске?" in page


def test_a_2000_character_query_is_cut(client, questions):
    page = client.get("/ru/faq/search/", {"q": "y" * 2000}).content.decode()
    assert f'name="q" value="{"y" * 200}"' in page


@pytest.mark.parametrize(("language", "text"), [("ky", "Издөө үчүн"), ("ru", "Для поиска введите")])
def test_too_short_query_asks_for_more_letters(client, language, text):
    assert text in client.get(f"/{language}/faq/search/", {"q": "ж"}).content.decode()


def test_bad_page_number_shows_a_page_not_an_error(client, questions):
    assert client.get("/ru/faq/search/", {"q": "отпуск", "page": "abc"}).status_code == 200
    assert client.get("/ru/faq/search/", {"q": "отпуск", "page": "99999"}).status_code == 200


def test_search_results_are_paginated_at_a_fixed_number_of_queries(client, django_assert_max_num_queries):
    for _ in range(45):
        QuestionFactory(question_ru="Вопрос об отпуске?")
    with django_assert_max_num_queries(3):
        page = client.get("/ru/faq/search/", {"q": "отпуске", "page": "3"}).content.decode()
    assert "Страница 3 из 3" in page
    assert page.count("Вопрос об отпуске?") == 5
