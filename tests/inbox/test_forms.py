"""The "Join the union" and "Write to us" pages: what a visitor sees, sends and gets back."""

import pytest
from django.test import Client

from inbox.models import CONSENT_TEXT_VERSION, Submission

pytestmark = pytest.mark.django_db

JOIN = {
    "name": "Айгүл Асанова",
    "workplace_type": "school",
    "workplace_name": "Өзгөн шаарындагы №5 орто мектеби",
    "region": "osh",
    "phone": "0555 123 456",
    "email": "",
    "message": "",
    "consent": "on",
    "website": "",
}
WRITE = {**JOIN, "workplace_type": "", "workplace_name": "", "region": "", "message": "Сайтта байланыш жок."}
PATHS = {"join": "join/", "write": "write-to-us/"}


def send(client, kind="join", language="ky", **changes):
    data = {**(JOIN if kind == "join" else WRITE), **changes}
    return client.post(f"/{language}/{PATHS[kind]}", data)


@pytest.fixture(autouse=True)
def _staff_emails(settings):
    settings.STAFF_NOTIFICATION_EMAILS = ["office@example.kg"]


LAW = {"ky": "«Персоналдык маалымат жөнүндө»", "ru": "«Об информации персонального характера»"}


@pytest.mark.parametrize(
    ("language", "heading", "labels", "kept", "button"),
    [
        (
            "ky",
            "Кесиптик бирликке мүчө болуу",
            ["Аты-жөнүңүз", "Кайда иштейсиз", "Мектеп", "Бала бакча", "Ош облусу"],
            "Маалыматтар келгенден кийин 365 күн сакталат",
            "Арызды жөнөтүү",
        ),
        (
            "ru",
            "Вступить в профсоюз",
            ["Ваше имя", "Где вы работаете", "Школа", "Детский сад", "Ошская область"],
            "Данные хранятся 365 дней после поступления",
            "Отправить заявление",
        ),
    ],
)
def test_join_page_shows_the_form_and_the_personal_data_notice_before_the_button(
    client, language, heading, labels, kept, button
):
    response = client.get(f"/{language}/join/")
    page = response.content.decode()
    assert response.status_code == 200
    assert f"<h1>{heading}</h1>" in page
    for label in labels:
        assert label in page
    assert LAW[language] in page
    assert kept in page
    assert page.index(LAW[language]) < page.index(kept) < page.index(button)
    assert 'name="csrfmiddlewaretoken"' in page
    assert '<div class="inbox-hp" aria-hidden="true">' in page
    assert 'type="checkbox" name="consent"' in page


@pytest.mark.parametrize(
    ("language", "heading", "purpose", "button"),
    [
        ("ky", "Бизге жазыңыз", "сизге жооп берүү үчүн гана колдонот", "Кайрылууну жөнөтүү"),
        ("ru", "Напишите нам", "только для того, чтобы ответить вам", "Отправить сообщение"),
    ],
)
def test_write_page_states_its_own_purpose(client, language, heading, purpose, button):
    page = client.get(f"/{language}/write-to-us/").content.decode()
    assert f"<h1>{heading}</h1>" in page
    assert purpose in page
    assert LAW[language] in page
    assert page.index(purpose) < page.index(button)


def test_retention_period_in_the_notice_follows_the_setting(client, settings):
    settings.INBOX_RETENTION_DAYS = 90
    assert "Данные хранятся 90 дней" in client.get("/ru/join/").content.decode()


@pytest.mark.parametrize(
    ("language", "heading", "next_step"),
    [
        ("ky", "Арызыңыз жөнөтүлдү", "Аймагыңыздын кесиптик бирлик комитети арызыңызды"),
        ("ru", "Ваше заявление отправлено", "Профсоюзный комитет вашего региона рассмотрит заявление"),
    ],
)
def test_join_is_stored_and_the_visitor_sees_what_happens_next(client, language, heading, next_step):
    response = send(client, "join", language)
    assert response.status_code == 302
    assert response["Location"] == f"/{language}/join/sent/"

    submission = Submission.objects.get()
    assert submission.kind == Submission.Kind.JOIN
    assert (submission.name, submission.workplace_type, submission.region) == (
        "Айгүл Асанова",
        "school",
        "osh",
    )
    assert submission.workplace_name == "Өзгөн шаарындагы №5 орто мектеби"
    assert submission.phone == "+996 555 123 456"
    assert submission.language == language
    assert submission.status == Submission.Status.NEW
    assert submission.consent_at is not None
    assert submission.consent_text_version == CONSENT_TEXT_VERSION
    assert len(submission.ip_hash) == 64 and "127.0.0.1" not in submission.ip_hash

    page = client.get(response["Location"]).content.decode()
    assert f"<h1>{heading}</h1>" in page
    assert next_step in page
    assert "+996 555 123 456" not in page  # personal data is never shown back


