"""The iCalendar file of an event and the feeds, read back with the icalendar library."""

import datetime

import pytest
from django.utils import timezone
from icalendar import Calendar

from events.models import Event
from tests.events.factories import EventFactory, bishkek, in_days

pytestmark = pytest.mark.django_db

FEEDS = [
    "/{language}/events/events.ics",
    "/{language}/events/region/osh.ics",
    "/{language}/events/organisation/osh-oblast.ics",
]


def parse(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return Calendar.from_ical(response.content)


def vevents(calendar):
    return {str(item["UID"]): item for item in calendar.walk("VEVENT")}


@pytest.fixture
def site(settings):
    settings.SITE_URL = "https://union.example.kg"


def test_add_to_calendar_downloads_the_event_as_an_ics_file(client, district, site):
    event = EventFactory(organisation=district, slug="osh-seminar")
    response = client.get(event.get_ics_url())
    assert response["Content-Disposition"] == 'attachment; filename="osh-seminar.ics"'
    calendar = parse(response)
    (item,) = calendar.walk("VEVENT")
    assert str(item["UID"]) == f"event-{event.pk}@union.example.kg"
    assert str(item["SUMMARY"]) == event.title_ky
    assert str(item["URL"]) == f"https://union.example.kg{event.get_absolute_url()}"
    assert str(item["LOCATION"]) == event.place_ky
    assert "DTSTAMP" in item
    assert calendar["VERSION"] == "2.0" and "PRODID" in calendar


def test_an_event_at_23_30_bishkek_on_the_31st_is_that_instant_in_utc(client, district):
    event = EventFactory(
        organisation=district, start=bishkek(2026, 12, 31, 23, 30), end=bishkek(2027, 1, 1, 1, 0)
    )
    assert event.get_ics_url().startswith("/ky/events/2026/12/31/")
    item = parse(client.get(event.get_ics_url())).walk("VEVENT")[0]
    start, end = item.decoded("DTSTART"), item.decoded("DTEND")
    assert start == datetime.datetime(2026, 12, 31, 17, 30, tzinfo=datetime.UTC)
    assert end == datetime.datetime(2026, 12, 31, 19, 0, tzinfo=datetime.UTC)
    assert b"DTSTART:20261231T173000Z" in client.get(event.get_ics_url()).content
    # What a phone set to Bishkek time shows.
    phone = start.astimezone(timezone.get_default_timezone())
    assert (phone.date(), phone.hour, phone.minute) == (datetime.date(2026, 12, 31), 23, 30)


def test_an_all_day_event_is_dates_with_an_exclusive_end(client, district):
    first, last = Event.day_span(datetime.date(2026, 12, 31), datetime.date(2027, 1, 1))
    event = EventFactory(organisation=district, start=first, end=last, all_day=True)
    content = client.get(event.get_ics_url()).content
    assert b"DTSTART;VALUE=DATE:20261231" in content
    assert b"DTEND;VALUE=DATE:20270102" in content
    item = Calendar.from_ical(content).walk("VEVENT")[0]
    assert item.decoded("DTSTART") == datetime.date(2026, 12, 31)
    assert item.decoded("DTEND") == datetime.date(2027, 1, 2)


def test_commas_and_semicolons_are_escaped_and_long_lines_folded(client, district):
    long_text = "Семинар: " + "эмгекти коргоо боюнча практикалык сабак, " * 8
    event = EventFactory(
        organisation=district,
        title_ky="a, b; c",
        place_ky="Ош, Ленин 5; зал",
        description_ky=f"<p>{long_text}</p><p>Экинчи &amp; абзац</p>",
    )
    content = client.get(event.get_ics_url()).content
    assert b"SUMMARY:a\\, b\\; c" in content
    assert b"LOCATION:" in content and "Ош\\, Ленин 5\\; зал".encode() in content
    lines = content.split(b"\r\n")
    assert all(len(line) <= 75 for line in lines)
    assert any(line.startswith(b" ") for line in lines)  # a folded continuation
    item = Calendar.from_ical(content).walk("VEVENT")[0]
    assert str(item["SUMMARY"]) == "a, b; c"
    assert str(item["LOCATION"]) == "Ош, Ленин 5; зал"
    description = str(item["DESCRIPTION"])
    assert long_text.strip() in description and "Экинчи & абзац" in description
    assert "<p>" not in description


@pytest.mark.parametrize("language", ["ky", "ru"])
@pytest.mark.parametrize("feed", FEEDS)
def test_every_feed_parses_in_both_languages_with_stable_uids(
    client, oblast, district, naryn, site, feed, language
):
    osh_event = EventFactory(organisation=district, title_ky="Ош семинары", title_ru="Семинар в Оше")
    naryn_event = EventFactory(organisation=naryn)
    url = feed.format(language=language)
    calendar = parse(client.get(url))
    assert calendar["X-WR-TIMEZONE"] == "Asia/Bishkek"
    items = vevents(calendar)
    uid = f"event-{osh_event.pk}@union.example.kg"
    assert uid in items
    assert (f"event-{naryn_event.pk}@union.example.kg" in items) == (url.endswith("/events.ics"))
    item = items[uid]
    assert str(item["SUMMARY"]) == {"ky": "Ош семинары", "ru": "Семинар в Оше"}[language]
    assert item.decoded("DTSTAMP").tzinfo is not None
    assert str(item["URL"]).startswith(f"https://union.example.kg/{language}/events/")

    osh_event.title_ky, osh_event.title_ru = "Ош семинары (жаңы)", "Семинар в Оше (новое)"
    osh_event.start += datetime.timedelta(days=1)
    osh_event.end += datetime.timedelta(days=1)
    osh_event.save()
    items = vevents(parse(client.get(url)))
    assert uid in items
    assert "(" in str(items[uid]["SUMMARY"])
    assert items[uid].decoded("DTSTAMP") >= item.decoded("DTSTAMP")


def test_feeds_hold_coming_and_recent_events_only(client, district):
    recent = EventFactory(organisation=district, start=in_days(-30), end=in_days(-30, hour=16))
    old = EventFactory(organisation=district, start=in_days(-200), end=in_days(-200, hour=16))
    coming = EventFactory(organisation=district, start=in_days(30))
    draft = EventFactory(organisation=district, status=Event.Status.DRAFT)
    uids = {uid.split("@")[0] for uid in vevents(parse(client.get("/ky/events/events.ics")))}
    assert uids == {f"event-{recent.pk}", f"event-{coming.pk}"}
    assert old.pk and draft.pk


def test_uid_host_follows_the_request_without_a_site_url(client, district, settings):
    settings.SITE_URL = ""
    event = EventFactory(organisation=district)
    item = parse(client.get(event.get_ics_url(), HTTP_HOST="testserver")).walk("VEVENT")[0]
    assert str(item["UID"]) == f"event-{event.pk}@testserver"
