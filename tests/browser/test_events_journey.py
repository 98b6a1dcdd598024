"""A member on a phone finds a coming event and adds it to the phone's calendar."""

import re

import pytest
from django.urls import reverse
from django.utils import translation

from tests.browser.site_pages import LANGUAGES

expect = pytest.importorskip("playwright.sync_api", reason="requirements-dev.txt is not installed").expect
expect.set_options(timeout=20_000)

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("language", LANGUAGES)
def test_member_on_a_phone_adds_an_event_to_the_calendar(language, demo, phone_page, tmp_path):
    from icalendar import Calendar

    from events.models import Event

    with translation.override(language):
        event = Event.objects.published().upcoming().first()
        assert event is not None, "the events demo content has nothing coming up"
        title, event_url, upcoming = event.title, event.get_absolute_url(), reverse("events:upcoming")

    page = phone_page
    page.goto(upcoming)
    page.locator(f".event-card a[href='{event_url}']").click()
    expect(page).to_have_url(re.compile(re.escape(event_url) + "$"))
    expect(page.locator("h1")).to_have_text(title)

    add = page.locator("a.add-to-calendar")
    expect(add).to_be_visible()
    with page.expect_download() as download_info:
        add.click()
    download = download_info.value
    assert download.suggested_filename == f"{event.slug}.ics"
    saved = tmp_path / download.suggested_filename
    download.save_as(saved)

    # What the browser was answered: downloads fire no page "response" event, so ask again from
    # the same browser context (same cookies and headers).
    response = page.request.get(add.get_attribute("href"))
    assert response.headers["content-type"] == "text/calendar; charset=utf-8"
    assert response.headers["content-disposition"] == f'attachment; filename="{event.slug}.ics"'
    assert response.body() == saved.read_bytes()

    (item,) = Calendar.from_ical(saved.read_bytes()).walk("VEVENT")
    assert str(item["SUMMARY"]) == title
    start = item.decoded("DTSTART")
    assert start == (event.start_date if event.all_day else event.start)
