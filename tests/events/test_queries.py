"""Query budgets: the event pages and feeds cost the same few queries however many events exist."""

import datetime

import pytest

from tests.events.factories import EventFactory, in_days
from tests.news.factories import ReportFactory
from tests.structure.factories import OrganisationFactory
from tests.uploads import image_upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def many_events(oblast, district, naryn):
    organisations = [oblast, district, naryn]
    events = []
    for number in range(40):
        start = in_days(number - 20, hour=8 + number % 10)
        events.append(
            EventFactory(
                organisation=organisations[number % 3],
                start=start,
                end=start + datetime.timedelta(days=number % 3, hours=2),
                report=ReportFactory(organisation=organisations[number % 3]) if number % 5 == 0 else None,
                cover=image_upload(f"cover-{number}.jpg", size=(96, 64)) if number % 4 == 0 else "",
            )
        )
    OrganisationFactory(parent=district, kind="primary", slug="school-5")
    return events


@pytest.mark.parametrize("language", ["ky", "ru"])
@pytest.mark.parametrize("path", ["/events/", "/events/past/", "/events/?page=2"])
@pytest.mark.parametrize("query", ["", "region=osh", "organisation=school-5"])
def test_lists_stay_within_the_query_budget(
    client, many_events, django_assert_max_num_queries, language, path, query
):
    separator = "&" if "?" in path else "?"
    with django_assert_max_num_queries(5):
        response = client.get(f"/{language}{path}{separator}{query}")
    assert response.status_code == 200


@pytest.mark.parametrize("language", ["ky", "ru"])
def test_calendar_stays_within_the_query_budget(client, many_events, django_assert_max_num_queries, language):
    month = in_days(0)
    with django_assert_max_num_queries(4):
        response = client.get(f"/{language}/events/calendar/{month.year}/{month.month:02d}/")
    assert response.status_code == 200
    assert len(response.context["events"]) >= 10


@pytest.mark.parametrize("language", ["ky", "ru"])
def test_event_page_stays_within_the_query_budget(
    client, many_events, django_assert_max_num_queries, language
):
    event = next(event for event in many_events if event.report_id and event.cover)
    with django_assert_max_num_queries(3):
        response = client.get(event.get_absolute_url().replace("/ky/", f"/{language}/", 1))
    assert response.status_code == 200
    assert 'id="event-report-title"' in response.content.decode()


@pytest.mark.parametrize("language", ["ky", "ru"])
@pytest.mark.parametrize(
    "path",
    ["/events/events.ics", "/events/region/osh.ics", "/events/organisation/osh-oblast.ics", "/events/rss/"],
)
def test_feeds_stay_within_the_query_budget(
    client, many_events, django_assert_max_num_queries, language, path
):
    with django_assert_max_num_queries(3):
        response = client.get(f"/{language}{path}")
    assert response.status_code == 200
    assert response.content.count(b"BEGIN:VEVENT") >= 10 or response.content.count(b"<item>") >= 10


def test_ics_file_stays_within_the_query_budget(client, many_events, django_assert_max_num_queries):
    with django_assert_max_num_queries(2):
        response = client.get(many_events[25].get_ics_url())
    assert response.status_code == 200


def test_home_block_costs_one_query(client, many_events, django_assert_max_num_queries):
    from django.template.loader import render_to_string

    with django_assert_max_num_queries(1):
        html = render_to_string("events/home_section.html")
    assert html.count('class="card event-card"') == 4
