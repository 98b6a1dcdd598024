import re

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from faq.models import IncomingQuestion, Question
from tests.faq.factories import IncomingQuestionFactory, QuestionFactory, TopicFactory

pytestmark = pytest.mark.django_db

CHANGELIST = "/ky/admin/faq/incomingquestion/"


def run_action(client, action, *incoming, **extra):
    data = {"action": action, "_selected_action": [item.pk for item in incoming], "index": 0, **extra}
    return client.post(CHANGELIST, data)


def test_staff_see_new_questions_with_the_contact_escaped(admin_client):
    incoming = IncomingQuestionFactory(text="<b>Жумуштан</b> бошотушту", contact="+996 700 111 222")
    changelist = admin_client.get(CHANGELIST).content.decode()
    assert "&lt;b&gt;Жумуштан&lt;/b&gt; бошотушту" in changelist
    change = admin_client.get(f"{CHANGELIST}{incoming.pk}/change/").content.decode()
    assert "+996 700 111 222" in change
    assert "<b>Жумуштан</b>" not in change


def test_changelist_filters_by_status(admin_client):
    IncomingQuestionFactory(text="Айлык кечикти")
    IncomingQuestionFactory(text="Өргүү берилбей жатат", status=IncomingQuestion.Status.ANSWERED)
    page = admin_client.get(CHANGELIST, {"status__exact": "answered"}).content.decode()
    assert "Өргүү берилбей жатат" in page
    assert "Айлык кечикти" not in page


def test_mark_answered_and_rejected_actions(admin_client):
    first, second, third = IncomingQuestionFactory.create_batch(3)
    response = run_action(admin_client, "mark_answered", first, second)
    assert response.status_code == 302
    response = run_action(admin_client, "mark_rejected", third)
    statuses = dict(IncomingQuestion.objects.values_list("pk", "status"))
    assert statuses == {first.pk: "answered", second.pk: "answered", third.pk: "rejected"}
    page = admin_client.get(response["Location"]).content.decode()
    assert "1 суроо четке кагылды деп белгиленди." in page


def test_create_faq_entry_makes_an_unpublished_draft_in_the_chosen_topic_and_opens_it(admin_client):
    TopicFactory(order=1)
    chosen = TopicFactory(order=2)
    QuestionFactory(topic=chosen, order=7)
    incoming = IncomingQuestionFactory(text="Бала багуу өргүүсү\nканча убакыт?", language="ky")
    response = run_action(admin_client, "create_faq_entry", incoming, topic=chosen.pk)

    draft = Question.objects.get(incoming_questions=incoming)
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:faq_question_change", args=[draft.pk])
    assert draft.topic == chosen
    assert draft.is_published is False
    assert draft.question_ky == "Бала багуу өргүүсү канча убакыт?"
    assert draft.order == 8
    incoming.refresh_from_db()
    assert incoming.faq_question == draft
    assert admin_client.get(response["Location"]).status_code == 200
    assert draft.question_ky not in admin_client.get("/ky/faq/").content.decode()


def test_create_faq_entry_uses_the_first_topic_and_the_askers_language(admin_client):
    first = TopicFactory(order=1)
    TopicFactory(order=2)
    incoming = IncomingQuestionFactory(text="Можно ли перенести отпуск?", language="ru")
    run_action(admin_client, "create_faq_entry", incoming)
    draft = Question.objects.get()
    assert draft.topic == first
    assert (draft.question_ru, draft.question_ky) == ("Можно ли перенести отпуск?", None)


def test_create_faq_entry_does_not_duplicate_and_cuts_long_text(admin_client):
    TopicFactory()
    incoming = IncomingQuestionFactory(text="ө" * 1500)
    run_action(admin_client, "create_faq_entry", incoming)
    run_action(admin_client, "create_faq_entry", incoming)
    draft = Question.objects.get()
    assert len(draft.question_ky) == 500 and draft.question_ky.endswith("…")


def test_create_faq_entry_without_topics_explains_what_to_do(admin_client):
    incoming = IncomingQuestionFactory()
    response = run_action(admin_client, "create_faq_entry", incoming)
    page = admin_client.get(response["Location"]).content.decode()
    assert "Адегенде тема түзүп" in page
    assert not Question.objects.exists()


def test_staff_without_add_permission_cannot_create_entries(client, django_user_model):
    user = django_user_model.objects.create_user("clerk", password="pw", is_staff=True)
    user.user_permissions.add(
        *Permission.objects.filter(codename__in=["view_incomingquestion", "change_incomingquestion"])
    )
    client.force_login(user)
    TopicFactory()
    incoming = IncomingQuestionFactory()
    run_action(client, "create_faq_entry", incoming)
    assert not Question.objects.exists()


def test_visitors_questions_cannot_be_added_by_hand(admin_client):
    assert admin_client.get(f"{CHANGELIST}add/").status_code == 403


