import pytest
from django.test import Client

from editorial.models import UndeliveredMail
from faq.models import IncomingQuestion
from tests.structure.factories import OrganisationFactory

pytestmark = pytest.mark.django_db

QUESTION = "Мектеп жайкы өргүүнү толук төлөбөй жатат. Эмне кылсам болот?"


def ask(client, language="ky", **data):
    return client.post(
        f"/{language}/faq/ask/", {"text": QUESTION, "name": "", "contact": "", "website": "", **data}
    )


@pytest.fixture
def staff_emails(settings):
    settings.STAFF_NOTIFICATION_EMAILS = ["lawyers@example.kg"]


@pytest.mark.parametrize(("language", "heading"), [("ky", "Суроо берүү"), ("ru", "Задать вопрос")])
def test_ask_page_shows_the_form_in_the_visitors_language(client, language, heading):
    response = client.get(f"/{language}/faq/ask/")
    page = response.content.decode()
    assert response.status_code == 200
    assert f"<h1>{heading}</h1>" in page
    assert 'name="csrfmiddlewaretoken"' in page
    assert 'name="text"' in page and 'name="organisation"' in page
    assert '<div class="faq-hp" aria-hidden="true">' in page


@pytest.mark.parametrize(
    ("language", "thanks"), [("ky", "Сурооңуз жөнөтүлдү"), ("ru", "Ваш вопрос отправлен")]
)
def test_question_is_stored_staff_are_emailed_and_visitor_sees_the_confirmation(
    client, mailoutbox, staff_emails, language, thanks
):
    organisation = OrganisationFactory(name_ky="Ош облустук комитети")
    response = ask(client, language, name="Айгүл", contact="+996 555 000 111", organisation=organisation.pk)
    assert response.status_code == 302
    assert response["Location"] == f"/{language}/faq/ask/sent/"

    incoming = IncomingQuestion.objects.get()
    assert (incoming.text, incoming.name, incoming.contact) == (QUESTION, "Айгүл", "+996 555 000 111")
    assert incoming.organisation == organisation
    assert incoming.language == language
    assert incoming.status == IncomingQuestion.Status.NEW
    assert len(incoming.ip_hash) == 64 and "127.0.0.1" not in incoming.ip_hash

    assert len(mailoutbox) == 1
    mail = mailoutbox[0]
    assert mail.to == ["lawyers@example.kg"]
    assert QUESTION in mail.body and "+996 555 000 111" in mail.body
    assert f"/admin/faq/incomingquestion/{incoming.pk}/change/" in mail.body

    page = client.get(response["Location"]).content.decode()
    assert thanks in page
    assert QUESTION in page
    assert "+996 555 000 111" not in page  # the contact is never shown back on a public page


def test_confirmation_page_shows_the_question_only_once(client):
    ask(client)
    assert QUESTION in client.get("/ky/faq/ask/sent/").content.decode()
    assert QUESTION not in client.get("/ky/faq/ask/sent/").content.decode()


@pytest.mark.parametrize(
    ("language", "message"), [("ky", "Сурооңузду жазыңыз."), ("ru", "Пожалуйста, напишите ваш вопрос.")]
)
def test_empty_question_is_refused_with_a_message_and_keeps_the_other_fields(
    client, mailoutbox, language, message
):
    response = ask(client, language, text="   ", name="Бакыт", contact="bakyt@example.kg")
    page = response.content.decode()
    assert response.status_code == 400
    assert message in page
    assert 'value="Бакыт"' in page and 'value="bakyt@example.kg"' in page
    assert not IncomingQuestion.objects.exists()
    assert mailoutbox == []


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("ky", "Сурооңузда 20000 белги бар, чеги — 2000."),
        ("ru", "В вашем вопросе 20000 знаков, а допускается не больше 2000."),
    ],
)
def test_question_of_20000_characters_is_refused_and_kept(client, language, message):
    text = "ж" * 19991 + " the end!"
    assert len(text) == 20000
    response = ask(client, language, text=text)
    page = response.content.decode()
    assert response.status_code == 400
    assert message in page
    assert f">\n{text}</textarea>" in page
    assert not IncomingQuestion.objects.exists()


def test_question_of_exactly_2000_characters_is_accepted(client):
    assert ask(client, text="ы" * 2000).status_code == 302
    assert len(IncomingQuestion.objects.get().text) == 2000


def test_markup_in_the_question_is_stored_as_text_and_shown_escaped(client):
    markup = '<script>alert("x")</script><b onclick="steal()">bold</b>'
    ask(client, text=markup)
    assert IncomingQuestion.objects.get().text == markup
    page = client.get("/ky/faq/ask/sent/").content.decode()
    assert (
        "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;b onclick=&quot;steal()&quot;&gt;bold" in page
    )
    assert "<script>alert" not in page and "<b onclick" not in page


def test_markup_is_escaped_when_the_form_comes_back_with_an_error(client):
    markup = "</textarea><script>alert(1)</script>"
    page = ask(client, text=markup, organisation="999999").content.decode()
    assert "&lt;/textarea&gt;&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<script>alert(1)" not in page


