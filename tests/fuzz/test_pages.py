"""Pages (a tree, 12 levels deep to start with) and menu entries, fuzzed through the admin."""

from hypothesis import given
from hypothesis import strategies as st

from editorial.models import PublicationStatus
from pages.models import MenuItem, Page
from tests.fuzz.harness import AdminFormFuzz, both_languages, meant_internal

# The page addresses hold at most 12 levels (pages/urls.py): the chain reaches that depth.
CHAIN_DEPTH = 12


def page_chain(depth=CHAIN_DEPTH):
    parent = None
    for level in range(1, depth + 1):
        fields = {
            "title_ky": f"Барак {level}",
            "title_ru": f"Страница {level}",
            "slug_ky": f"base-{level}",
            "slug_ru": f"base-{level}",
            "status": PublicationStatus.PUBLISHED,
        }
        if parent is None:
            parent = Page.objects.add_root(create_kwargs=fields)
        else:
            parent = Page.objects.add_child(Page.objects.get(pk=parent.pk), create_kwargs=fields)
    return Page.objects.get(pk=parent.pk)


def page_outputs(page, site):
    site.xml("/sitemap.xml")
    for language in ("ky", "ru"):
        url = page.url_in(language)
        site.page(url)
        site.page(f"{url}?print=1")
        site.page(f"/{language}/")
        site.search(language, getattr(page, f"title_{language}") or page.title_ky)
    site.xml("/sitemap.xml")


class PageAdminFuzz(AdminFormFuzz):
    url = "/ky/admin/pages/page/add/"

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.deepest = page_chain()
        cls.above_deepest = Page.objects.get(path=cls.deepest.path[: -Page.steplen])

    def overrides(self):
        # Often under the deepest page, to build trees deeper than the addresses hold.
        return {
            "treebeard_ref_node": st.one_of(
                st.just(str(self.deepest.pk)), st.just(str(self.above_deepest.pk)), st.just("")
            ),
        }

    def model(self):
        return Page

    def outputs(self, page, site):
        page_outputs(page, site)

    @given(data=st.data())
    def test_add_page(self, data):
        self.fuzz(data)


class MenuItemAdminFuzz(AdminFormFuzz):
    url = "/ky/admin/pages/menuitem/add/"

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        page_chain(2)

    def model(self):
        return MenuItem

    def outputs(self, item, site):
        for url in both_languages(lambda language: f"/{language}/"):
            site.page(url)
            # An address that is not http(s) is a path on the site: a browser must stay here.
            if meant_internal(item.url):
                site.internal_links(url, [item.url])
        site.page("/ky/news/")

    @given(data=st.data())
    def test_add_menu_entry(self, data):
        self.fuzz(data)
