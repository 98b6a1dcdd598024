import io

import pytest

from structure import demo
from structure.models import GoverningBody, GoverningBodyMember, Organisation, OrganisationKind
from structure.tree import totals_by_path

pytestmark = pytest.mark.django_db


def counts():
    return (Organisation.objects.count(), GoverningBody.objects.count(), GoverningBodyMember.objects.count())


def test_demo_loads_a_deep_tree_and_running_it_again_creates_nothing():
    demo.load(io.StringIO())
    first = counts()
    demo.load(io.StringIO())
    assert counts() == first
    assert first[0] >= 40
    assert Organisation.objects.filter(depth=4).exists()  # central > oblast > district > school
    assert Organisation.objects.filter(kind=OrganisationKind.OBLAST).count() >= 5
    assert Organisation.objects.filter(region="bishkek").exists()
    kinds = set(GoverningBody.objects.values_list("kind", flat=True))
    assert {"congress", "plenum", "presidium", "audit"} <= kinds
    # Mostly bilingual, a few names in one language only.
    assert Organisation.objects.filter(name_ky="").exists()
    assert Organisation.objects.filter(name_ru="").exists()
    assert Organisation.objects.exclude(name_ky="").exclude(name_ru="").count() > first[0] * 0.8


def test_demo_pages_render(client):
    demo.load(io.StringIO())
    assert client.get("/ky/structure/").status_code == 200
    page = client.get("/ru/structure/central-committee/").content.decode()
    assert "Ревизионная комиссия" in page


def test_totals_add_up_the_whole_tree():
    demo.load(io.StringIO())
    rows = list(Organisation.objects.values_list("path", "kind", "members", "youth_members"))
    totals = totals_by_path(rows)
    for node in Organisation.objects.all():
        expected = node.subtree_totals()  # the database's own SUM over the path prefix
        assert totals[node.path].members == expected["members"]
        assert totals[node.path].youth_members == expected["youth_members"]
        assert totals[node.path].primary_organisations == expected["primary_organisations"]
    root = Organisation.objects.get(depth=1)
    everyone = Organisation.objects.values_list("members", flat=True)
    assert totals[root.path].members == sum(m or 0 for m in everyone)


def test_totals_follow_a_changed_figure(client, small_tree):
    page = client.get("/ru/structure/talas-oblast/").content.decode()
    assert "<dd>165 (" in page
    school = Organisation.objects.get(slug="school-7")
    school.members = 1000
    school.save()
    page = client.get("/ru/structure/talas-oblast/").content.decode()
    assert "<dd>1\xa0045 (" in page
