"""Printing the FAQ: the print versions, the noticeboard sheet and its QR codes."""

import datetime
import html
import re

import pytest
import zxingcpp
from django.core.cache import cache
from PIL import Image, ImageDraw

from faq.models import Question
from faq.printing import leading_sentences
from tests.faq.factories import LegalReferenceFactory, QuestionFactory, TopicFactory
from unionsite.pagecache import bump_generation
from unionsite.qrcodes import cache_key

pytestmark = pytest.mark.django_db

SITE = "https://union.example.kg"
SVG = re.compile(r"<svg\b[^>]*>.*?</svg>", re.S)


@pytest.fixture(autouse=True)
def _site_url(settings):
    settings.SITE_URL = SITE


@pytest.fixture
def topic():
    topic = TopicFactory(slug="sick-leave", name_ky="Эмгекке жарамсыздык", name_ru="Больничный")
    first = QuestionFactory(
        topic=topic,
        slug="refuse-sick-pay",
        order=1,
        question_ky="Иш берүүчү баракчаны төлөбөй коё алабы?",
        question_ru="Может ли работодатель не оплатить больничный?",
        answer_ky="<p>Жок, 194-беренеге ылайык милдеттүү.</p><p>Экинчи абзац баракчада жок.</p>",
        answer_ru="<p>Нет, по статье 194 обязан.</p><p>Второй абзац на листе не нужен.</p>",
        answer_checked_on=datetime.date(2026, 3, 2),
    )
    LegalReferenceFactory(question=first)
    QuestionFactory(
        topic=topic,
        slug="ill-on-leave",
        order=2,
        question_ky="Өргүүдө ооруп калсам?",
        question_ru="Заболел в отпуске?",
        answer_ky="<p>Өргүү узартылат.</p>",
        answer_ru="<p>Отпуск продлевается.</p>",
    )
    QuestionFactory(
        topic=topic, slug="draft", is_published=False, question_ru="Черновик?", question_ky="Долбоор?"
    )
    return topic


def rasterise(svg, scale=8):
    """Draw segno's inline SVG (a background and one path of 1-unit horizontal strokes) as an image.

    Enough of SVG to read back what the page holds, so a real decoder can check it.
    """
    size = int(re.search(r'viewBox="0 0 (\d+) \d+"', svg).group(1))
    path = re.search(r'<path class="qrline"[^>]* d="([^"]+)"', svg).group(1)
    image = Image.new("L", ((size) * scale, (size) * scale), 255)
    draw = ImageDraw.Draw(image)
    x = y = 0.0
    for command, numbers in re.findall(r"([MmHhVv])([-\d. ]+)", path):
        values = [float(v) for v in numbers.split()]
        if command == "M":
            x, y = values
        elif command == "m":
            x, y = x + values[0], y + values[1]
        elif command == "h":
            row = int(y - 0.5)
            draw.rectangle(
                [x * scale, row * scale, (x + values[0]) * scale - 1, (row + 1) * scale - 1], fill=0
            )
            x += values[0]
        elif command == "v":  # segno draws horizontal lines only; kept for safety
            y += values[0]
    return image


def decoded(svg):
    return [result.text for result in zxingcpp.read_barcodes(rasterise(svg))]


@pytest.mark.parametrize(
    ("language", "texts", "absent"),
    [
        (
            "ky",
            ["Иш берүүчү баракчаны төлөбөй коё алабы?", "Жок, 194-беренеге ылайык милдеттүү.", "194-берене"],
            "Экинчи абзац",
        ),
        (
            "ru",
            ["Может ли работодатель не оплатить больничный?", "Нет, по статье 194 обязан.", "статья 194"],
            "Второй абзац",
        ),
    ],
)
def test_sheet_shows_questions_short_answers_and_legal_basis(client, topic, language, texts, absent):
    response = client.get(f"/{language}/faq/sick-leave/sheet/")
    assert response.status_code == 200
    page = html.unescape(response.content.decode())
    for text in texts:
        assert text in page
    assert absent not in page
    assert "Черновик" not in page and "Долбоор" not in page
    assert '<meta name="robots" content="noindex">' in page
    assert "2026-03-02" in page


@pytest.mark.parametrize("language", ["ky", "ru"])
def test_sheet_qr_codes_on_the_page_decode_to_the_answers_and_the_topic(client, topic, language):
    page = client.get(f"/{language}/faq/sick-leave/sheet/").content.decode()
    codes = SVG.findall(page)
    assert [decoded(svg) for svg in codes] == [
        [f"{SITE}/{language}/faq/sick-leave/"],
        [f"{SITE}/{language}/faq/sick-leave/refuse-sick-pay/"],
        [f"{SITE}/{language}/faq/sick-leave/ill-on-leave/"],
    ]


