import datetime
import json
import re

import pytest
from django.utils import timezone

from tests.documents.factories import DocumentFactory
from tests.faq.factories import LegalReferenceFactory, QuestionFactory, TopicFactory

pytestmark = pytest.mark.django_db

JSON_LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


def json_ld(page):
    blocks = JSON_LD.findall(page)
    assert len(blocks) == 1
    return json.loads(blocks[0])


@pytest.fixture
def sick_leave():
    topic = TopicFactory(slug="sick-leave", name_ky="Эмгекке жарамсыздык", name_ru="Больничный")
    first = QuestionFactory(
        topic=topic,
        slug="refuse-sick-pay",
        order=1,
        question_ky="Иш берүүчү баракчаны төлөбөй коё алабы?",
        question_ru="Может ли работодатель не оплатить больничный?",
        answer_ky="<p>Жок, 194-беренеге ылайык милдеттүү.</p>",
        answer_ru="<p>Нет, по статье 194 обязан.</p>",
        answer_checked_on=datetime.date(2026, 3, 2),
    )
    LegalReferenceFactory(
        question=first,
        official_url_ky="http://cbd.minjust.gov.kg/act/view/ky-kg/1505",
        official_url_ru="http://cbd.minjust.gov.kg/act/view/ru-ru/1505",
    )
    second = QuestionFactory(
        topic=topic,
        slug="ill-on-leave",
        order=2,
        question_ky="Өргүүдө ооруп калсам?",
        question_ru="Заболел в отпуске?",
    )
    return topic, first, second


@pytest.mark.parametrize(
    ("language", "question", "act", "article", "official"),
    [
        (
            "ky",
            "Иш берүүчү баракчаны төлөбөй коё алабы?",
            "Кыргыз Республикасынын Эмгек кодекси",
            "194-берене",
            "ky-kg/1505",
        ),
        (
            "ru",
            "Может ли работодатель не оплатить больничный?",
            "Трудовой кодекс Кыргызской Республики",
            "статья 194",
            "ru-ru/1505",
        ),
    ],
)
def test_index_lists_numbered_questions_with_answers_and_references(
    client, sick_leave, language, question, act, article, official
):
    response = client.get(f"/{language}/faq/")
    page = response.content.decode()
    assert response.status_code == 200
    assert question in page
    assert act in page and article in page
    assert f"http://cbd.minjust.gov.kg/act/view/{official}" in page
    numbers = re.findall(r'<span class="faq-number">(\d+)\.</span>', page)
    assert numbers == ["1", "2"]


def test_each_question_opens_in_place_with_details_and_summary(client, sick_leave):
    page = client.get("/ky/faq/").content.decode()
    items = re.findall(r"<details>\s*<summary>(.*?)</summary>\s*<div>(.*?)</div>\s*</details>", page, re.S)
    assert len(items) == 2
    summary, body = items[0]
    assert "Иш берүүчү баракчаны төлөбөй коё алабы?" in summary
    assert "194-беренеге ылайык" in body
    assert 'href="/ky/faq/sick-leave/refuse-sick-pay/"' in body


@pytest.mark.parametrize(
    ("language", "checked", "notice", "ask"),
    [
        ("ky", "Жооп текшерилген күн:", "юридикалык кеңеш эмес", "аларга сурооңузду жазыңыз"),
        ("ru", "Ответ проверен:", "не юридическая консультация", "задайте им свой вопрос"),
    ],
)
def test_question_page_shows_answer_date_and_notice_with_the_ask_link(
    client, sick_leave, language, checked, notice, ask
):
    _, question, _ = sick_leave
    response = client.get(f"/{language}/faq/sick-leave/refuse-sick-pay/")
    page = response.content.decode()
    assert response.status_code == 200
    assert f"<h1>{question.question_ky if language == 'ky' else question.question_ru}</h1>" in page
    assert checked in page
    assert '<time datetime="2026-03-02">' in page
    assert notice in page
    assert f'<a href="/{language}/faq/ask/">{ask}</a>' in page


def test_question_page_numbers_the_question_within_its_topic(client, sick_leave):
    page = client.get("/ru/faq/sick-leave/ill-on-leave/").content.decode()
    assert "Вопрос 2" in page
    assert 'href="/ru/faq/sick-leave/"' in page


def test_topic_page_lists_only_its_questions(client, sick_leave):
    other = QuestionFactory(question_ky="Башка тема суроосу?")
    response = client.get("/ky/faq/sick-leave/")
    page = response.content.decode()
    assert response.status_code == 200
    assert "<h1>Эмгекке жарамсыздык</h1>" in page
    assert "Өргүүдө ооруп калсам?" in page
    assert other.question_ky not in page


