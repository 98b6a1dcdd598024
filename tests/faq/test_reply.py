"""Staff reply to a member's question from the admin: by email in the member's language, or by
recording a call back; replies are personal data that the daily purge deletes with the question."""

import smtplib
from datetime import timedelta
from io import StringIO

import pytest
from django.contrib.auth.models import Permission
from django.core.management import call_command
from django.utils import timezone

from editorial.models import UndeliveredMail
from faq.models import IncomingQuestion, Reply
from tests.faq.factories import IncomingQuestionFactory, QuestionFactory, TopicFactory
from tests.roles.conftest import login
from tests.siteconfig.factories import site_settings

pytestmark = pytest.mark.django_db


def reply_url(incoming, language="ky"):
    return f"/{language}/admin/faq/incomingquestion/{incoming.pk}/reply/"


def change_url(incoming, language="ky"):
    return f"/{language}/admin/faq/incomingquestion/{incoming.pk}/change/"


@pytest.fixture
def russian_question(db):
    return IncomingQuestionFactory(
        text="Можно ли перенести отпуск на осень?",
        name="Айгуль",
        contact="aigul@example.test",
        language="ru",
    )


@pytest.fixture
def leave_answer(db):
    topic = TopicFactory(slug="leave", name_ky="Өргүү", name_ru="Отпуск")
    return QuestionFactory(
        topic=topic,
        slug="transfer",
        question_ky="Өргүүнү жылдырууга болобу?",
        question_ru="Можно ли перенести отпуск?",
    )


def test_an_email_reply_goes_in_the_members_language_with_the_faq_link_and_the_signature(
    client, faq_editor, russian_question, leave_answer, mailoutbox, settings
):
    settings.SITE_URL = "https://kasaba.test"
    site_settings(
        full_name_ky="Билим берүү кесиптик бирлиги",
        full_name_ru="Профсоюз образования",
        address_ky="Бишкек ш.",
        address_ru="г. Бишкек",
        phones="+996 312 11-22-33",
        emails="info@union.test",
    )
    login(client, faq_editor)
    before = timezone.now()
    response = client.post(
        reply_url(russian_question),
        {"text": "Да, по соглашению с работодателем.", "faq_questions": [leave_answer.pk]},
    )

    assert response.status_code == 302
    assert response["Location"] == change_url(russian_question)
    [message] = mailoutbox
    assert message.to == ["aigul@example.test"]
    assert message.subject == "Ответ на ваш вопрос"
    assert message.body.startswith("Здравствуйте, Айгуль!\n\nДа, по соглашению с работодателем.")
    assert "• Можно ли перенести отпуск?\n  https://kasaba.test/ru/faq/leave/transfer/" in message.body
    assert "> Можно ли перенести отпуск на осень?" in message.body
    assert "С уважением," in message.body
    assert message.body.endswith("-- \nПрофсоюз образования\nг. Бишкек\n+996 312 11-22-33\ninfo@union.test")
    assert "Өргүү" not in message.body and "Бишкек ш." not in message.body

    reply = Reply.objects.get()
    assert (reply.channel, reply.replied_by, reply.delivered) == ("email", faq_editor, True)
    assert before <= reply.replied_at <= timezone.now()
    assert list(reply.faq_questions.all()) == [leave_answer]
    russian_question.refresh_from_db()
    assert russian_question.status == IncomingQuestion.Status.ANSWERED

    flash = client.get(response["Location"]).content.decode()
    assert "Жооп aigul@example.test дарегине жөнөтүлдү" in flash  # the editor's language


def test_the_change_page_lists_the_replies_in_the_admins_language(client, faq_editor, russian_question):
    login(client, faq_editor)
    client.post(reply_url(russian_question), {"text": "Да."})
    russian = client.get(change_url(russian_question, "ru")).content.decode()
    assert "Ответы" in russian and "Электронная почта" in russian and "отправлено" in russian
    assert "faq-editor" in russian
    kyrgyz = client.get(change_url(russian_question, "ky")).content.decode()
    assert "Электрондук почта" in kyrgyz and "жөнөтүлдү" in kyrgyz
    assert "Жооп берилди" in kyrgyz  # the status


def test_the_change_list_shows_when_a_question_was_answered(client, faq_editor, russian_question):
    waiting = IncomingQuestionFactory(text="Айлык кечикти", contact="+996 700 111 222")
    login(client, faq_editor)
    client.post(reply_url(russian_question), {"text": "Да."})
    reply = Reply.objects.get()
    page = client.get("/ru/admin/faq/incomingquestion/").content.decode()
    assert "Дата ответа" in page  # the column
    from django.utils import formats, translation

    with translation.override("ru"):
        when = formats.date_format(timezone.localtime(reply.replied_at), "SHORT_DATETIME_FORMAT")
    row = page[page.index("Можно ли перенести") :]
    assert when in row[: row.index("</tr>")]
    other = page[page.index(str(waiting)) :]
    assert "—" in other[: other.index("</tr>")]


def test_a_phone_contact_records_the_call_back_without_mail(client, faq_editor, mailoutbox):
    incoming = IncomingQuestionFactory(contact="+996 700 123 456", language="ky")
    login(client, faq_editor)
    page = client.get(change_url(incoming)).content.decode()
    assert reply_url(incoming) in page and "Кайра чалдым" in page
    response = client.post(reply_url(incoming), {"note": "Эртең келет"})

    assert response.status_code == 302
    assert mailoutbox == []
    reply = Reply.objects.get()
    assert (reply.channel, reply.text, reply.replied_by) == ("phone", "Эртең келет", faq_editor)
    incoming.refresh_from_db()
    assert incoming.status == IncomingQuestion.Status.ANSWERED
    assert "кайра чалынды" in client.get(change_url(incoming)).content.decode()