@pytest.mark.parametrize(
    ("language", "message"), [("ky", "Тизмеден уюмду тандаңыз."), ("ru", "Выберите организацию из списка.")]
)
def test_unknown_organisation_is_refused_in_the_visitors_language(client, language, message):
    response = ask(client, language, organisation="not-a-number")
    assert response.status_code == 400
    assert message in response.content.decode()


def test_nul_bytes_are_removed_from_the_question(client):
    ask(client, text="Өргүү\x00 суроосу")
    assert IncomingQuestion.objects.get().text == "Өргүү суроосу"


@pytest.mark.parametrize("language", ["ky", "ru"])
def test_post_without_csrf_token_is_forbidden_and_stores_nothing(language, mailoutbox):
    client = Client(enforce_csrf_checks=True)
    client.get(f"/{language}/faq/ask/")  # the cookie is there, the token in the form is not
    response = client.post(f"/{language}/faq/ask/", {"text": QUESTION})
    assert response.status_code == 403
    assert not IncomingQuestion.objects.exists()
    assert mailoutbox == []


def test_csrf_failure_page_is_in_the_visitors_language():
    client = Client(enforce_csrf_checks=True)
    # Django's own CSRF failure page, translated by Django's catalogues.
    assert "CSRF текшерүү кыйрады." in client.post("/ky/faq/ask/", {"text": QUESTION}).content.decode()
    assert "Ошибка проверки CSRF." in client.post("/ru/faq/ask/", {"text": QUESTION}).content.decode()


def test_post_with_a_valid_csrf_token_goes_through():
    client = Client(enforce_csrf_checks=True)
    client.get("/ky/faq/ask/")
    token = client.cookies["csrftoken"].value
    response = client.post("/ky/faq/ask/", {"text": QUESTION, "csrfmiddlewaretoken": token})
    assert response.status_code == 302
    assert IncomingQuestion.objects.count() == 1


@pytest.mark.parametrize(
    ("language", "message"),
    [("ky", "Форма жөнөтүлгөн жок, анткени"), ("ru", "Форма не отправлена: было заполнено скрытое поле")],
)
def test_filled_honeypot_is_refused_with_400_and_nothing_is_stored(client, mailoutbox, language, message):
    response = ask(client, language, website="http://spam.example.com")
    page = response.content.decode()
    assert response.status_code == 400
    assert message in page
    assert QUESTION in page  # a person whose browser filled it loses nothing
    assert "spam.example.com" not in page
    assert not IncomingQuestion.objects.exists()
    assert mailoutbox == []


@pytest.mark.parametrize(
    ("language", "message"),
    [("ky", "кыска убакыттын ичинде бир нече суроо"), ("ru", "несколько вопросов за короткое время")],
)
def test_rate_limit_refuses_with_429_and_keeps_the_text(client, settings, language, message):
    settings.FAQ_ASK_RATE_LIMIT = "2/h"
    assert ask(client, language).status_code == 302
    assert ask(client, language).status_code == 302
    typed = "Үчүнчү суроо: <эмгек акы> кечиктирилди"
    response = ask(client, language, text=typed, name="Нурлан")
    page = response.content.decode()
    assert response.status_code == 429
    assert message in page
    assert "Үчүнчү суроо: &lt;эмгек акы&gt; кечиктирилди</textarea>" in page
    assert 'value="Нурлан"' in page
    assert IncomingQuestion.objects.count() == 2


def test_rate_limit_counts_each_address_apart(client, settings):
    settings.FAQ_ASK_RATE_LIMIT = "1/h"
    assert ask(client).status_code == 302
    assert ask(client).status_code == 429
    other = client.post("/ky/faq/ask/", {"text": QUESTION}, REMOTE_ADDR="10.1.2.3")
    assert other.status_code == 302


def test_rate_limit_reads_the_proxy_header_when_configured(client, settings):
    settings.FAQ_ASK_RATE_LIMIT = "1/h"
    settings.RATELIMIT_IP_META_KEY = "HTTP_X_REAL_IP"
    assert client.post("/ky/faq/ask/", {"text": QUESTION}, HTTP_X_REAL_IP="203.0.113.5").status_code == 302
    assert client.post("/ky/faq/ask/", {"text": QUESTION}, HTTP_X_REAL_IP="203.0.113.6").status_code == 302
    assert client.post("/ky/faq/ask/", {"text": QUESTION}, HTTP_X_REAL_IP="203.0.113.5").status_code == 429


def test_mail_failure_does_not_lose_the_question(client, monkeypatch, staff_emails):
    def broken(*args, **kwargs):
        raise OSError("SMTP server is down")

    monkeypatch.setattr("django.core.mail.EmailMessage.send", broken)
    assert ask(client).status_code == 302
    assert IncomingQuestion.objects.count() == 1
    failure = UndeliveredMail.objects.get()
    assert "SMTP server is down" in failure.reason


def test_contact_details_never_appear_on_public_faq_pages(client):
    ask(client, contact="secret-phone-0700", name="Secret Name")
    for path in ["/ky/faq/", "/ru/faq/", "/ky/faq/search/?q=secret", "/ky/"]:
        page = client.get(path).content.decode()
        assert "secret-phone-0700" not in page and "Secret Name" not in page


def test_ask_page_refuses_other_methods(client):
    assert client.put("/ky/faq/ask/").status_code == 405
