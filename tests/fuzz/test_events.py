"""Events: fuzzed through the admin, then read on the pages, calendars, iCalendar files and RSS."""

from hypothesis import given
from hypothesis import strategies as st

from events.models import Event
from tests.fuzz import base_data
from tests.fuzz.harness import AdminFormFuzz, both_languages, months_between
from tests.news.factories import CategoryFactory, ReportFactory


def event_outputs(event, site):
    for url in both_languages(lambda language: event.get_absolute_url()):
        site.page(url)
        site.page(f"{url}?print=1")
    for url in both_languages(lambda language: event.get_ics_url()):
        site.ical(url)
    region = event.organisation.region
    for language in ("ky", "ru"):
        site.page(f"/{language}/")
        site.page(f"/{language}/events/")
        site.page(f"/{language}/events/past/")
        site.page(f"/{language}/events/calendar/")
        for year, month in months_between(event.start_date, event.end_date):
            site.page(f"/{language}/events/calendar/{year}/{month:02d}/")
        site.xml(f"/{language}/events/rss/")
        site.ical(f"/{language}/events/events.ics")
        site.ical(f"/{language}/events/organisation/{event.organisation.slug}.ics")
        if region:
            site.ical(f"/{language}/events/region/{region}.ics")
            site.page(f"/{language}/events/?region={region}")
        site.search(language, event.title_ky or event.title_ru)
    site.xml("/sitemap.xml")


class EventAdminFuzz(AdminFormFuzz):
    url = "/ky/admin/events/event/add/"

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.tree = base_data.organisation_tree()
        cls.editor, cls.reviewer = base_data.regional_roles(cls.tree)
        ReportFactory(organisation=cls.tree["osh"], category=CategoryFactory(slug="base-events"))

    def model(self):
        return Event

    def outputs(self, event, site):
        event_outputs(event, site)

    @given(data=st.data())
    def test_add_event_as_superuser(self, data):
        self.fuzz(data)

    @given(data=st.data())
    def test_add_event_as_regional_editor(self, data):
        self.fuzz(data, client=self.client_of(self.editor))