def test_question_admin_searches_both_languages_and_filters_by_topic(admin_client):
    topic = TopicFactory()
    QuestionFactory(topic=topic, question_ky="Өргүү тууралуу", question_ru="Об отпуске")
    QuestionFactory(question_ky="Эмгек акы", question_ru="О зарплате")
    url = "/ky/admin/faq/question/"
    assert "Өргүү тууралуу" in admin_client.get(url, {"q": "отпуске"}).content.decode()
    page = admin_client.get(url, {"topic__id__exact": topic.pk}).content.decode()
    assert "Өргүү тууралуу" in page and "Эмгек акы" not in page
    page = admin_client.get(url, {"is_published__exact": "0"}).content.decode()
    assert "Өргүү тууралуу" not in page


def test_question_admin_form_has_tabs_and_legal_reference_inline(admin_client):
    question = QuestionFactory()
    page = admin_client.get(f"/ky/admin/faq/question/{question.pk}/change/").content.decode()
    assert 'name="question_ky"' in page and 'name="question_ru"' in page
    assert 'name="legal_references-0-act_ky"' in page
    assert "tabbed_translation_fields.js" in page


def test_publishing_a_question_without_an_answer_is_refused(admin_client):
    question = QuestionFactory(is_published=False, answer_ky="", answer_ru="")
    data = {
        "topic": question.topic_id,
        "question_ky": question.question_ky,
        "question_ru": "",
        "slug": question.slug,
        "answer_ky": "",
        "answer_ru": "",
        "order": 1,
        "is_published": "on",
        "answer_checked_on": "2026-01-10",
        "legal_references-TOTAL_FORMS": 0,
        "legal_references-INITIAL_FORMS": 0,
    }
    response = admin_client.post(f"/ky/admin/faq/question/{question.pk}/change/", data)
    assert response.status_code == 200
    assert "Суроону жарыялоодон мурун жообун жазыңыз." in response.content.decode()
    question.refresh_from_db()
    assert question.is_published is False


def test_topic_with_questions_cannot_be_deleted(admin_client):
    question = QuestionFactory()
    admin_client.post(f"/ky/admin/faq/topic/{question.topic_id}/delete/", {"post": "yes"})
    assert Question.objects.filter(pk=question.pk).exists()


def test_topic_may_not_take_the_address_of_the_ask_page(admin_client):
    data = {
        "name_ky": "Суроо",
        "name_ru": "",
        "slug": "ask",
        "order": 1,
        "description_ky": "",
        "description_ru": "",
    }
    response = admin_client.post("/ky/admin/faq/topic/add/", data)
    assert response.status_code == 200
    assert "«ask» — суроо-жооптордун башка бетинин дареги" in response.content.decode()


@pytest.mark.parametrize("language", ["ky", "ru"])
def test_saving_keeps_a_missing_translation_empty_and_sanitises_each_language(language):
    from django.utils import translation

    with translation.override(language):
        question = QuestionFactory(answer_ky="<p>Кыргызча.</p><script>alert(1)</script>", answer_ru="")
        question.save()
    question.refresh_from_db()
    assert question.answer_ky == "<p>Кыргызча.</p>"
    assert not question.answer_ru
    question.answer_ru = '<p onclick="x()">Русский.</p>'
    question.save()
    question.refresh_from_db()
    assert question.answer_ru == "<p>Русский.</p>"


def test_staff_saving_in_the_russian_admin_does_not_copy_the_kyrgyz_answer(admin_client):
    question = QuestionFactory(answer_ky="<p>Кыргызча гана.</p>", answer_ru="")
    data = {
        "topic": question.topic_id,
        "question_ky": question.question_ky,
        "question_ru": question.question_ru,
        "slug": question.slug,
        "answer_ky": question.answer_ky,
        "answer_ru": "",
        "order": 1,
        "is_published": "on",
        "answer_checked_on": "2026-01-10",
        "legal_references-TOTAL_FORMS": 0,
        "legal_references-INITIAL_FORMS": 0,
    }
    response = admin_client.post(f"/ru/admin/faq/question/{question.pk}/change/", data)
    assert response.status_code == 302
    question.refresh_from_db()
    assert not question.answer_ru


@pytest.mark.parametrize("language", ["ky", "ru"])
def test_the_short_answer_shows_its_limit_while_staff_type(admin_client, language):
    from faq.models import SHORT_ANSWER_MAX_LENGTH

    page = admin_client.get(f"/{language}/admin/faq/question/add/").content.decode()
    for field in ("short_answer_ky", "short_answer_ru"):
        assert re.search(rf'<textarea name="{field}"[^>]*maxlength="{SHORT_ANSWER_MAX_LENGTH}"', page)
    assert "js/admin_char_counter" in page
