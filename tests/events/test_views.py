import datetime
import json
import re

import pytest
from django.utils import timezone

from events.models import Event
from tests.events.factories import EventFactory, bishkek, in_days
from tests.news.factories import ReportFactory

pytestmark = pytest.mark.django_db


def json_ld(html):
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert match, "no JSON-LD on the page"
    return json.loads(match.group(1))


def calendar_cells(html):
    """{day number: text of its cell} of the month table (days of the month only)."""
    cells = {}
    for cell in re.findall(r'<td class="(?:has-events|no-events)[^"]*">(.*?)</td>', html, re.S):
        day = int(re.search(r'<time datetime="\d{4}-\d{2}-(\d{2})">', cell).group(1))
        cells[day] = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", cell))
    return cells


# --- publication --------------------------------------------------------------------------------


def test_upcoming_list_shows_published_events_soonest_first_in_both_languages(client, district):
    later = EventFactory(
        organisation=district, start=in_days(10), title_ky="Пленум", title_ru="Пленум обкома"
    )
    sooner = EventFactory(
        organisation=district, start=in_days(2), title_ky="Семинар", title_ru="Семинар в Оше"
    )
    response = client.get("/ky/events/")
    assert response.status_code == 200
    assert list(response.context["events"]) == [sooner, later]
    assert "Семинар в Оше" in client.get("/ru/events/").content.decode()


def test_draft_and_scheduled_events_are_hidden_from_the_public(client, district):
    draft = EventFactory(organisation=district, status=Event.Status.DRAFT, title_ky="Долбоор иш-чара")
    scheduled = EventFactory(
        organisation=district,
        published_at=timezone.now() + datetime.timedelta(days=1),
        title_ky="Кийинчерээк",
    )
    html = client.get("/ky/events/").content.decode()
    assert "Долбоор иш-чара" not in html and "Кийинчерээк" not in html
    for event in (draft, scheduled):
        assert client.get(event.get_absolute_url()).status_code == 404
        assert client.get(event.get_ics_url()).status_code == 404
    start = draft.start_date
    assert (
        "Долбоор" not in client.get(f"/ky/events/calendar/{start.year}/{start.month:02d}/").content.decode()
    )
    assert b"UID:event-" not in client.get("/ky/events/events.ics").content


def test_an_event_moves_to_the_past_when_it_is_over(client, district):
    over = EventFactory(
        organisation=district,
        start=timezone.now() - datetime.timedelta(days=2),
        end=timezone.now() - datetime.timedelta(days=2, hours=-3),
        title_ky="Өткөн семинар",
    )
    ongoing = EventFactory(
        organisation=district,
        start=timezone.now() - datetime.timedelta(hours=1),
        end=timezone.now() + datetime.timedelta(hours=1),
        title_ky="Азыр жүрүп жатат",
    )
    assert list(client.get("/ky/events/").context["events"]) == [ongoing]
    past = client.get("/ky/events/past/")
    assert list(past.context["events"]) == [over]
    assert 'class="notice event-over"' in client.get(over.get_absolute_url()).content.decode()
    assert 'class="notice event-over"' not in client.get(ongoing.get_absolute_url()).content.decode()


def test_the_event_page_links_its_report_once_the_report_is_published(client, district):
    report = ReportFactory(organisation=district, status="draft", title_ky="Семинар тууралуу отчёт")
    event = EventFactory(organisation=district, report=report)
    html = client.get(event.get_absolute_url()).content.decode()
    assert "Семинар тууралуу отчёт" not in html
    report.status = "published"
    report.save()
    html = client.get(event.get_absolute_url()).content.decode()
    assert 'id="event-report-title"' in html
    assert f'href="{report.get_absolute_url()}"' in html
    html_ru = client.get(event.get_absolute_url().replace("/ky/", "/ru/", 1)).content.decode()
    assert f'href="{report.get_absolute_url().replace("/ky/", "/ru/", 1)}"' in html_ru


