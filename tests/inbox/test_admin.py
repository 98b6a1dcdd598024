"""The inbox in the admin: who sees which submissions, and what they may change."""

import pytest
from django.contrib.auth.models import Group

from editorial import groups
from inbox.models import Submission
from structure.models import Region
from tests.inbox.conftest import make_staff
from tests.inbox.factories import SubmissionFactory

pytestmark = pytest.mark.django_db

CHANGELIST = "/ky/admin/inbox/submission/"


def change_url(submission, language="ky"):
    return f"/{language}/admin/inbox/submission/{submission.pk}/change/"


@pytest.fixture
def submissions(db):
    return {
        "osh": SubmissionFactory(name="Ошто иштеген Айгүл", region=Region.OSH),
        "naryn": SubmissionFactory(name="Нарындык Бакыт", region=Region.NARYN, kind=Submission.Kind.WRITE),
        "none": SubmissionFactory(name="Аймаксыз Нурлан", region="", kind=Submission.Kind.WRITE),
    }


def names_on(page):
    return {name for name in ("Ошто иштеген Айгүл", "Нарындык Бакыт", "Аймаксыз Нурлан") if name in page}


def test_federation_staff_see_every_submission(client, federation_editor, submissions):
    client.force_login(federation_editor)
    page = client.get(CHANGELIST).content.decode()
    assert names_on(page) == {"Ошто иштеген Айгүл", "Нарындык Бакыт", "Аймаксыз Нурлан"}
    for submission in submissions.values():
        response = client.get(change_url(submission))
        assert response.status_code == 200
        assert submission.phone in response.content.decode()


def test_a_regional_editor_sees_only_the_submissions_of_their_region(client, osh_editor, submissions):
    client.force_login(osh_editor)
    page = client.get(CHANGELIST).content.decode()
    assert names_on(page) == {"Ошто иштеген Айгүл"}
    assert client.get(change_url(submissions["osh"])).status_code == 200


@pytest.mark.parametrize("other", ["naryn", "none"])
def test_a_regional_editor_cannot_open_another_regions_submission(client, osh_editor, submissions, other):
    client.force_login(osh_editor)
    response = client.get(change_url(submissions[other]), follow=True)
    page = response.content.decode()
    assert submissions[other].name not in page
    assert response.redirect_chain[-1][0] == "/ky/admin/"


def test_another_regions_editor_sees_nothing_of_osh(client, naryn_editor, submissions):
    client.force_login(naryn_editor)
    assert names_on(client.get(CHANGELIST).content.decode()) == {"Нарындык Бакыт"}
    before = Submission.objects.get(pk=submissions["osh"].pk).status
    client.post(change_url(submissions["osh"]), {"status": "answered", "staff_note": "x"})
    assert Submission.objects.get(pk=submissions["osh"].pk).status == before


def test_anonymous_visitors_are_sent_to_the_login_page(client, submissions):
    for path in (CHANGELIST, change_url(submissions["osh"])):
        response = client.get(path)
        assert response.status_code == 302
        assert response["Location"].startswith("/ky/admin/login/")


def test_staff_without_the_inbox_permission_get_403(client, django_user_model, tree, submissions):
    faq_editor = make_staff(django_user_model, "faq", groups.FAQ_EDITOR, [tree["osh"]])
    client.force_login(faq_editor)
    assert client.get(CHANGELIST).status_code == 403
    assert client.get(change_url(submissions["osh"])).status_code == 403


def test_nobody_adds_submissions_in_the_admin(client, federation_editor, admin_client, submissions):
    client.force_login(federation_editor)
    for user_client in (client, admin_client):
        assert user_client.get(f"{CHANGELIST}add/").status_code == 403
        assert f"{CHANGELIST}add/" not in user_client.get(CHANGELIST).content.decode()


