"""The organisation tree (built as deep as its paths hold) and the governing bodies."""

from hypothesis import given
from hypothesis import strategies as st

from structure.importer import tree_depth_limit
from structure.models import GoverningBody, Organisation, OrganisationKind, Region
from tests.fuzz import base_data
from tests.fuzz.harness import AdminFormFuzz, both_languages
from tests.structure.factories import OrganisationFactory


def organisation_outputs(organisation, site):
    for url in both_languages(lambda language: organisation.get_absolute_url()):
        site.page(url)
    for language in ("ky", "ru"):
        site.page(f"/{language}/structure/")
        if organisation.region:
            site.page(f"/{language}/structure/?region={organisation.region}")
        site.search(language, organisation.name_ky or organisation.name_ru, path="structure/")
        site.page(f"/{language}/")
        site.ical(f"/{language}/events/organisation/{organisation.slug}.ics")
        site.search(language, organisation.name_ky or organisation.name_ru)
    site.xml("/sitemap.xml")


class OrganisationAdminFuzz(AdminFormFuzz):
    url = "/ky/admin/structure/organisation/add/"
    inline_counts = {"governing_bodies": 2}

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.tree = base_data.organisation_tree()
        # A chain as deep as the tree holds: a child of its end goes one level too deep.
        node = cls.tree["ozgon"]
        while node.depth < tree_depth_limit():
            node = OrganisationFactory(parent=node, kind=OrganisationKind.PRIMARY, region=Region.OSH)
        cls.deepest = Organisation.objects.get(pk=node.pk)
        cls.above_deepest = Organisation.objects.get(path=cls.deepest.path[: -Organisation.steplen])

    def overrides(self):
        nodes = [self.deepest.pk, self.above_deepest.pk, self.tree["osh"].pk, self.tree["central"].pk]
        return {"treebeard_ref_node": st.sampled_from([*map(str, nodes), ""])}

    def model(self):
        return Organisation

    def outputs(self, organisation, site):
        organisation_outputs(organisation, site)

    @given(data=st.data())
    def test_add_organisation(self, data):
        self.fuzz(data)


class GoverningBodyAdminFuzz(AdminFormFuzz):
    url = "/ky/admin/structure/governingbody/add/"
    inline_counts = {"members": 2}

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.tree = base_data.organisation_tree()

    def model(self):
        return GoverningBody

    def outputs(self, body, site):
        organisation_outputs(body.organisation, site)

    @given(data=st.data())
    def test_add_governing_body(self, data):
        self.fuzz(data)