def test_event_page_redirects_to_its_new_date(client, district):
    event = EventFactory(
        organisation=district, start=bishkek(2026, 12, 5, 10, 0), end=bishkek(2026, 12, 5, 16)
    )
    old = event.get_absolute_url()
    event.start, event.end = bishkek(2026, 12, 8, 10), bishkek(2026, 12, 8, 16)
    event.save()
    response = client.get(old)
    assert response.status_code == 301
    assert response["Location"] == "/ky/events/2026/12/08/" + event.slug + "/"


def test_event_page_shows_when_where_who_and_falls_back_to_the_other_language(client, district):
    event = EventFactory(
        organisation=district,
        start=bishkek(2026, 12, 5, 10, 0),
        end=bishkek(2026, 12, 5, 16, 30),
        title_ky="",
        place_ky="",
        title_ru="Семинар по охране труда",
        place_ru="г. Ош, школа № 5",
        contact_ky="+996 555 00 00 00",
    )
    html = client.get(event.get_absolute_url()).content.decode()
    assert '<h1 lang="ru">Семинар по охране труда</h1>' in html
    assert '<span lang="ru">г. Ош, школа № 5</span>' in html
    assert '<time datetime="2026-12-05T10:00:00+06:00">' in html
    assert "10:00" in html and "16:30" in html
    assert district.name_ky in html
    assert 'hreflang="ru"' in html and f"/ru/events/2026/12/05/{event.slug}/" in html
    assert '<nav class="breadcrumbs' in html and 'href="/ky/events/"' in html


def test_event_page_json_ld_is_an_event_with_dates_and_place(client, district):
    event = EventFactory(
        organisation=district,
        start=bishkek(2026, 12, 31, 23, 30),
        end=bishkek(2027, 1, 1, 1, 0),
        place_ru="г. Ош, ул. Ленина 5",
    )
    data = json_ld(client.get(event.get_absolute_url().replace("/ky/", "/ru/", 1)).content.decode())
    assert data["@type"] == "Event"
    assert data["name"] == event.title_ru
    assert data["startDate"] == "2026-12-31T23:30:00+06:00"
    assert data["endDate"] == "2027-01-01T01:00:00+06:00"
    assert data["location"]["@type"] == "Place"
    assert data["location"]["address"]["@type"] == "PostalAddress"
    assert data["location"]["address"]["streetAddress"] == "г. Ош, ул. Ленина 5"
    assert data["organizer"]["name"] == district.name_ru
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    assert data["inLanguage"] == "ru"
    assert data["image"][0].endswith("/static/img/og-default.png")  # no cover: the section's image


def test_json_ld_of_an_all_day_event_has_dates_only(client, district):
    first, last = Event.day_span(datetime.date(2026, 9, 27), datetime.date(2026, 9, 28))
    event = EventFactory(organisation=district, start=first, end=last, all_day=True)
    data = json_ld(client.get(event.get_absolute_url()).content.decode())
    assert (data["startDate"], data["endDate"]) == ("2026-09-27", "2026-09-28")


def test_event_page_offers_add_to_calendar_subscribe_print_and_share(client, district, settings):
    settings.SITE_URL = "https://union.example.kg"
    event = EventFactory(organisation=district)
    html = client.get(event.get_absolute_url()).content.decode()
    assert f'href="{event.get_ics_url()}"' in html
    assert 'href="webcal://union.example.kg/ky/events/events.ics"' in html
    assert f'href="webcal://union.example.kg/ky/events/organisation/{district.slug}.ics"' in html
    assert f'href="{event.get_absolute_url()}?print=1"' in html
    print_view = client.get(f"{event.get_absolute_url()}?print=1").content.decode()
    assert "print-view" in print_view and 'name="robots" content="noindex"' in print_view