def test_an_editor_changes_the_status_and_note_but_not_the_personal_fields(client, osh_editor, submissions):
    submission = submissions["osh"]
    client.force_login(osh_editor)
    page = client.get(change_url(submission)).content.decode()
    assert 'name="status"' in page and 'name="staff_note"' in page
    assert 'name="name"' not in page and 'name="phone"' not in page and 'name="email"' not in page
    response = client.post(
        change_url(submission),
        {
            "status": "in-progress",
            "staff_note": "Чалдым, эртең келет.",
            "name": "Башка",
            "phone": "0700000000",
        },
    )
    assert response.status_code == 302
    submission.refresh_from_db()
    assert (submission.status, submission.staff_note) == ("in-progress", "Чалдым, эртең келет.")
    assert (submission.name, submission.phone) == ("Ошто иштеген Айгүл", "+996 555 123 456")


def test_the_list_shows_status_kind_region_and_date_and_the_status_is_editable(
    client, federation_editor, submissions
):
    client.force_login(federation_editor)
    page = client.get(CHANGELIST).content.decode()
    for header in ("column-status", "column-kind", "column-region", "column-created_at"):
        assert header in page
    assert 'name="form-0-status"' in page
    assert "Ош облусу" in page and "Мүчөлүккө арыз" in page


def test_the_list_filters_by_status_kind_and_region(client, federation_editor, submissions):
    Submission.objects.filter(pk=submissions["naryn"].pk).update(status=Submission.Status.ANSWERED)
    client.force_login(federation_editor)
    assert names_on(client.get(CHANGELIST, {"status__exact": "answered"}).content.decode()) == {
        "Нарындык Бакыт"
    }
    assert names_on(client.get(CHANGELIST, {"kind__exact": "join"}).content.decode()) == {
        "Ошто иштеген Айгүл"
    }
    assert names_on(client.get(CHANGELIST, {"region__exact": "naryn"}).content.decode()) == {"Нарындык Бакыт"}


def test_the_mark_answered_action_reaches_only_the_editors_region(client, osh_editor, submissions):
    client.force_login(osh_editor)
    selected = [submission.pk for submission in submissions.values()]
    response = client.post(CHANGELIST, {"action": "mark_answered", "_selected_action": selected, "index": 0})
    assert response.status_code == 302
    statuses = dict(Submission.objects.values_list("name", "status"))
    assert statuses == {"Ошто иштеген Айгүл": "answered", "Нарындык Бакыт": "new", "Аймаксыз Нурлан": "new"}


def test_the_roles_hold_the_inbox_permissions_from_the_migration():
    def codenames(name):
        return set(
            Group.objects.get(name=name)
            .permissions.filter(content_type__app_label="inbox")
            .values_list("codename", flat=True)
        )

    assert codenames(groups.FEDERATION_EDITOR) == {
        "view_submission",
        "change_submission",
        "delete_submission",
    }
    assert codenames(groups.REGIONAL_EDITOR) == {"view_submission", "change_submission"}
    assert codenames(groups.REVIEWER) == {"view_submission", "change_submission"}
    assert codenames(groups.FAQ_EDITOR) == set()


def test_the_changelist_needs_few_queries_however_many_submissions(
    client, federation_editor, django_assert_max_num_queries
):
    SubmissionFactory.create_batch(40)
    client.force_login(federation_editor)
    client.get(CHANGELIST)
    with django_assert_max_num_queries(12):
        assert client.get(CHANGELIST).status_code == 200


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("ky", ["Кайрылуулар", "Жөнөтүүчү", "Макулдук жана булак", "Иштелүүдө", "Мүчөлүккө арыз #"]),
        ("ru", ["Обращения", "Отправитель", "Согласие и источник", "В работе", "Заявление о вступлении #"]),
    ],
)
def test_the_inbox_speaks_the_staff_members_language(client, federation_editor, submissions, language, words):
    client.force_login(federation_editor)
    page = client.get(change_url(submissions["osh"], language)).content.decode()
    for word in words:
        assert word in page
    assert "Ошто иштеген Айгүл" in page