@pytest.mark.parametrize(
    ("language", "heading"), [("ky", "Кайрылууңуз жөнөтүлдү"), ("ru", "Ваше сообщение отправлено")]
)
def test_message_is_stored_and_the_visitor_sees_the_confirmation(client, language, heading):
    response = send(client, "write", language, email="bakyt@example.kg", phone="")
    assert response["Location"] == f"/{language}/write-to-us/sent/"
    submission = Submission.objects.get()
    assert (submission.kind, submission.email, submission.region) == ("write", "bakyt@example.kg", "")
    assert submission.message == "Сайтта байланыш жок."
    assert f"<h1>{heading}</h1>" in client.get(response["Location"]).content.decode()


def test_thanks_are_said_once_and_the_next_steps_stay(client):
    send(client)
    assert "Арызыңыз үчүн рахмат." in client.get("/ky/join/sent/").content.decode()
    again = client.get("/ky/join/sent/").content.decode()
    assert "Арызыңыз үчүн рахмат." not in again
    assert "Эми эмне болот" in again


@pytest.mark.parametrize(
    ("language", "messages"),
    [
        (
            "ky",
            ["Атыңызды жазыңыз.", "Иштеген жериңиздин аталышын жазыңыз.", "Персоналдык маалыматтарыңызды"],
        ),
        ("ru", ["Пожалуйста, напишите ваше имя.", "Пожалуйста, укажите место работы.", "Отметьте согласие"]),
    ],
)
def test_missing_fields_are_refused_next_to_the_fields_keeping_what_was_typed(
    client, mailoutbox, language, messages
):
    response = client.post(f"/{language}/join/", {"phone": "0700 11 22 33", "region": "naryn"})
    page = response.content.decode()
    assert response.status_code == 400
    for message in messages:
        assert message in page
    # The name's error sits in the name's field group, before its input.
    assert page.index(messages[0]) < page.index('name="name"') < page.index('name="workplace_type"')
    assert 'value="0700 11 22 33"' in page
    assert '<option value="naryn" selected>' in page
    assert not Submission.objects.exists()
    assert mailoutbox == []


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("ky", "Сизге жооп бере алышыбыз үчүн телефон номериңизди же электрондук почтаңызды калтырыңыз."),
        ("ru", "Оставьте номер телефона или адрес электронной почты, чтобы мы могли вам ответить."),
    ],
)
def test_a_phone_or_an_email_is_required(client, language, message):
    response = send(client, "join", language, phone="", email="")
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Submission.objects.exists()


def test_an_email_alone_is_enough(client):
    assert send(client, phone="", email="aigul@example.kg").status_code == 302
    assert Submission.objects.get().email == "aigul@example.kg"


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("+996 (555) 12-34-56", "+996 555 123 456"),
        ("0555123456", "+996 555 123 456"),
        ("996 700 112 233", "+996 700 112 233"),
        ("0 (312) 62-15-20", "+996 312 621 520"),
        ("772 000 111", "+996 772 000 111"),
        ("+7 701 123 45 67", "+77011234567"),
    ],
)
def test_phone_numbers_are_accepted_as_people_write_them_and_stored_in_one_format(client, typed, stored):
    assert send(client, phone=typed).status_code == 302
    assert Submission.objects.get().phone == stored


@pytest.mark.parametrize(
    "typed", ["12345", "телефон жок", "+996 555 12", "0555 123 456 789", "+1", "+99655512345"]
)
@pytest.mark.parametrize(
    ("language", "message"),
    [("ky", "Телефон номерин жазыңыз, мисалы"), ("ru", "Введите номер телефона, например")],
)
def test_a_wrong_phone_number_is_refused_and_kept(client, typed, language, message):
    response = send(client, "join", language, phone=typed)
    page = response.content.decode()
    assert response.status_code == 400
    assert message in page
    assert not Submission.objects.exists()


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("ky", "Электрондук почтанын дарегин жазыңыз, мисалы aigul@example.kg."),
        ("ru", "Введите адрес электронной почты, например aigul@example.kg."),
    ],
)
def test_a_wrong_email_is_refused(client, language, message):
    response = send(client, "join", language, email="aigul@", phone="")
    assert response.status_code == 400
    assert message in response.content.decode()
    assert 'value="aigul@"' in response.content.decode()


def test_without_consent_nothing_is_stored(client, mailoutbox):
    data = {**JOIN}
    del data["consent"]
    response = client.post("/ru/join/", data)
    assert response.status_code == 400
    assert "Отметьте согласие на обработку персональных данных" in response.content.decode()
    assert not Submission.objects.exists()
    assert mailoutbox == []


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("ky", "Мында 2001 белги бар, чеги — 2000."),
        ("ru", "Здесь 2001 знаков, а допускается не больше 2000."),
    ],
)
def test_a_message_over_2000_characters_is_refused_and_kept(client, language, message):
    text = "ж" * 1992 + " the end!"
    assert len(text) == 2001
    response = send(client, "write", language, message=text)
    page = response.content.decode()
    assert response.status_code == 400
    assert message in page
    assert f">\n{text}</textarea>" in page
    assert not Submission.objects.exists()