def test_staff_preview_an_unpublished_event(admin_client, district):
    event = EventFactory(organisation=district, status=Event.Status.DRAFT)
    response = admin_client.get(f"{event.get_absolute_url()}?preview=1")
    assert response.status_code == 200
    assert response["X-Robots-Tag"] == "noindex"
    assert "preview-notice" in response.content.decode()


# --- filters ------------------------------------------------------------------------------------


def test_filters_by_region_and_organisation_tree(client, oblast, district, naryn):
    osh_event = EventFactory(organisation=district)
    naryn_event = EventFactory(organisation=naryn)
    assert list(client.get("/ky/events/?region=naryn").context["events"]) == [naryn_event]
    assert list(client.get(f"/ky/events/?organisation={oblast.slug}").context["events"]) == [osh_event]
    html = client.get("/ky/events/?region=naryn").content.decode()
    assert 'href="/ky/events/region/naryn.ics"' in html


@pytest.mark.parametrize(
    "query",
    [
        "region=atlantis",
        "organisation=no-such-committee",
        "region[]=x&organisation=" + "x" * 5000,
        "page=99999999999999999999",
        "page=-1&region=",
    ],
)
def test_hostile_filters_show_all_events_with_a_notice(client, district, query):
    event = EventFactory(organisation=district)
    for path in ("/ky/events/past/", f"/ky/events/calendar/{event.start.year}/{event.start_date.month:02d}/"):
        response = client.get(f"{path}?{query}")
        assert response.status_code == 200, path
    response = client.get(f"/ky/events/?{query}")
    assert response.status_code == 200
    html = response.content.decode()
    assert event.title_ky in html
    named_nothing = not query.startswith("page")
    assert ('class="notice filter-ignored"' in html) == named_nothing


def test_nul_bytes_in_filters_are_dropped(client, district, naryn):
    osh_event, naryn_event = EventFactory(organisation=district), EventFactory(organisation=naryn)
    html = client.get("/ky/events/?region=naryn%00").content.decode()
    assert naryn_event.title_ky in html and osh_event.title_ky not in html
    html = client.get("/ky/events/?organisation=%00").content.decode()
    assert naryn_event.title_ky in html and osh_event.title_ky in html


@pytest.mark.parametrize(
    "path",
    [
        "/ky/events/calendar/2026/13/",
        "/ky/events/calendar/2026/00/",
        "/ky/events/calendar/1999/12/",
        "/ky/events/calendar/2101/01/",
        "/ky/events/calendar/99999999999999999999999/01/",
        "/ky/events/calendar/2026/1/",
        "/ky/events/2026/12/05/no-such-event/",
        "/ky/events/2026/12/05/no-such-event.ics",
        "/ky/events/region/atlantis.ics",
        "/ky/events/organisation/nobody.ics",
        "/ky/events/2026/99/99/x/",
    ],
)
def test_bad_calendar_months_and_unknown_events_are_404(client, path):
    assert client.get(path).status_code == 404


# --- the calendar -------------------------------------------------------------------------------


def test_calendar_is_an_accessible_table_monday_first(client):
    html = client.get("/ky/events/calendar/2026/12/").content.decode()
    assert "<caption>" in html
    headers = re.findall(r'<th scope="col"><abbr title="([^"]+)">', html)
    assert len(headers) == 7
    ru = client.get("/ru/events/calendar/2026/12/").content.decode()
    ru_headers = re.findall(r'<th scope="col"><abbr title="([^"]+)">', ru)
    assert (ru_headers[0], ru_headers[-1]) == ("Понедельник", "Воскресенье")
    assert "Декабрь 2026" in ru


