"""News: categories and reports, fuzzed through the admin, then read on every public output."""

from hypothesis import given
from hypothesis import strategies as st

from news.models import Category, Report
from tests.fuzz import base_data
from tests.fuzz.harness import AdminFormFuzz, both_languages
from tests.news.factories import CategoryFactory, ReportFactory


def report_outputs(report, site):
    """Every public output that can show a report."""
    for url in both_languages(lambda language: report.get_absolute_url()):
        site.page(url)
        site.page(f"{url}?print=1")
    for language in ("ky", "ru"):
        site.page(f"/{language}/")
        site.page(f"/{language}/news/")
        site.page(f"/{language}/news/?category={report.category.slug}")
        site.xml(f"/{language}/news/feed/")
        if report.organisation.region:
            site.page(f"/{language}/news/?region={report.organisation.region}")
            site.xml(f"/{language}/news/feed/{report.organisation.region}/")
        site.search(language, report.title_ky or report.title_ru)
    site.xml("/sitemap.xml")


class CategoryAdminFuzz(AdminFormFuzz):
    url = "/ky/admin/news/category/add/"

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.tree = base_data.organisation_tree()

    def model(self):
        return Category

    def outputs(self, category, site):
        report = ReportFactory(organisation=self.tree["ozgon"], category=category, slug="fz-category-report")
        report_outputs(report, site)

    @given(data=st.data())
    def test_add_category(self, data):
        self.fuzz(data)


class ReportAdminFuzz(AdminFormFuzz):
    url = "/ky/admin/news/report/add/"

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.tree = base_data.organisation_tree()
        cls.editor, cls.reviewer = base_data.regional_roles(cls.tree)
        CategoryFactory(slug="base-events")

    def model(self):
        return Report

    def outputs(self, report, site):
        report_outputs(report, site)

    @given(data=st.data())
    def test_add_report_as_superuser(self, data):
        self.fuzz(data)

    @given(data=st.data())
    def test_add_report_as_regional_editor(self, data):
        """The editor's form offers their statuses and organisations; submitting mails the reviewer."""
        self.fuzz(data, client=self.client_of(self.editor))
