"""Events in the admin: validation, the all-day dates, scope and workflow by role."""

import pytest
from django.contrib.auth.models import Group

from editorial import groups
from editorial.models import EditorProfile
from events.models import Event
from tests.events.factories import EventFactory, bishkek
from tests.news.factories import ReportFactory

pytestmark = pytest.mark.django_db

ADD_URL = "/ky/admin/events/event/add/"


def change_url(event):
    return f"/ky/admin/events/event/{event.pk}/change/"


def event_form(organisation, **extra):
    data = {
        "title_ky": "Ошто семинар",
        "title_ru": "Семинар в Оше",
        "slug": "",
        "description_ky": "<p>Текст</p>",
        "description_ru": "<p>Текст по-русски</p>",
        "category": "seminar",
        "start_0": "2026-12-31",
        "start_1": "23:30:00",
        "end_0": "2027-01-01",
        "end_1": "01:00:00",
        "place_ky": "Ош, №5 мектеп",
        "place_ru": "Ош, школа № 5",
        "map_url": "",
        "contact_ky": "",
        "contact_ru": "",
        "registration_url": "",
        "report": "",
        "status": "draft",
        "review_comment": "",
        "published_at_0": "2026-11-01",
        "published_at_1": "10:00:00",
        "organisation": organisation.pk,
    }
    data.update(extra)
    return data


def staff(django_user_model, username, group_name, organisations):
    user = django_user_model.objects.create_user(username=username, password="correct-horse-9", is_staff=True)
    user.groups.add(Group.objects.get(name=group_name))
    EditorProfile.objects.create(user=user).organisations.set(organisations)
    return user


@pytest.fixture
def osh_editor(django_user_model, oblast):
    return staff(django_user_model, "osh-editor", groups.REGIONAL_EDITOR, [oblast])


@pytest.fixture
def osh_reviewer(django_user_model, oblast):
    return staff(django_user_model, "osh-reviewer", groups.REVIEWER, [oblast])


def form_errors(response):
    return response.context["adminform"].form.errors.as_data()


def test_admin_creates_an_event_in_bishkek_time(admin_client, district):
    response = admin_client.post(ADD_URL, event_form(district, status="published"))
    assert response.status_code == 302, response.content.decode()[:3000]
    event = Event.objects.get()
    assert event.slug == "oshto-seminar"
    assert event.start == bishkek(2026, 12, 31, 23, 30)
    assert event.get_absolute_url() == "/ky/events/2026/12/31/oshto-seminar/"


def test_admin_refuses_an_end_before_the_start(admin_client, district):
    response = admin_client.post(ADD_URL, event_form(district, end_0="2026-12-31", end_1="22:00:00"))
    assert response.status_code == 200
    assert [error.code for error in form_errors(response)["end"]] == ["end_before_start"]
    assert not Event.objects.exists()


def test_admin_refuses_an_event_without_any_title(admin_client, district):
    response = admin_client.post(ADD_URL, event_form(district, title_ky="", title_ru=""))
    assert [error.code for error in form_errors(response)["title_ky"]] == ["no_title"]


def test_an_all_day_event_takes_its_whole_days(admin_client, district):
    data = event_form(district, all_day="on", start_1="15:00:00", end_0="2027-01-02", end_1="09:00:00")
    assert admin_client.post(ADD_URL, data).status_code == 302
    event = Event.objects.get()
    assert event.start == bishkek(2026, 12, 31, 0, 0)
    assert event.end == bishkek(2027, 1, 2, 23, 59, 59)
    assert (event.start_date.isoformat(), event.end_date.isoformat()) == ("2026-12-31", "2027-01-02")


def test_an_all_day_event_of_one_day_is_valid(admin_client, district):
    data = event_form(district, all_day="on", end_0="2026-12-31", end_1="00:00:00")
    assert admin_client.post(ADD_URL, data).status_code == 302
    assert Event.objects.get().end_date == Event.objects.get().start_date


def test_regional_editor_sees_and_edits_only_their_regions_events(client, osh_editor, district, naryn):
    own = EventFactory(organisation=district, status=Event.Status.DRAFT)
    other = EventFactory(organisation=naryn, status=Event.Status.DRAFT)
    client.force_login(osh_editor)
    listed = set(client.get("/ky/admin/events/event/").context["cl"].result_list)
    assert listed == {own}
    assert client.get(change_url(other)).status_code == 302  # "does not exist"
    response = client.post(change_url(other), event_form(naryn, title_ky="Башка"))
    assert response.status_code in (302, 403)
    other.refresh_from_db()
    assert other.title_ky != "Башка"


def test_regional_editor_cannot_move_an_event_to_another_region(client, osh_editor, district, naryn):
    event = EventFactory(organisation=district, status=Event.Status.DRAFT)
    client.force_login(osh_editor)
    data = event_form(naryn, slug=event.slug, loaded_updated_at=event.updated_at.isoformat())
    response = client.post(change_url(event), data)
    assert response.status_code == 200
    assert "organisation" in form_errors(response)
    event.refresh_from_db()
    assert event.organisation == district


def test_regional_editor_submits_and_the_reviewer_publishes(client, osh_editor, osh_reviewer, district):
    client.force_login(osh_editor)
    response = client.post(ADD_URL, event_form(district, status="published"))
    assert response.status_code == 200 and "status" in form_errors(response)  # editors do not publish
    assert client.post(ADD_URL, event_form(district, status="submitted")).status_code == 302
    event = Event.objects.get()
    assert event.status == "submitted"
    assert client.get(event.get_absolute_url()).status_code == 404

    client.force_login(osh_reviewer)
    response = client.post(
        "/ky/admin/events/event/", {"action": "publish", "_selected_action": [event.pk]}, follow=True
    )
    assert response.status_code == 200
    event.refresh_from_db()
    assert event.status == "published"
    client.logout()
    assert client.get(event.get_absolute_url()).status_code == 200


def test_a_report_is_linked_after_the_event(admin_client, district):
    report = ReportFactory(organisation=district)
    response = admin_client.post(ADD_URL, event_form(district, status="published", report=report.pk))
    assert response.status_code == 302
    assert Event.objects.get().report == report


def test_history_keeps_both_languages(admin_client, district):
    admin_client.post(ADD_URL, event_form(district))
    event = Event.objects.get()
    response = admin_client.get(f"/ky/admin/events/event/{event.pk}/history/")
    assert response.status_code == 200
    from reversion.models import Version

    version = Version.objects.get_for_object(event).get()
    assert version.field_dict["title_ru"] == "Семинар в Оше"
