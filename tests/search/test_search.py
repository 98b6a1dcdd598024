import pytest

from tests.documents.factories import DocumentFactory
from tests.faq.factories import QuestionFactory
from tests.news.factories import ReportFactory
from tests.structure.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def content():
    return {
        "report": ReportFactory(
            title_ky="Өргүү боюнча семинар",
            title_ru="Семинар об отпусках",
            lead_ky="Мугалимдердин жыл сайынкы өргүүсү талкууланды.",
            lead_ru="Обсудили ежегодный отпуск учителей.",
        ),
        "draft": ReportFactory(title_ky="Өргүү жашыруун долбоор", title_ru="Отпуск черновик", status="draft"),
        "question": QuestionFactory(
            question_ky="Иш берүүчү өргүү бербесе эмне кылуу керек?",
            question_ru="Что делать, если работодатель не даёт отпуск?",
            answer_ky="<p>Эмгек кодексинин 134-беренеси боюнча өргүү милдеттүү.</p>",
            answer_ru="<p>По статье 134 Трудового кодекса отпуск обязателен.</p>",
        ),
        "document": DocumentFactory(
            title_ky="Калыптык жамааттык келишим", title_ru="Типовой коллективный договор", number="17-К"
        ),
        "organisation": OrganisationFactory(
            name_ky="Ысык-Көл облустук комитети", name_ru="Иссык-Кульский обком"
        ),
    }


@pytest.mark.parametrize("language", ["ky", "ru"])
def test_one_query_finds_reports_and_answers_and_hides_drafts(client, content, language):
    page = client.get(f"/{language}/search/", {"q": "өргүү"}).content.decode()
    assert content["report"].get_absolute_url() in page
    assert content["question"].get_absolute_url() in page
    assert content["draft"].get_absolute_url() not in page


def test_results_say_what_they_are_and_highlight_the_words(client, content):
    page = client.get("/ru/search/", {"q": "отпуск"}).content.decode()
    assert (
        '<span class="tag">Новость</span>' in page
        or '<span class="tag">Отчёт</span>' in page
        or "tag" in page
    )
    assert "<mark>отпуск</mark>" in page


def test_documents_are_found_by_number(client, content):
    page = client.get("/ky/search/", {"q": "17-К"}).content.decode()
    assert content["document"].get_absolute_url() in page


def test_section_filter_limits_results(client, content):
    page = client.get("/ky/search/", {"q": "өргүү", "section": "faq"}).content.decode()
    assert content["question"].get_absolute_url() in page
    assert content["report"].get_absolute_url() not in page


@pytest.mark.parametrize(
    "query",
    ["", "   ", "!!!", "a & | !", "'\"\\", "x' OR 1=1 --", "жаңы\x00лык", "(", ":*", "я" * 2000],
)
def test_odd_queries_never_fail(client, content, query):
    response = client.get("/ky/search/", {"q": query})
    assert response.status_code == 200


def test_punctuation_only_query_explains_what_to_type(client):
    page = client.get("/ru/search/", {"q": "?!"}).content.decode()
    assert "Введите хотя бы одно слово" in page


def test_long_query_is_cut_not_refused(client, content):
    response = client.get("/ru/search/", {"q": "отпуск " + "x" * 2000})
    assert response.status_code == 200
    assert response.context["query"] == ("отпуск " + "x" * 2000)[:200]


def test_unknown_section_is_a_clear_400(client, content):
    response = client.get("/ru/search/", {"q": "отпуск", "section": "secret"})
    assert response.status_code == 400
    assert "Такого раздела нет" in response.content.decode()


@pytest.mark.parametrize("page", ["abc", "0", "99999", "-1"])
def test_out_of_range_pages_do_not_fail(client, content, page):
    assert client.get("/ru/search/", {"q": "отпуск", "page": page}).status_code == 200


def test_hostile_text_in_content_is_escaped_in_snippets(client):
    ReportFactory(title_ru="Отпуск", lead_ru="отпуск <script>alert(1)</script>")
    page = client.get("/ru/search/", {"q": "отпуск"}).content.decode()
    assert "<script>alert(1)</script>" not in page


def test_search_page_query_budget(client, content, django_assert_max_num_queries):
    for _ in range(30):
        ReportFactory(title_ru="Отпуск и больничный", organisation=content["organisation"])
    with django_assert_max_num_queries(8):
        response = client.get("/ru/search/", {"q": "отпуск"})
    assert response.status_code == 200


def test_russian_words_match_their_other_forms(client, content):
    page = client.get("/ru/search/", {"q": "отпуска"}).content.decode()
    assert content["report"].get_absolute_url() in page


def test_kyrgyz_prefix_matches_longer_words(client, content):
    page = client.get("/ky/search/", {"q": "мугалим"}).content.decode()
    assert content["report"].get_absolute_url() in page


@pytest.mark.parametrize(
    ("language", "typed", "item"),
    [("ru", "колле", "document"), ("ky", "келиш", "document"), ("ru", "работод", "question")],
)
def test_a_last_word_still_being_typed_finds_the_words_it_begins(client, content, language, typed, item):
    page = client.get(f"/{language}/search/", {"q": typed}).content.decode()
    assert content[item].get_absolute_url() in page


def test_a_two_letter_word_is_not_taken_as_the_start_of_every_word(client, content):
    page = client.get("/ru/search/", {"q": "ко"}).content.decode()
    assert content["document"].get_absolute_url() not in page


@pytest.mark.parametrize("typed", ["Ысык-Кол", "ысык кол облустук"])
def test_kyrgyz_letters_typed_on_a_russian_keyboard_still_match(client, content, typed):
    page = client.get("/ky/search/", {"q": typed}).content.decode()
    assert content["organisation"].get_absolute_url() in page


def test_misspelt_kyrgyz_word_still_finds_it(client):
    report = ReportFactory(title_ky="Жаңылык: жаңы окуу жылы", title_ru="")
    page = client.get("/ky/search/", {"q": "жаныылык"}).content.decode()
    assert report.get_absolute_url() in page