@pytest.mark.parametrize(
    ("language", "month", "day"),
    [
        ("ky", "Календарь: 2026-жылдын декабры", "14-декабры, дүйшөмбү"),
        ("ru", "Календарь: Декабрь 2026 г.", "14 декабря, понедельник"),
    ],
)
def test_calendar_writes_dates_in_the_languages_own_forms(client, language, month, day):
    """Kyrgyz: the year in the genitive and the month in the possessive, the weekday after the date."""
    html = client.get(f"/{language}/events/calendar/2026/12/").content.decode()
    assert month in html
    assert f'<span class="calendar-weekday">{day}</span>' in html
    if language == "ky":
        assert "Декабрь" not in html and "Дүйшөмбү, 14" not in html


def test_calendar_lists_events_on_their_days_across_months(client, district):
    spanning = EventFactory(
        organisation=district,
        start=bishkek(2026, 11, 30, 10),
        end=bishkek(2026, 12, 2, 17),
        title_ky="Эки айлык",
    )
    first_day = EventFactory(
        organisation=district,
        start=bishkek(2026, 12, 1, 0, 0),
        end=bishkek(2026, 12, 1, 2),
        title_ky="Биринчи күн",
    )
    last_day = EventFactory(
        organisation=district,
        start=bishkek(2026, 12, 31, 23, 30),
        end=bishkek(2027, 1, 1, 1),
        title_ky="Жаңы жыл",
    )
    december = calendar_cells(client.get("/ky/events/calendar/2026/12/").content.decode())
    assert len(december) == 31
    assert "Эки айлык" in december[1] and "Эки айлык" in december[2] and "Эки айлык" not in december[3]
    assert "Биринчи күн" in december[1] and "00:00" in december[1]
    assert "Жаңы жыл" in december[31] and "23:30" in december[31]
    assert "Жаңы жыл" not in december[30]
    november = calendar_cells(client.get("/ky/events/calendar/2026/11/").content.decode())
    assert "Эки айлык" in november[30] and "Биринчи күн" not in november[30]
    january = calendar_cells(client.get("/ky/events/calendar/2027/01/").content.decode())
    assert "Жаңы жыл" in january[1]
    assert spanning.pk and first_day.pk and last_day.pk


def test_calendar_links_december_to_january_and_back(client):
    html = client.get("/ky/events/calendar/2026/12/").content.decode()
    assert 'rel="next" href="/ky/events/calendar/2027/01/"' in html
    assert 'rel="prev" href="/ky/events/calendar/2026/11/"' in html
    january = client.get("/ky/events/calendar/2027/01/").content.decode()
    assert 'rel="prev" href="/ky/events/calendar/2026/12/"' in january
    assert 'rel="prev"' not in client.get("/ky/events/calendar/2000/01/").content.decode()
    assert 'rel="next"' not in client.get("/ky/events/calendar/2100/12/").content.decode()


def test_calendar_keeps_the_filter_in_its_month_links(client, naryn):
    html = client.get("/ky/events/calendar/2026/12/?region=naryn").content.decode()
    assert 'href="/ky/events/calendar/2027/01/?region=naryn"' in html


def test_calendar_without_a_month_opens_the_current_one(client):
    today = timezone.localdate()
    response = client.get("/ky/events/calendar/?region=osh")
    assert response.status_code == 302
    assert response["Location"] == f"/ky/events/calendar/{today.year}/{today.month:02d}/?region=osh"


def test_all_day_event_shows_on_each_of_its_days(client, district):
    first, last = Event.day_span(datetime.date(2026, 12, 30), datetime.date(2027, 1, 2))
    EventFactory(organisation=district, start=first, end=last, all_day=True, title_ky="Спорт күнү")
    december = calendar_cells(client.get("/ky/events/calendar/2026/12/").content.decode())
    assert "Спорт күнү" in december[30] and "Спорт күнү" in december[31] and "Спорт күнү" not in december[29]
    january = calendar_cells(client.get("/ky/events/calendar/2027/01/").content.decode())
    assert "Спорт күнү" in january[2] and "Спорт күнү" not in january[3]


# --- the home page and the page cache -----------------------------------------------------------


