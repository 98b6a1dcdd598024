"""The admin's forms, the FAQ's published boxes and the demo loaders change what the public sees
through editorial/services.py: the forms show the services' messages, and every change is recorded."""

import io

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core import mail
from django.core.management import call_command
from django.utils import translation

from documents.models import Document
from editorial import services
from editorial.models import StatusChange
from faq.models import Question
from news.models import Report
from pages.models import Page
from tests.faq.factories import IncomingQuestionFactory, QuestionFactory, TopicFactory
from tests.news.factories import ReportFactory
from tests.roles.conftest import change_url, login, report_post

pytestmark = pytest.mark.django_db


def changes_of(item):
    content_type = ContentType.objects.get_for_model(item)
    return list(
        StatusChange.objects.filter(content_type=content_type, object_id=item.pk)
        .order_by("at", "pk")
        .values_list("status", "user__username", "created", "comment")
    )


def field_errors(response, field):
    return [str(error) for error in response.context["adminform"].form.errors.get(field, [])]


# --- the change form shows the services' messages on their fields ---------------------------------


def test_returning_without_a_comment_shows_the_services_message_on_the_comment(client, osh_reviewer, reports):
    report = reports["ozgon"]
    login(client, osh_reviewer)
    response = client.post(change_url(report), report_post(report, status="returned", review_comment=" "))
    assert response.status_code == 200
    with translation.override("ky"):
        assert field_errors(response, "review_comment") == [str(services.COMMENT_NEEDED)]
    assert Report.objects.get(pk=report.pk).status == "submitted"
    assert changes_of(report) == []


def test_returning_with_a_comment_through_the_form_is_recorded_and_told(client, osh_reviewer, reports):
    report = reports["ozgon"]
    login(client, osh_reviewer)
    response = client.post(
        change_url(report), report_post(report, status="returned", review_comment="Сүрөт кошуңуз.")
    )
    assert response.status_code == 302
    assert Report.objects.values_list("status", "review_comment").get(pk=report.pk) == (
        "returned",
        "Сүрөт кошуңуз.",
    )
    assert changes_of(report) == [("returned", "osh-reviewer", False, "Сүрөт кошуңуз.")]


def test_editor_submitting_through_the_form_is_recorded_with_their_name(client, district_editor, reports):
    report = reports["school"]
    login(client, district_editor)
    response = client.post(change_url(report), report_post(report, status="submitted"))
    assert response.status_code == 302
    assert changes_of(report) == [("submitted", "ozgon-editor", False, "")]


def test_an_editor_is_offered_only_the_statuses_the_services_allow(client, district_editor, reports):
    login(client, district_editor)
    form = client.get(change_url(reports["school"])).context["adminform"].form
    assert [value for value, _label in form.fields["status"].choices] == ["draft", "submitted"]


def test_a_forged_publish_by_an_editor_is_refused_and_leaves_no_trace(client, district_editor, reports):
    report = reports["school"]
    login(client, district_editor)
    response = client.post(change_url(report), report_post(report, status="published"))
    assert response.status_code == 200  # the choice is not offered: the form says so
    assert Report.objects.get(pk=report.pk).status == "draft"
    assert changes_of(report) == []


def test_a_reviewer_saving_an_unchanged_status_records_nothing(client, osh_reviewer, reports):
    report = reports["osh"]
    login(client, osh_reviewer)
    response = client.post(change_url(report), report_post(report, title_ky="Жаңы аталыш"))
    assert response.status_code == 302
    assert Report.objects.get(pk=report.pk).title_ky == "Жаңы аталыш"
    assert changes_of(report) == []


def test_a_new_report_from_the_add_form_is_recorded_as_created(client, district_editor, tree, category):
    login(client, district_editor)
    template = ReportFactory.build(organisation=tree["ozgon"], category=category, slug="new-one")
    template.updated_at = template.published_at
    data = report_post(template, status="submitted")
    data.pop("loaded_updated_at")
    response = client.post("/ky/admin/news/report/add/", data)
    assert response.status_code == 302
    report = Report.objects.get(slug="new-one")
    assert changes_of(report) == [("submitted", "ozgon-editor", True, "")]


# --- the services' own guarantees ------------------------------------------------------------------