def test_a_message_of_exactly_2000_characters_is_accepted(client):
    assert send(client, "write", message="ы" * 2000).status_code == 302
    assert len(Submission.objects.get().message) == 2000


def test_a_name_over_the_limit_is_refused(client):
    response = send(client, name="А" * 161)
    assert response.status_code == 400
    assert "Мында 161 белги бар, чеги — 160." in response.content.decode()


def test_markup_is_stored_as_text_and_shown_escaped(client):
    markup = "</textarea><script>alert(1)</script>"
    page = send(client, "write", message=markup, phone="bad").content.decode()
    assert "&lt;/textarea&gt;&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<script>alert(1)" not in page
    send(client, "write", message=markup)
    assert Submission.objects.get().message == markup


@pytest.mark.parametrize(
    ("language", "message"),
    [("ky", "Форма жөнөтүлгөн жок, анткени"), ("ru", "Форма не отправлена: было заполнено скрытое поле")],
)
def test_filled_honeypot_is_refused_with_400_keeping_the_text_and_storing_nothing(
    client, mailoutbox, language, message
):
    response = send(client, "join", language, website="http://spam.example.com")
    page = response.content.decode()
    assert response.status_code == 400
    assert message in page
    assert 'value="Айгүл Асанова"' in page  # a person whose browser filled it loses nothing
    assert "spam.example.com" not in page
    assert not Submission.objects.exists()
    assert mailoutbox == []


@pytest.mark.parametrize(
    ("language", "message"),
    [("ky", "кыска убакыттын ичинде бир нече форма"), ("ru", "несколько форм за короткое время")],
)
def test_rate_limit_refuses_with_429_in_the_visitors_language_and_keeps_the_text(
    client, settings, language, message
):
    settings.INBOX_RATE_LIMIT = "2/h"
    assert send(client, "join", language).status_code == 302
    assert send(client, "write", language).status_code == 302  # both forms count together
    response = send(client, "write", language, message="Үчүнчү: <айлык> кечикти", name="Нурлан")
    page = response.content.decode()
    assert response.status_code == 429
    assert message in page
    assert "Үчүнчү: &lt;айлык&gt; кечикти</textarea>" in page
    assert 'value="Нурлан"' in page
    assert Submission.objects.count() == 2


def test_rate_limit_counts_each_address_apart(client, settings):
    settings.INBOX_RATE_LIMIT = "1/h"
    assert client.post("/ky/join/", JOIN, REMOTE_ADDR="10.0.0.1").status_code == 302
    assert client.post("/ky/join/", JOIN, REMOTE_ADDR="10.0.0.1").status_code == 429
    assert client.post("/ky/join/", JOIN, REMOTE_ADDR="10.0.0.2").status_code == 302


def test_an_invalid_form_does_not_count_against_the_rate_limit(client, settings):
    settings.INBOX_RATE_LIMIT = "1/h"
    assert send(client, phone="", email="").status_code == 400
    assert send(client).status_code == 302


def test_unreachable_rate_limit_counts_let_the_application_through(client, monkeypatch):
    def broken(*args, **kwargs):
        raise OSError("read-only file system")

    monkeypatch.setattr("unionsite.client.is_ratelimited", broken)
    assert send(client).status_code == 302
    assert Submission.objects.count() == 1


@pytest.mark.parametrize("path", ["/ky/join/", "/ru/write-to-us/"])
def test_post_without_csrf_token_is_forbidden_and_stores_nothing(path, mailoutbox):
    client = Client(enforce_csrf_checks=True)
    client.get(path)
    response = client.post(path, {**WRITE, "message": "Салам"})
    assert response.status_code == 403
    assert not Submission.objects.exists()
    assert mailoutbox == []


def test_post_with_a_valid_csrf_token_goes_through():
    client = Client(enforce_csrf_checks=True)
    client.get("/ky/join/")
    token = client.cookies["csrftoken"].value
    assert client.post("/ky/join/", {**JOIN, "csrfmiddlewaretoken": token}).status_code == 302
    assert Submission.objects.count() == 1


@pytest.mark.parametrize("path", ["/ky/join/", "/ru/write-to-us/"])
def test_the_form_pages_are_never_cached(path, settings):
    settings.PAGE_CACHE_SECONDS = 600
    first, second = Client(), Client()
    one = first.get(path)
    two = second.get(path)
    assert "no-store" in one["Cache-Control"]
    assert two.templates  # rendered afresh, not served from the page cache
    assert one.cookies["csrftoken"].value != two.cookies["csrftoken"].value


@pytest.mark.parametrize("path", ["/ky/join/", "/ru/write-to-us/"])
def test_the_form_page_needs_few_queries(client, path, django_assert_max_num_queries):
    # The form itself reads nothing; what the page costs is the site shell's (menus, settings),
    # within the budget of every public page (tests/performance/test_query_budgets.py).
    client.get(path)
    with django_assert_max_num_queries(8):
        assert client.get(path).status_code == 200
