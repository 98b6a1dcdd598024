"""What each role may see, edit, submit and publish among reports, including forged requests."""

import pytest

from news.models import Report
from tests.roles.conftest import change_url, login, report_post

pytestmark = pytest.mark.django_db

LIST_URL = "/ky/admin/news/report/"
ADD_URL = "/ky/admin/news/report/add/"


def listed(client):
    response = client.get(LIST_URL)
    assert response.status_code == 200
    return set(response.context["cl"].result_list)


def test_regional_editor_sees_only_reports_of_their_subtree(client, district_editor, reports):
    assert listed(login(client, district_editor)) == {reports["ozgon"], reports["school"]}


def test_regional_editor_cannot_open_another_organisations_report(client, district_editor, reports):
    login(client, district_editor)
    for name in ("osh", "naryn"):
        response = client.get(change_url(reports[name]))
        assert response.status_code == 302  # "does not exist", as the admin says of a hidden object
        assert client.get(f"{change_url(reports[name])}".replace("change/", "history/")).status_code in (
            302,
            403,
        )


def test_regional_editor_is_offered_only_organisations_of_their_subtree(client, district_editor, tree):
    response = login(client, district_editor).get(ADD_URL)
    choices = {org.pk for org in response.context["adminform"].form.fields["organisation"].queryset}
    assert choices == {tree["ozgon"].pk, tree["school"].pk}
    status_choices = [value for value, _ in response.context["adminform"].form.fields["status"].choices]
    assert status_choices == ["draft", "submitted"]


def test_regional_editor_saves_a_draft_and_submits_it(client, district_editor, reports):
    report = reports["school"]
    login(client, district_editor)
    response = client.post(change_url(report), report_post(report, title_ky="Жаңы аталыш"))
    assert response.status_code == 302, response.content.decode()[:2000]
    report.refresh_from_db()
    assert (report.title_ky, report.status) == ("Жаңы аталыш", "draft")
    client.post(change_url(report), report_post(report, status="submitted"))
    report.refresh_from_db()
    assert report.status == "submitted"


def test_forged_organisation_of_another_region_is_a_form_error(client, district_editor, reports, tree):
    report = reports["school"]
    login(client, district_editor)
    response = client.post(change_url(report), report_post(report, organisation=tree["naryn"].pk))
    assert response.status_code == 200
    assert "organisation" in response.context["adminform"].form.errors
    report.refresh_from_db()
    assert report.organisation == tree["school"]


def test_forged_new_report_for_another_organisation_is_not_created(
    client, district_editor, reports, tree, category
):
    login(client, district_editor)
    data = report_post(reports["school"], slug="forged", organisation=tree["osh"].pk, loaded_updated_at="")
    response = client.post(ADD_URL, data)
    assert response.status_code == 200
    assert not Report.objects.filter(slug="forged").exists()


def test_publish_post_from_a_regional_editor_is_refused(client, district_editor, reports):
    report = reports["ozgon"]
    login(client, district_editor)
    response = client.post(change_url(report), report_post(report, status="published"))
    assert response.status_code == 200
    assert "status" in response.context["adminform"].form.errors
    report.refresh_from_db()
    assert report.status == "submitted"
    # Nor through the list's action, which they are not even offered.
    client.post(LIST_URL, {"action": "publish", "_selected_action": [report.pk]})
    report.refresh_from_db()
    assert report.status == "submitted"


def test_regional_editor_sees_but_cannot_change_a_published_report(client, district_editor, reports):
    report = reports["ozgon"]
    Report.objects.filter(pk=report.pk).update(status="published")
    report.refresh_from_db()
    login(client, district_editor)
    page = client.get(change_url(report))
    assert page.status_code == 200
    assert 'name="title_ky"' not in page.content.decode()  # read-only
    response = client.post(change_url(report), report_post(report, title_ky="Бузулган", status="draft"))
    assert response.status_code == 403
    report.refresh_from_db()
    assert report.status == "published" and report.title_ky != "Бузулган"


def test_regional_editor_cannot_delete_another_organisations_report(client, district_editor, reports):
    login(client, district_editor)
    url = change_url(reports["naryn"]).replace("change/", "delete/")
    client.post(url, {"post": "yes"})
    assert Report.objects.filter(pk=reports["naryn"].pk).exists()


def test_reviewer_publishes_a_submitted_report(client, osh_reviewer, reports):
    report = reports["ozgon"]
    login(client, osh_reviewer)
    client.post(LIST_URL, {"action": "publish", "_selected_action": [report.pk]})
    report.refresh_from_db()
    assert report.status == "published"
    assert client.get(report.get_absolute_url()).status_code == 200


def test_reviewer_returns_a_report_with_a_comment(client, osh_reviewer, district_editor, reports):
    report = reports["ozgon"]
    login(client, osh_reviewer)
    refused = client.post(change_url(report), report_post(report, status="returned"))
    assert refused.status_code == 200
    assert "review_comment" in refused.context["adminform"].form.errors
    response = client.post(
        change_url(report), report_post(report, status="returned", review_comment="Сүрөт кошуңуз.")
    )
    assert response.status_code == 302
    report.refresh_from_db()
    assert (report.status, report.review_comment) == ("returned", "Сүрөт кошуңуз.")
    # The editor reads the comment, fixes and submits again.
    login(client, district_editor)
    page = client.get(change_url(report)).content.decode()
    assert "Сүрөт кошуңуз." in page
    client.post(change_url(report), report_post(report, status="submitted"))
    report.refresh_from_db()
    assert report.status == "submitted"


def test_reviewer_sees_only_their_region(client, osh_reviewer, reports):
    assert listed(login(client, osh_reviewer)) == {reports["osh"], reports["ozgon"], reports["school"]}


def test_reviewer_may_not_add_reports(client, osh_reviewer):
    assert login(client, osh_reviewer).get(ADD_URL).status_code == 403


def test_federation_editor_sees_and_publishes_everything(client, federation_editor, reports):
    login(client, federation_editor)
    assert listed(client) == set(reports.values())
    ids = [report.pk for report in reports.values()]
    client.post(LIST_URL, {"action": "publish", "_selected_action": ids})
    assert set(Report.objects.values_list("status", flat=True)) == {"published"}


def test_faq_editor_has_no_access_to_reports(client, faq_editor, reports):
    login(client, faq_editor)
    assert client.get(LIST_URL).status_code == 403
    assert client.get(change_url(reports["ozgon"])).status_code == 403


def test_submit_action_submits_drafts_of_the_editors_subtree_only(client, district_editor, reports):
    login(client, district_editor)
    ids = [report.pk for report in reports.values()]
    client.post(LIST_URL, {"action": "submit_for_review", "_selected_action": ids})
    statuses = dict(Report.objects.values_list("organisation__slug", "status"))
    assert statuses == {"school": "submitted", "ozgon": "submitted", "osh": "draft", "naryn": "published"}


@pytest.mark.parametrize("language", ["ky", "ru"])
def test_scheduled_publication_still_waits_for_its_time(client, osh_reviewer, reports, language):
    from django.utils import timezone

    report = reports["ozgon"]
    Report.objects.filter(pk=report.pk).update(published_at=timezone.now() + timezone.timedelta(days=2))
    login(client, osh_reviewer).post(
        f"/{language}/admin/news/report/", {"action": "publish", "_selected_action": [report.pk]}
    )
    report.refresh_from_db()
    assert report.status == "published"
    assert not Report.objects.published().filter(pk=report.pk).exists()
    client.logout()
    assert client.get(report.get_absolute_url().replace("/ky/", f"/{language}/")).status_code == 404