def test_save_edited_refuses_a_submitted_report_whose_photos_lack_captions(district_editor, reports):
    report = Report.objects.get(pk=reports["school"].pk)
    report.status = "submitted"

    def add_photo_without_caption():
        report.photos.create(image="news/photos/a.jpg", caption_ky="", caption_ru="")

    with pytest.raises(services.TransitionNotAllowed):
        services.save_edited(report, district_editor, related=add_photo_without_caption)
    assert Report.objects.get(pk=report.pk).status == "draft"


def test_the_site_publishes_as_system_recorded_without_a_user_and_without_mail(reports):
    report = reports["school"]
    services.publish(report, services.SYSTEM)
    assert Report.objects.get(pk=report.pk).status == "published"
    assert changes_of(report) == [("published", None, False, "")]
    assert mail.outbox == []


def test_a_missing_user_is_not_the_system(reports):
    with pytest.raises(AttributeError):
        services.publish(reports["school"], None)
    assert Report.objects.get(pk=reports["school"].pk).status == "draft"


def test_only_a_new_item_is_prepared_for_bulk_create(reports):
    report = Report(slug="bulk")
    services.prepare_for_bulk_create(report, published=True)
    assert report.status == "published"
    with pytest.raises(TypeError):
        services.prepare_for_bulk_create(reports["school"], published=True)


# --- FAQ questions: a tick, through the same services ---------------------------------------------


def question_changelist_post(question, published):
    data = {
        "form-TOTAL_FORMS": "1",
        "form-INITIAL_FORMS": "1",
        "form-MIN_NUM_FORMS": "0",
        "form-MAX_NUM_FORMS": "1000",
        "form-0-id": str(question.pk),
        "form-0-order": str(question.order),
        "_save": "Save",
    }
    if published:
        data["form-0-is_published"] = "on"
    return data


def test_ticking_published_in_the_question_list_is_recorded(admin_client, admin_user):
    question = QuestionFactory(is_published=False, answer_ky="<p>Жооп.</p>")
    response = admin_client.post("/ky/admin/faq/question/", question_changelist_post(question, True))
    assert response.status_code == 302
    assert Question.objects.get(pk=question.pk).is_published is True
    assert changes_of(question) == [("published", admin_user.username, False, "")]

    admin_client.post("/ky/admin/faq/question/", question_changelist_post(question, False))
    assert Question.objects.get(pk=question.pk).is_published is False
    assert changes_of(question)[-1] == ("draft", admin_user.username, False, "")


def test_a_question_without_an_answer_cannot_be_ticked_in_the_list(admin_client):
    question = QuestionFactory(is_published=False, answer_ky="", answer_ru="")
    response = admin_client.post("/ky/admin/faq/question/", question_changelist_post(question, True))
    assert response.status_code == 200
    assert "Суроону жарыялоодон мурун жообун жазыңыз." in response.content.decode()
    assert Question.objects.get(pk=question.pk).is_published is False
    assert changes_of(question) == []


def test_the_services_refuse_to_publish_a_question_without_an_answer(admin_user):
    question = QuestionFactory(is_published=False, answer_ky="", answer_ru="")
    with pytest.raises(services.TransitionNotAllowed):
        services.publish(question, admin_user)
    assert Question.objects.get(pk=question.pk).is_published is False


def test_a_draft_faq_entry_made_from_an_incoming_question_is_recorded_as_created(admin_client, admin_user):
    TopicFactory()
    incoming = IncomingQuestionFactory(text="Өргүү канча күн?", language="ky")
    admin_client.post(
        "/ky/admin/faq/incomingquestion/",
        {"action": "create_faq_entry", "_selected_action": [incoming.pk], "index": 0},
    )
    draft = Question.objects.get(incoming_questions=incoming)
    assert draft.is_published is False
    assert changes_of(draft) == [("draft", admin_user.username, True, "")]


# --- the demo: published by the site ---------------------------------------------------------------


def test_the_demo_publishes_through_the_services_as_the_site():
    call_command("load_demo", stdout=io.StringIO())
    for model in (Report, Document, Page, Question):
        published = model.objects.filter(
            **({"is_published": True} if model is Question else {"status": "published"})
        )
        assert published.exists()
        recorded = StatusChange.objects.filter(
            content_type=ContentType.objects.get_for_model(model), status="published", user=None
        )
        recorded_ids = set(recorded.values_list("object_id", flat=True))
        assert recorded_ids == set(published.values_list("pk", flat=True))
    assert Report.objects.filter(status="draft").count() == 1
    assert mail.outbox == []

    before = StatusChange.objects.count()
    call_command("load_demo", stdout=io.StringIO())
    assert StatusChange.objects.count() == before  # loading again changes nothing