def test_sheet_qr_codes_are_labelled_for_screen_readers(client, topic):
    page = client.get("/ru/faq/sick-leave/sheet/").content.decode()
    labels = re.findall(r'<svg role="img" aria-label="([^"]+)"', page)
    assert len(labels) == 3
    assert "Больничный" in html.unescape(labels[0])
    assert all(label for label in labels)


def test_qr_codes_are_cached_by_url(client, topic):
    client.get("/ky/faq/sick-leave/sheet/")
    url = f"{SITE}/ky/faq/sick-leave/refuse-sick-pay/"
    assert "<svg" in cache.get(cache_key(url))
    cache.set(cache_key(url), '<svg viewBox="0 0 1 1" class="qr-code">cached</svg>')
    bump_generation()  # past the whole-page cache, to the QR code's own
    page = client.get("/ky/faq/sick-leave/sheet/").content.decode()
    assert "cached</svg>" in page


def test_sheet_queries_do_not_grow_with_questions(client, django_assert_max_num_queries):
    topic = TopicFactory(slug="wages")
    for number in range(40):
        question = QuestionFactory(topic=topic, answer_ky=f"<p>Жооп {number}.</p>")
        LegalReferenceFactory(question=question)
    # The topic, its questions, their legal references; the site settings and the menus of base.html.
    with django_assert_max_num_queries(6):
        response = client.get("/ky/faq/wages/sheet/")
    assert response.content.decode().count("<svg") == 41


def test_sheet_of_unknown_topic_is_404(client):
    assert client.get("/ky/faq/no-such-topic/sheet/").status_code == 404


def test_a_question_may_not_take_the_sheet_address(topic):
    question = Question(topic=topic, slug="sheet", question_ky="?", answer_ky="<p>.</p>")
    with pytest.raises(Exception) as error:
        question.full_clean()
    assert "slug" in error.value.message_dict


@pytest.mark.parametrize("language", ["ky", "ru"])
def test_topic_page_links_to_the_sheet_and_the_print_version(client, topic, language):
    page = client.get(f"/{language}/faq/sick-leave/").content.decode()
    assert f'href="/{language}/faq/sick-leave/sheet/"' in page
    assert f'href="/{language}/faq/sick-leave/?print=1"' in page


@pytest.mark.parametrize(
    ("language", "answer", "act"),
    [
        ("ky", "Экинчи абзац баракчада жок.", "194-берене"),
        ("ru", "Второй абзац на листе не нужен.", "статья 194"),
    ],
)
def test_topic_print_version_shows_every_answer_open_with_the_page_addresses(
    client, topic, language, answer, act
):
    response = client.get(f"/{language}/faq/sick-leave/?print=1")
    page = html.unescape(response.content.decode())
    main = page[page.index("<main") : page.index("</main>")]  # the header's phone menu is a <details>
    assert "<details" not in main
    assert answer in page and act in page
    assert f"{SITE}/{language}/faq/sick-leave/refuse-sick-pay/" in page
    assert f"{SITE}/{language}/faq/sick-leave/" in page
    assert "2026-03-02" in page
    assert 'media="screen"' in page and "noindex" in page


def test_topic_page_without_print_keeps_the_answers_folded(client, topic):
    page = client.get("/ky/faq/sick-leave/").content.decode()
    assert "<details" in page
    assert "noindex" not in page


@pytest.mark.parametrize("language", ["ky", "ru"])
def test_printed_pages_carry_the_union_name_and_contacts(client, topic, language):
    for path in ("/faq/sick-leave/?print=1", "/faq/sick-leave/refuse-sick-pay/", "/faq/sick-leave/sheet/"):
        page = client.get(f"/{language}{path}").content.decode()
        assert 'class="faq-print-contacts"' in page
        assert "+996" in page


def test_odd_print_parameters_give_the_normal_page(client, topic):
    for query in ("?print=0", "?print=%00", "?print=1&print=2", "?print=" + "9" * 500):
        assert client.get("/ru/faq/sick-leave/" + query).status_code == 200


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        ("<p>Бир. <strong>Эки</strong>.</p><p>Үч.</p>", "Бир. Эки."),
        ("Абзацсыз текст", "Абзацсыз текст"),
        ("<p><img src='/x.png' alt=''></p><p>Текст</p>", "Текст"),
        ("", ""),
    ],
)
def test_without_a_short_answer_the_sheet_takes_the_first_paragraph(answer, expected):
    assert leading_sentences(answer, 400) == expected