def test_home_page_shows_the_next_events(client, district):
    events = [
        EventFactory(organisation=district, start=in_days(days), title_ky=f"Келе жаткан {days}")
        for days in (1, 2, 3, 4, 5)
    ]
    EventFactory(organisation=district, start=in_days(1), status=Event.Status.DRAFT, title_ky="Долбоор")
    html = client.get("/ky/").content.decode()
    assert 'id="upcoming-events-title"' in html
    for event in events[:4]:
        assert event.title_ky in html
    assert "Келе жаткан 5" not in html and "Долбоор" not in html


def test_an_edited_event_shows_at_once_on_cached_pages(client, district, settings):
    settings.PAGE_CACHE_SECONDS = 300
    event = EventFactory(organisation=district, title_ky="Эски аталыш")
    start = event.start_date
    pages = [
        "/ky/",
        "/ky/events/",
        event.get_absolute_url(),
        f"/ky/events/calendar/{start.year}/{start.month:02d}/",
    ]
    for page in pages:
        assert "Эски аталыш" in client.get(page).content.decode()
    event.title_ky = "Жаңы аталыш"
    event.save()
    for page in pages:
        html = client.get(page).content.decode()
        assert "Жаңы аталыш" in html and "Эски аталыш" not in html, page
    assert b"SUMMARY:\xd0\x96\xd0\xb0\xd2\xa3\xd1\x8b" in client.get("/ky/events/events.ics").content


# --- search, sitemap, RSS -----------------------------------------------------------------------


def test_search_finds_a_published_event_in_both_languages(client, district):
    event = EventFactory(
        organisation=district, title_ky="Тогуз коргоол мелдеши", title_ru="Турнир по тогуз коргоол"
    )
    draft = EventFactory(organisation=district, title_ky="Тогуз коргоол долбоору", status=Event.Status.DRAFT)
    html = client.get("/ky/search/", {"q": "коргоол"}).content.decode()
    assert event.get_absolute_url() in html and draft.get_absolute_url() not in html
    html = client.get("/ru/search/", {"q": "турнир"}).content.decode()
    assert event.get_absolute_url().replace("/ky/", "/ru/", 1) in html


def test_sitemap_lists_published_events_with_alternates(client, district):
    event = EventFactory(organisation=district)
    draft = EventFactory(organisation=district, status=Event.Status.DRAFT)
    xml = client.get("/sitemap.xml").content.decode()
    assert event.get_absolute_url() in xml and event.get_absolute_url().replace("/ky/", "/ru/", 1) in xml
    assert draft.slug not in xml
    assert "/ky/events/" in xml


def test_rss_lists_the_coming_events(client, district):
    coming = EventFactory(organisation=district, title_ru="Семинар в Оше")
    past = EventFactory(organisation=district, start=in_days(-5), end=in_days(-5, hour=12))
    xml = client.get("/ru/events/rss/").content.decode()
    assert "<title>Семинар в Оше</title>" in xml and past.title_ru not in xml
    assert coming.get_absolute_url().replace("/ky/", "/ru/", 1) in xml


def test_cached_pages_change_by_themselves_when_an_event_ends_or_goes_live(district):
    from unionsite.pagecache import _next_change_timestamp

    def next_change_is(moment):
        return _next_change_timestamp() == pytest.approx(moment.timestamp() if moment else 0)

    assert next_change_is(None)
    ending = EventFactory(
        organisation=district,
        start=timezone.now() - datetime.timedelta(hours=1),
        end=timezone.now() + datetime.timedelta(hours=2),
    )
    assert next_change_is(ending.end)
    scheduled = EventFactory(
        organisation=district, published_at=timezone.now() + datetime.timedelta(minutes=30)
    )
    assert next_change_is(scheduled.published_at)
    EventFactory(
        organisation=district, status=Event.Status.DRAFT, end=timezone.now() + datetime.timedelta(minutes=5)
    )
    assert next_change_is(scheduled.published_at)