def test_without_the_change_permission_the_reply_is_forbidden(
    client, django_user_model, russian_question, mailoutbox
):
    viewer = django_user_model.objects.create_user(username="viewer", password="x-9", is_staff=True)
    viewer.user_permissions.add(Permission.objects.get(codename="view_incomingquestion"))
    client.force_login(viewer)
    assert client.get(change_url(russian_question)).status_code == 200
    assert client.get(reply_url(russian_question)).status_code == 403
    assert client.post(reply_url(russian_question), {"text": "Да."}).status_code == 403
    assert not Reply.objects.exists() and mailoutbox == []


@pytest.mark.parametrize(
    ("language", "refusal"),
    [("ky", "Жөнөтүүдөн мурун жоопту жазыңыз."), ("ru", "Напишите ответ перед отправкой.")],
)
def test_an_empty_reply_is_refused_in_the_users_language(
    client, faq_editor, russian_question, mailoutbox, language, refusal
):
    login(client, faq_editor)
    response = client.post(reply_url(russian_question, language), {"text": " \u200b\n "})
    assert response.status_code == 200
    assert refusal in response.content.decode()
    assert mailoutbox == [] and not Reply.objects.exists()
    russian_question.refresh_from_db()
    assert russian_question.status == IncomingQuestion.Status.NEW


def test_only_published_faq_answers_may_be_linked(client, faq_editor, russian_question, leave_answer):
    draft = QuestionFactory(question_ky="Долбоор суроо?", is_published=False)
    login(client, faq_editor)
    page = client.get(reply_url(russian_question)).content.decode()
    assert "Өргүүнү жылдырууга болобу?" in page and "Долбоор суроо?" not in page
    response = client.post(reply_url(russian_question), {"text": "Да.", "faq_questions": [draft.pk]})
    assert response.status_code == 200 and not Reply.objects.exists()


def test_a_failed_send_is_recorded_with_its_reason_and_the_status_stays(
    client, faq_editor, russian_question, monkeypatch
):
    def refused(self, *args, **kwargs):
        raise smtplib.SMTPRecipientsRefused({"aigul@example.test": (550, b"No such user")})

    monkeypatch.setattr("django.core.mail.EmailMessage.send", refused)
    login(client, faq_editor)
    response = client.post(reply_url(russian_question), {"text": "Да."}, follow=True)

    reply = Reply.objects.get()
    assert reply.delivered is False and "SMTPRecipientsRefused" in reply.send_failure
    assert reply.text == "Да." and reply.replied_by == faq_editor
    russian_question.refresh_from_db()
    assert russian_question.status == IncomingQuestion.Status.NEW
    assert UndeliveredMail.objects.count() == 1
    page = response.content.decode()
    assert "Жооп aigul@example.test дарегине жөнөтүлгөн жок" in page
    assert "жөнөтүлгөн жок: SMTPRecipientsRefused" in page  # the history row


def test_answered_questions_leave_the_desk(client, faq_editor, russian_question):
    login(client, faq_editor)

    def desk_section():
        html = client.get("/ky/admin/").content.decode()
        start = html.index('id="desk-faq-questions"')
        return html[start : html.index("</section>", start)]

    assert "Можно ли перенести отпуск" in desk_section()
    client.post(reply_url(russian_question), {"text": "Да."})
    assert "Можно ли перенести отпуск" not in desk_section()


def aged(incoming, days):
    IncomingQuestion.objects.filter(pk=incoming.pk).update(created_at=timezone.now() - timedelta(days=days))


def test_the_daily_purge_deletes_old_questions_with_their_replies(faq_editor, leave_answer):
    old = IncomingQuestionFactory(text="Эски суроо", contact="old@example.test")
    recent = IncomingQuestionFactory(text="Жаңы суроо", contact="+996 700 000 000")
    for incoming in (old, recent):
        reply = Reply.objects.create(
            incoming_question=incoming, channel="email", text="Жооп", replied_by=faq_editor
        )
        reply.faq_questions.add(leave_answer)
    aged(old, 400)
    aged(recent, 30)

    call_command("purge_submissions", stdout=StringIO())  # what the daily timer runs

    assert list(IncomingQuestion.objects.values_list("pk", flat=True)) == [recent.pk]
    assert list(Reply.objects.values_list("incoming_question", flat=True)) == [recent.pk]
    assert leave_answer.__class__.objects.filter(pk=leave_answer.pk).exists()  # the FAQ answer stays


def test_the_questions_retention_follows_its_setting(settings):
    incoming = IncomingQuestionFactory()
    aged(incoming, 100)
    from inbox.services import purge_expired

    settings.FAQ_QUESTION_RETENTION_DAYS = 365
    purge_expired()
    assert IncomingQuestion.objects.exists()
    settings.FAQ_QUESTION_RETENTION_DAYS = 90
    purge_expired()
    assert not IncomingQuestion.objects.exists()


def test_the_admin_history_of_a_purged_question_goes_with_it(client, faq_editor):
    from django.contrib.admin.models import LogEntry

    old, recent = IncomingQuestionFactory(text="Эски Айгүлдүн суроосу"), IncomingQuestionFactory()
    login(client, faq_editor)
    for incoming in (old, recent):
        response = client.post(change_url(incoming), {"status": "rejected", "staff_notes": "Чалдым"})
        assert response.status_code == 302
    aged(old, 400)
    call_command("purge_submissions", stdout=StringIO())
    assert list(LogEntry.objects.values_list("object_id", flat=True)) == [str(recent.pk)]
