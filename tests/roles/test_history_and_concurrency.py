"""Two editors at once, and the history of every change (django-reversion)."""

import pytest
from reversion.models import Version

from news.models import Report
from tests.documents.factories import DocumentFactory
from tests.faq.factories import QuestionFactory
from tests.roles.conftest import change_url, login, report_post

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("language", "message"),
    [("ky", "ачкандан кийин"), ("ru", "после того как вы")],
)
def test_second_editor_saving_the_same_report_is_told_and_nothing_is_lost(
    client, district_editor, federation_editor, reports, language, message
):
    report = reports["school"]
    loaded = report_post(report)  # both open the form
    login(client, federation_editor)
    first = client.post(change_url(report, language), {**loaded, "title_ky": "Биринчи редактордун аталышы"})
    assert first.status_code == 302
    login(client, district_editor)
    second = client.post(change_url(report, language), {**loaded, "title_ky": "Экинчи редактордун аталышы"})
    assert second.status_code == 200
    html = second.content.decode()
    assert message in html
    assert "federation" in html  # who saved meanwhile
    assert "Экинчи редактордун аталышы" in html  # what they typed is still in the form
    report.refresh_from_db()
    assert report.title_ky == "Биринчи редактордун аталышы"
    # Having been told, saving again replaces the first version, which the history keeps.
    form_value = second.context["adminform"].form["loaded_updated_at"].value()
    third = client.post(
        change_url(report, language),
        {**loaded, "title_ky": "Экинчи редактордун аталышы", "loaded_updated_at": form_value},
    )
    assert third.status_code == 302
    report.refresh_from_db()
    assert report.title_ky == "Экинчи редактордун аталышы"
    titles = [version.field_dict["title_ky"] for version in Version.objects.get_for_object(report)]
    assert "Биринчи редактордун аталышы" in titles


def test_admin_saves_keep_who_and_when_for_both_languages(client, federation_editor, reports):
    report = reports["osh"]
    login(client, federation_editor)
    client.post(change_url(report), report_post(report, title_ky="Биринчи", title_ru="Первый"))
    report.refresh_from_db()
    client.post(change_url(report), report_post(report, title_ky="Экинчи", title_ru="Второй"))
    versions = list(Version.objects.get_for_object(report).select_related("revision__user"))
    assert [(v.field_dict["title_ky"], v.field_dict["title_ru"]) for v in versions] == [
        ("Экинчи", "Второй"),
        ("Биринчи", "Первый"),
    ]
    assert {v.revision.user for v in versions} == {federation_editor}
    history = client.get(change_url(report).replace("change/", "history/")).content.decode()
    assert "federation" in history


def test_an_old_version_is_restored_from_the_admin(client, federation_editor, reports):
    report = reports["osh"]
    login(client, federation_editor)
    client.post(change_url(report), report_post(report, title_ky="Туура аталыш", title_ru="Верный"))
    report.refresh_from_db()
    client.post(change_url(report), report_post(report, title_ky="Ката аталыш", title_ru="Ошибка"))
    old = Version.objects.get_for_object(report).last()
    url = f"/ky/admin/news/report/{report.pk}/history/{old.pk}/"
    page = client.get(url)
    assert page.status_code == 200
    assert "Туура аталыш" in page.content.decode() and "Верный" in page.content.decode()
    report.refresh_from_db()
    assert report.title_ky == "Ката аталыш"  # looking changes nothing
    data = report_post(report, title_ky="Туура аталыш", title_ru="Верный")
    data["loaded_updated_at"] = page.context["adminform"].form["loaded_updated_at"].value()
    assert client.post(url, data).status_code == 302
    report.refresh_from_db()
    assert (report.title_ky, report.title_ru) == ("Туура аталыш", "Верный")


