"""The site settings and the home page (with its announcements, featured items and blocks).

The settings show on every page and sign every e-mail: after a change, a visitor asks an FAQ
question and sends both inbox forms, and the mails they cause are checked with the pages.
"""

from django.test import override_settings
from hypothesis import given
from hypothesis import strategies as st

from editorial.models import PublicationStatus
from pages.models import Page, PageType
from siteconfig.models import SOCIAL_NETWORKS, HomePage, SiteSettings
from tests.fuzz import base_data
from tests.fuzz import strategies as fuzz
from tests.fuzz.harness import AdminFormFuzz, LinkLeavesSite, PublicServerError, host_of, meant_internal, tags
from tests.news.factories import ReportFactory

JOIN = {
    "name": "Айгүл Асанова",
    "workplace_type": "school",
    "workplace_name": "№5 орто мектеби",
    "region": "osh",
    "phone": "0555 123 456",
    "email": "",
    "message": "Салам",
    "consent": "on",
    "website": "",
}


@override_settings(STAFF_NOTIFICATION_EMAILS=["staff@union.test"])
class SiteSettingsAdminFuzz(AdminFormFuzz):
    url = "/ky/admin/siteconfig/sitesettings/"

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.tree = base_data.organisation_tree()
        base_data.regional_roles(cls.tree)
        contacts = {"title_ky": "Байланыш", "title_ru": "Контакты", "slug_ky": "base-contacts"}
        contacts.update(
            slug_ru="base-contacts", page_type=PageType.CONTACT_PAGE, status=PublicationStatus.PUBLISHED
        )
        Page.objects.add_root(create_kwargs=contacts)

    def overrides(self):
        social = {field: fuzz.urls(hosts) for field, _name, hosts, _example in SOCIAL_NETWORKS}
        return {**social, "phones": fuzz.lines(fuzz.phones()), "emails": fuzz.lines(fuzz.emails())}

    def model(self):
        return SiteSettings

    def saved_object(self, url, started):
        return SiteSettings.get_solo()

    def outputs(self, settings, site):
        for language in ("ky", "ru"):
            response = site.page(f"/{language}/")
            self.check_social_links(settings, response)
            site.page(f"/{language}/pages/base-contacts/")
            site.page(f"/{language}/news/")
            site.page(f"/{language}/faq/")
        site.xml("/ky/news/feed/")
        site.xml("/sitemap.xml")
        # The e-mails the visitors' forms send carry the names and contacts as sender and signature.
        for url, data in (
            ("/ky/faq/ask/", {"text": "Эмгек өргүүсү канча күн?", "name": "", "contact": "", "website": ""}),
            ("/ky/join/", JOIN),
            ("/ru/write-to-us/", {**JOIN, "region": "", "message": "Здравствуйте"}),
        ):
            try:
                response = site.client.post(url, data)
            except Exception as error:
                raise PublicServerError(f"POST {url}: {type(error).__name__}: {error}") from error
            if response.status_code >= 500:
                raise PublicServerError(f"POST {url} answered {response.status_code}")

    @staticmethod
    def check_social_links(settings, response):
        if response.status_code != 200:
            return
        accounts = {getattr(settings, field): hosts for field, _name, hosts, _example in SOCIAL_NETWORKS}
        for tag, attrs in tags(response.content.decode()):
            href = attrs.get("href")
            if tag == "a" and href in accounts and href:
                host = host_of(href, "http://testserver/")
                if host is not None and host not in accounts[href]:
                    raise LinkLeavesSite(f"the social link {href!r} goes to {host!r}, not {accounts[href]}")

    @given(data=st.data())
    def test_change_site_settings(self, data):
        self.fuzz(data)


class HomePageAdminFuzz(AdminFormFuzz):
    url = "/ky/admin/siteconfig/homepage/"
    inline_counts = {"announcements": 3, "featured_items": 1, "blocks": 2}

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.tree = base_data.organisation_tree()
        ReportFactory(organisation=cls.tree["osh"], slug="base-featured")

    def overrides(self):
        return {"announcements": {"link": fuzz.urls()}}

    def model(self):
        return HomePage

    def saved_object(self, url, started):
        return HomePage.get_solo()

    def outputs(self, home, site):
        links = [announcement.link for announcement in home.announcements.all()]
        for url in ("/ky/", "/ru/"):
            site.page(url)
            # An announcement's link that is not an http(s) address is a page of this site.
            site.internal_links(url, [link for link in links if meant_internal(link)])

    @given(data=st.data())
    def test_change_home_page_with_announcements(self, data):
        self.fuzz(data)