@pytest.mark.parametrize("path", ["/ky/faq/", "/ky/faq/sick-leave/", "/ru/faq/sick-leave/refuse-sick-pay/"])
def test_pages_carry_valid_faqpage_json_ld(client, sick_leave, path):
    data = json_ld(client.get(path).content.decode())
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "FAQPage"
    first = data["mainEntity"][0]
    assert first["@type"] == "Question"
    assert first["name"]
    assert first["acceptedAnswer"]["@type"] == "Answer"
    assert "194" in first["acceptedAnswer"]["text"]
    assert "<p>" not in first["acceptedAnswer"]["text"]
    assert first["url"].startswith("http://testserver/")


def test_json_ld_cannot_be_broken_out_of_by_question_text(client):
    QuestionFactory(question_ky="</script><script>alert(1)</script> & co?")
    page = client.get("/ky/faq/").content.decode()
    block = JSON_LD.findall(page)[0]
    assert "</script>" not in block and "<script>" not in block
    assert json.loads(block)["mainEntity"][0]["name"] == "</script><script>alert(1)</script> & co?"


def test_unpublished_question_is_hidden_everywhere(client):
    draft = QuestionFactory(is_published=False, question_ky="Жашыруун долбоор?")
    assert draft.question_ky not in client.get("/ky/faq/").content.decode()
    assert draft.question_ky not in client.get(draft.topic.get_absolute_url()).content.decode()
    assert client.get(draft.get_absolute_url()).status_code == 404


@pytest.mark.parametrize(
    "path",
    [
        "/ky/faq/no-such-topic/",
        "/ru/faq/sick-leave/no-such-question/",
        "/ky/faq/other-topic/refuse-sick-pay/",
    ],
)
def test_unknown_addresses_are_404(client, sick_leave, path):
    TopicFactory(slug="other-topic")
    assert client.get(path).status_code == 404


def test_answer_missing_in_russian_falls_back_to_kyrgyz_marked_with_its_language(client):
    QuestionFactory(answer_ru="", answer_ky="<p>Кыргызча гана жооп.</p>")
    page = client.get("/ru/faq/").content.decode()
    assert '<div class="rich-text faq-answer" lang="ky"><p>Кыргызча гана жооп.</p></div>' in page


def test_reference_links_to_the_document_in_the_library_only_while_it_is_published(client):
    published = DocumentFactory(slug="labour-code", status="published")
    hidden = DocumentFactory(slug="draft-doc", status="draft")
    LegalReferenceFactory(document=published)
    LegalReferenceFactory(document=hidden)
    page = client.get("/ru/faq/").content.decode()
    assert 'href="/ru/documents/labour-code/">в нашей библиотеке документов</a>' in page
    assert "draft-doc" not in page
    assert "в нашей библиотеке документов" in page


def test_old_answer_carries_a_review_warning(client):
    QuestionFactory(answer_checked_on=timezone.localdate() - datetime.timedelta(days=400))
    fresh = QuestionFactory(topic=TopicFactory(), answer_checked_on=timezone.localdate())
    page = client.get("/ru/faq/").content.decode()
    assert page.count("Проверен больше года назад") == 1
    assert "Проверен больше года назад" not in client.get(fresh.get_absolute_url()).content.decode()


def test_index_without_questions_says_so(client):
    TopicFactory()
    page = client.get("/ru/faq/").content.decode()
    assert "Вопросы пока не опубликованы." in page


def test_faq_index_with_200_questions_takes_at_most_6_queries(client, django_assert_max_num_queries):
    topics = [TopicFactory() for _ in range(7)]
    document = DocumentFactory()
    for number in range(200):
        question = QuestionFactory(topic=topics[number % 7])
        LegalReferenceFactory(question=question, document=document if number % 3 == 0 else None)
    with django_assert_max_num_queries(6):
        response = client.get("/ky/faq/")
    assert response.status_code == 200
    page = response.content.decode()
    # Above INDEX_INLINE_ANSWERS the index links to the answers instead of holding them all.
    assert len(re.findall(r'<li><a href="/ky/faq/[^/"]+/[^/"]+/"', page)) == 200
    assert "faq-answer" not in page
    assert "application/ld+json" not in page


def test_faq_index_up_to_100_questions_shows_the_answers_in_place(client, django_assert_max_num_queries):
    topic = TopicFactory()
    for _ in range(100):
        QuestionFactory(topic=topic)
    with django_assert_max_num_queries(6):
        page = client.get("/ky/faq/").content.decode()
    assert page.count("<details>") == 100
    assert len(json_ld(page)["mainEntity"]) == 100


def test_topic_page_queries_do_not_grow_with_questions(client, django_assert_max_num_queries):
    topic = TopicFactory()
    for _ in range(50):
        LegalReferenceFactory(question=QuestionFactory(topic=topic), document=DocumentFactory())
    with django_assert_max_num_queries(5):
        assert client.get(topic.get_absolute_url()).status_code == 200