def test_regional_editor_cannot_restore_another_organisations_report(
    client, federation_editor, district_editor, reports
):
    report = reports["naryn"]
    login(client, federation_editor)
    client.post(change_url(report), report_post(report, title_ky="Нарын"))
    version = Version.objects.get_for_object(report).first()
    login(client, district_editor)
    url = f"/ky/admin/news/report/{report.pk}/history/{version.pk}/"
    assert client.get(url).status_code == 403
    assert client.post(url, report_post(report)).status_code == 403
    assert client.get("/ky/admin/news/report/recover/").status_code == 403


def test_regional_editor_cannot_restore_a_version_that_belonged_elsewhere(
    client, federation_editor, district_editor, reports, tree
):
    """A report moved into the district from Naryn: its Naryn version is not theirs to restore."""
    report = reports["naryn"]
    login(client, federation_editor)
    client.post(change_url(report), report_post(report, status="draft"))
    report.refresh_from_db()
    client.post(change_url(report), report_post(report, organisation=tree["school"].pk))
    naryn_version = Version.objects.get_for_object(report).last()
    login(client, district_editor)
    url = f"/ky/admin/news/report/{report.pk}/history/{naryn_version.pk}/"
    assert client.post(url, report_post(report, organisation=tree["naryn"].pk)).status_code == 403
    assert Report.objects.get(pk=report.pk).organisation == tree["school"]


def test_documents_faq_entries_and_organisations_keep_history(client, federation_editor, tree):
    login(client, federation_editor)
    document = DocumentFactory(organisation=tree["osh"])
    question = QuestionFactory()
    client.post(
        f"/ky/admin/documents/document/{document.pk}/change/",
        {
            "title_ky": "Жаңы келишим",
            "title_ru": "Новое соглашение",
            "slug": document.slug,
            "document_type": document.document_type_id,
            "organisation": tree["osh"].pk,
            "status": "published",
            "order": "0",
            "loaded_updated_at": document.updated_at.isoformat(),
            "files-TOTAL_FORMS": "0",
            "files-INITIAL_FORMS": "0",
            "files-MIN_NUM_FORMS": "0",
            "files-MAX_NUM_FORMS": "2",
        },
    )
    assert Version.objects.get_for_object(document).first().field_dict["title_ru"] == "Новое соглашение"
    client.post(
        f"/ky/admin/faq/question/{question.pk}/change/",
        {
            "topic": question.topic_id,
            "question_ky": "Өргүү канча күн?",
            "question_ru": "Сколько дней отпуска?",
            "slug": question.slug,
            "answer_ky": "<p>28 күн.</p>",
            "answer_ru": "<p>28 дней.</p>",
            "order": "1",
            "is_published": "on",
            "answer_checked_on": "2026-01-10",
            "legal_references-TOTAL_FORMS": "0",
            "legal_references-INITIAL_FORMS": "0",
            "legal_references-MIN_NUM_FORMS": "0",
            "legal_references-MAX_NUM_FORMS": "1000",
        },
    )
    latest = Version.objects.get_for_object(question).first()
    assert latest.field_dict["question_ru"] == "Сколько дней отпуска?"


def test_regional_editor_cannot_restore_a_bulk_revision_that_holds_other_regions_reports(
    client, federation_editor, district_editor, reports
):
    school, naryn = reports["school"], reports["naryn"]
    login(client, federation_editor)
    response = client.post(
        "/ky/admin/news/report/",
        {"action": "unpublish", "_selected_action": [school.pk, naryn.pk]},
    )
    assert response.status_code == 302
    shared = Version.objects.get_for_object(school).first()
    assert shared.revision.version_set.count() == 2
    naryn.refresh_from_db()
    client.post(change_url(naryn), report_post(naryn, title_ky="Оңдолгон", status="published"))
    login(client, district_editor)
    school.refresh_from_db()
    url = f"/ky/admin/news/report/{school.pk}/history/{shared.pk}/"
    data = report_post(school, status="draft")
    data["loaded_updated_at"] = school.updated_at.isoformat()
    assert client.post(url, data).status_code == 403
    naryn.refresh_from_db()
    assert (naryn.title_ky, naryn.status) == ("Оңдолгон", "published")