def test_the_leading_sentences_stop_between_sentences_never_inside_one():
    first = "Иш берүүчү оорулуу баракчаны биринчи күндөн баштап төлөйт. "
    second = "Бул эреже эмгек келишиминин түрүнө карабастан бардык кызматкерлерге тиешелүү. "
    third = "Акыркы сүйлөм жана анын корутундусу: төлөм он күндүн ичинде жүргүзүлөт."
    text = leading_sentences(f"<p>{first}{second}{third}</p>", len(first + second) + 5)
    assert text == (first + second).strip()
    long_sentence = "сөз " * 200 + "аягы."
    assert leading_sentences(f"<p>{long_sentence} Кийинки.</p>", 50) == long_sentence.strip()


@pytest.mark.parametrize("language", ["ky", "ru"])
def test_a_staff_written_short_answer_is_printed_whole(client, topic, language):
    question = Question.objects.get(slug="refuse-sick-pay")
    conclusion = {"ky": "Төлөм сөзсүз жүргүзүлөт.", "ru": "Выплата производится обязательно."}
    filler = {"ky": "Кыска жооптун сүйлөмү. " * 14, "ru": "Короткий ответ. " * 20}
    short = {language: filler[language] + conclusion[language]}
    setattr(question, f"short_answer_{language}", short[language])
    question.full_clean()
    question.save()
    page = html.unescape(client.get(f"/{language}/faq/sick-leave/sheet/").content.decode())
    assert f">{short[language]}</p>" in page
    assert len(short[language]) > 300  # longer than the old cut


def test_a_missing_translation_of_the_short_answer_leaves_the_sheet_in_its_language(client, topic):
    question = Question.objects.get(slug="refuse-sick-pay")
    question.short_answer_ky = "Кыргызча кыска жооп."
    question.save()
    page = html.unescape(client.get("/ru/faq/sick-leave/sheet/").content.decode())
    assert "Кыргызча кыска жооп." not in page
    assert "<p>Нет, по статье 194 обязан.</p>" in page


def test_the_short_answer_is_limited_with_a_message():
    from django.core.exceptions import ValidationError

    from faq.models import SHORT_ANSWER_MAX_LENGTH

    question = QuestionFactory(short_answer_ky="а" * (SHORT_ANSWER_MAX_LENGTH + 1))
    with pytest.raises(ValidationError) as error:
        question.full_clean()
    assert "short_answer_ky" in error.value.message_dict


def test_an_edited_answer_shows_on_the_cached_sheet_at_once(client, topic):
    assert "Нет, по статье 194 обязан." in html.unescape(
        client.get("/ru/faq/sick-leave/sheet/").content.decode()
    )
    question = Question.objects.get(slug="refuse-sick-pay")
    question.answer_ru = "<p>Обязан оплатить с первого дня.</p>"
    question.save()
    page = html.unescape(client.get("/ru/faq/sick-leave/sheet/").content.decode())
    assert "Обязан оплатить с первого дня." in page
    assert "Нет, по статье 194 обязан." not in page


def test_topic_print_version_queries_do_not_grow_with_questions(client, django_assert_max_num_queries):
    topic = TopicFactory(slug="leave")
    for number in range(40):
        LegalReferenceFactory(question=QuestionFactory(topic=topic, answer_ru=f"<p>Ответ {number}.</p>"))
    # The topic, its questions, their legal references; the site settings and the menus of base.html.
    with django_assert_max_num_queries(6):
        response = client.get("/ru/faq/leave/?print=1")
    assert html.unescape(response.content.decode()).count("Трудовой кодекс Кыргызской Республики") == 40


def test_a_topic_name_with_markup_is_escaped_once_in_the_qr_label(client):
    QuestionFactory(topic=TopicFactory(slug="odd", name_ru='Отпуск & "пособия" <b>'))
    page = client.get("/ru/faq/odd/sheet/").content.decode()
    (label,) = re.findall(r'<svg role="img" aria-label="([^"]*Отпуск[^"]*)"', page)
    assert html.unescape(label) == 'QR-код: все ответы по теме «Отпуск & "пособия" <b>»' or (
        html.unescape(label) == 'QR code: all answers on “Отпуск & "пособия" <b>”'
    )
    assert "<b>" not in page.split("<main", 1)[1].split("</main>", 1)[0].replace("&lt;b&gt;", "")
