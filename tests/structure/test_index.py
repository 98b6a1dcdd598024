"""The structure index: finding an organisation by name, and list items that stay fresh although
their rendering is cached (structure/figures.py)."""

import re

import pytest
from django.core.cache import cache

from structure.figures import clean_query, fold
from structure.importer import import_organisations
from structure.models import Organisation, OrganisationKind, Region
from tests.structure.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def page(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def found_section(html):
    match = re.search(r'<section class="structure-section structure-found".*?</section>', html, re.S)
    assert match, "no results section"
    return match.group(0)


def test_the_search_form_works_without_javascript(client, small_tree):
    html = page(client, "/ky/structure/")
    form = re.search(
        r'<form class="search-form structure-find" method="get" action="/ky/structure/".*?</form>', html, re.S
    )
    assert form
    assert 'name="q"' in form.group(0)
    assert 'type="submit"' in form.group(0)
    assert "structure-found" not in html


@pytest.mark.parametrize(
    "query", ["бакай-ата", "Бакай Ата", "БАКАЙ", "Бакай-Атинский", "райондук комитети бакай"]
)
def test_finds_by_name_in_either_language_with_its_path(client, small_tree, query):
    section = found_section(page(client, f"/ru/structure/?q={query}"))
    assert '<a href="/ru/structure/bakai-ata-district/">Бакай-Атинский районный комитет</a>' in section
    # Its place in the tree: the central committee, then the oblast committee.
    assert re.search(r"Центральный комитет</span> › <span>Таласский областной комитет</span>", section)
    assert "school-7" not in section


def test_kyrgyz_letters_may_be_typed_without_their_marks(client, small_tree):
    OrganisationFactory(
        parent=small_tree["central"],
        slug="issyk-kul-oblast",
        kind=OrganisationKind.OBLAST,
        region=Region.ISSYK_KUL,
        name_ky="Ысык-Көл облустук комитети",
        name_ru="Иссык-Кульский областной комитет",
    )
    for query in ("ысык-кол", "Ысык-Көл", "ЫСЫК КӨЛ"):
        section = found_section(page(client, f"/ky/structure/?q={query}"))
        assert 'href="/ky/structure/issyk-kul-oblast/"' in section, query


def test_finds_by_short_name_and_says_when_nothing_matches(client, small_tree):
    section = found_section(page(client, "/ru/structure/?q=ЦК"))
    assert 'href="/ru/structure/central/"' in section
    nothing = found_section(page(client, "/ru/structure/?q=несуществующая"))
    assert "<ol" not in nothing
    assert 'href="/ru/structure/"' in nothing  # the way back


@pytest.mark.parametrize(
    "query", ["x" * 5000, "%00", "\x01\x02", "   ", "<script>alert(1)</script>", "%", "_", "'; drop table"]
)
def test_odd_searches_never_fail(client, small_tree, query):
    response = client.get("/ru/structure/", {"q": query})
    assert response.status_code in (200, 400)
    assert "<script>alert" not in response.content.decode()


def test_query_cleaning_and_folding():
    assert clean_query("  a\x00b \t c  ") == "ab c"
    assert len(clean_query("я" * 500)) == 100
    assert fold("Ңөүё ӨЗГӨН") == "ноуе озгон"


def test_cached_items_follow_a_changed_figure_and_a_renamed_committee(client, small_tree):
    cache.clear()
    html = page(client, "/ru/structure/?fresh=1")
    assert 'Таласский областной комитет</a> <span class="org-figures">165 членов' in html
    # A figure changed below without touching the committee's own row (as a bulk update would).
    Organisation.objects.filter(slug="school-7").update(members=1120)
    oblast = Organisation.objects.get(slug="talas-oblast")
    html = page(client, "/ru/structure/?fresh=2")
    assert 'Таласский областной комитет</a> <span class="org-figures">1\xa0165 членов' in html
    oblast.name_ru = "Таласский обком"
    oblast.save()
    html = page(client, "/ru/structure/?fresh=3")
    assert "Таласский обком</a>" in html


def test_an_import_is_seen_at_once_on_cached_items(client, small_tree):
    cache.clear()
    page(client, "/ru/structure/talas-oblast/?fresh=1")
    assert "165 членов" in page(client, "/ru/structure/?fresh=1")
    header = "slug,parent_slug,kind,region,name_ky,name_ru,members,youth_members"
    rows = [
        "central,,central,,Борбордук комитет,Центральный комитет,10,2",
        "talas-oblast,central,oblast,talas,Талас облустук комитети,Таласский областной комитет,5,1",
        "bakai-ata-district,talas-oblast,district,talas,Бакай-Ата райондук комитети,"
        "Бакай-Атинский районный комитет,,",
        "school-7,bakai-ata-district,primary,talas,№ 7 мектептин баштапкы уюму,"
        "Первичная организация школы № 7,620,30",
        "school-8,bakai-ata-district,primary,talas,№ 8 мектеп,Школа № 8,100,10",
    ]
    result = import_organisations(("\n".join([header, *rows]) + "\n").encode())
    assert result.ok, result.errors
    html = page(client, "/ru/structure/?fresh=2")
    # 5 + 620 + 40 (kindergarten, not in the file, stays) + 100 = 765, three primary organisations.
    assert (
        'Таласский областной комитет</a> <span class="org-figures">765 членов · 3 первичные организации'
        in html
    )
    district = page(client, "/ru/structure/talas-oblast/?fresh=2")
    assert (
        'Бакай-Атинский районный комитет</a> <span class="org-figures">760 членов · 3 первичные организации'
        in district
    )
