"""Preview of unpublished items, the login lockout, and the roles on documents and the FAQ."""

import pytest
from django.contrib.auth import get_user_model

from documents.models import Document
from tests.documents.factories import DocumentFactory
from tests.faq.factories import IncomingQuestionFactory, QuestionFactory
from tests.roles.conftest import login

pytestmark = pytest.mark.django_db


# --- preview -------------------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["ky", "ru"])
def test_staff_preview_a_draft_report_the_public_gets_404(client, district_editor, reports, language):
    report = reports["school"]
    url = report.get_absolute_url().replace("/ky/", f"/{language}/") + "?preview=1"
    assert client.get(url).status_code == 404
    response = login(client, district_editor).get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert report.title_ky in html or report.title_ru in html
    assert {"ky": "Алдын ала көрүү", "ru": "Предпросмотр"}[language] in html
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    assert response["X-Robots-Tag"] == "noindex"
    assert client.get(url.replace("?preview=1", "")).status_code == 404  # preview only when asked


def test_preview_is_refused_to_staff_of_another_region(client, district_editor, reports):
    url = reports["osh"].get_absolute_url() + "?preview=1"
    assert login(client, district_editor).get(url).status_code == 404


def test_admin_links_an_unpublished_report_to_its_preview(client, district_editor, reports):
    report = reports["school"]
    html = login(client, district_editor).get(f"/ky/admin/news/report/{report.pk}/change/").content.decode()
    assert f"{report.get_absolute_url()}?preview=1" in html


@pytest.mark.parametrize("language", ["ky", "ru"])
def test_staff_preview_a_draft_document_the_public_gets_404(client, district_editor, tree, language):
    document = DocumentFactory(organisation=tree["ozgon"], status=Document.Status.SUBMITTED)
    url = f"/{language}/documents/{document.slug}/?preview=1"
    assert client.get(url).status_code == 404
    response = login(client, district_editor).get(url)
    assert response.status_code == 200
    assert {"ky": "Текшерүүгө жөнөтүлдү", "ru": "Отправлено на проверку"}[
        language
    ] in response.content.decode()


# --- login lockout -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("ky", "Ийгиликсиз кирүү аракети өтө көп болду"),
        ("ru", "Слишком много неудачных попыток входа"),
    ],
)
def test_five_failed_logins_lock_the_username_out_in_the_staff_language(client, db, language, message):
    get_user_model().objects.create_user("editor", password="correct-horse-9", is_staff=True)
    url = f"/{language}/admin/login/"
    for _ in range(4):
        response = client.post(url, {"username": "editor", "password": "wrong"})
        assert response.status_code == 200  # the ordinary "wrong password" form
    locked = client.post(url, {"username": "editor", "password": "wrong"})
    assert locked.status_code == 429
    assert message in locked.content.decode()
    # Even the right password is refused now, and nobody is logged in.
    again = client.post(url, {"username": "editor", "password": "correct-horse-9"})
    assert again.status_code == 429
    assert "_auth_user_id" not in client.session


def test_lockout_is_per_username_and_address(client, db):
    get_user_model().objects.create_user("other", password="correct-horse-9", is_staff=True)
    for _ in range(5):
        client.post("/ky/admin/login/", {"username": "editor", "password": "wrong"})
    response = client.post("/ky/admin/login/", {"username": "other", "password": "correct-horse-9"})
    assert response.status_code == 302


def test_axes_reset_unlocks(client, db):
    from django.core.management import call_command

    get_user_model().objects.create_user("editor", password="correct-horse-9", is_staff=True)
    for _ in range(5):
        client.post("/ky/admin/login/", {"username": "editor", "password": "wrong"})
    call_command("axes_reset")
    response = client.post("/ky/admin/login/", {"username": "editor", "password": "correct-horse-9"})
    assert response.status_code == 302


# --- documents -----------------------------------------------------------------------------------


def document_post(document, **changes):
    data = {
        "title_ky": document.title_ky,
        "title_ru": document.title_ru,
        "slug": document.slug,
        "document_type": document.document_type_id,
        "organisation": document.organisation_id or "",
        "status": document.status,
        "order": "0",
        "loaded_updated_at": document.updated_at.isoformat(),
        "files-TOTAL_FORMS": "0",
        "files-INITIAL_FORMS": "0",
        "files-MIN_NUM_FORMS": "0",
        "files-MAX_NUM_FORMS": "2",
    }
    data.update(changes)
    return data


def test_regional_editor_sees_only_documents_of_their_subtree(client, district_editor, tree):
    mine = DocumentFactory(organisation=tree["school"], status="draft")
    DocumentFactory(organisation=tree["osh"])
    DocumentFactory(organisation=None)  # a national document: federation editors only
    response = login(client, district_editor).get("/ky/admin/documents/document/")
    assert list(response.context["cl"].result_list) == [mine]


def test_regional_editor_cannot_publish_or_move_a_document_elsewhere(client, district_editor, tree):
    document = DocumentFactory(organisation=tree["school"], status="draft")
    url = f"/ky/admin/documents/document/{document.pk}/change/"
    login(client, district_editor)
    for forged in ({"status": "published"}, {"organisation": tree["naryn"].pk}, {"organisation": ""}):
        response = client.post(url, document_post(document, **forged))
        assert response.status_code == 200
        assert response.context["adminform"].form.errors
    document.refresh_from_db()
    assert (document.status, document.organisation) == ("draft", tree["school"])
    assert client.post(url, document_post(document, status="submitted")).status_code == 302
    document.refresh_from_db()
    assert document.status == "submitted"


def test_reviewer_publishes_a_document(client, osh_reviewer, tree):
    document = DocumentFactory(organisation=tree["ozgon"], status="submitted")
    login(client, osh_reviewer).post(
        "/ky/admin/documents/document/", {"action": "publish", "_selected_action": [document.pk]}
    )
    document.refresh_from_db()
    assert document.status == "published"
    assert client.get(document.get_absolute_url()).status_code == 200


def test_migration_kept_published_documents_published(db):
    """Documents ticked "published" before the workflow are still public (published())."""
    document = DocumentFactory(status="published")
    assert list(Document.objects.published()) == [document]


# --- FAQ editor ------------------------------------------------------------------------------------


def test_faq_editor_edits_the_faq_and_incoming_questions_only(client, faq_editor):
    question = QuestionFactory()
    incoming = IncomingQuestionFactory()
    login(client, faq_editor)
    assert client.get(f"/ky/admin/faq/question/{question.pk}/change/").status_code == 200
    assert client.get(f"/ky/admin/faq/incomingquestion/{incoming.pk}/change/").status_code == 200
    assert client.get("/ky/admin/documents/document/add/").status_code == 403
    assert client.get("/ky/admin/structure/organisation/").status_code == 403


def test_regional_editor_has_no_access_to_the_faq(client, district_editor):
    assert login(client, district_editor).get("/ky/admin/faq/question/").status_code == 403
