"""The charts show the figures the structure app adds up: each bar and table row is checked
against Organisation.subtree_totals(), the database's own sum over the committee's subtree."""

import re

import pytest
from django.utils import translation

from structure import charts
from structure.figures import charted_committees
from structure.models import Organisation

pytestmark = pytest.mark.django_db

LABELS = {
    "ky": {"talas": "Талас облусу", "bishkek": "Бишкек шаары", "central": "Борбордук комитет"},
    "ru": {"talas": "Таласская область", "bishkek": "город Бишкек", "central": "Центральный комитет"},
}
TITLES = {"ky": "Мүчөлөр", "ru": "Члены"}


def number(text):
    return int(re.sub(r"\D", "", text))


def table_rows(html, language):
    """{slug: (label, members, youth, primary)} from the "Show as table" table."""
    pattern = (
        rf'<th scope="row"><a href="/{language}/structure/([\w-]+)/"[^>]*>([^<]+)</a></th>'
        r'<td class="number"[^>]*>([^<]+)</td><td class="number"[^>]*>([^<]+)</td>'
        r'<td class="number"[^>]*>([^<]+)</td>'
    )
    return {
        slug: (label, number(members), number(youth), number(primary))
        for slug, label, members, youth, primary in re.findall(pattern, html)
    }


def chart_values(html):
    """[[(label, value), ...] per chart] from the SVGs, in drawing order."""
    result = []
    for svg in re.findall(r'<svg class="bar-chart".*?</svg>', html, re.S):
        labels = re.findall(r'<text class="chart-text" [^>]*>([^<]+)</text>', svg)
        values = [
            number(v) for v in re.findall(r'<text class="chart-text chart-value" [^>]*>([^<]+)</text>', svg)
        ]
        result.append(list(zip(labels, values, strict=True)))
    return result


def sums_by_slug():
    """The database's sums below each organisation right under the root, whatever its kind, and the
    root's own figures (its own members count in the headline too)."""
    sums = {node.slug: node.subtree_totals() for node in Organisation.objects.filter(depth=2)}
    root = Organisation.objects.get(depth=1)
    sums[root.slug] = {
        "members": root.members,
        "youth_members": root.youth_members,
        "primary_organisations": 0,
    }
    return sums


@pytest.mark.parametrize("language", ["ky", "ru"])
def test_chart_data_equals_the_subtree_sums(big_tree, language):
    with translation.override(language):
        rows = charts.region_figures(charted_committees())
        drawn = charts.region_charts(rows)
    sums = sums_by_slug()
    assert len(rows) == len(sums) > 9
    assert sum(row.members for row in rows) == big_tree.subtree_totals()["members"]
    for row in rows:
        expected = sums[row.url.rstrip("/").rsplit("/", 1)[1]]
        assert (row.members, row.youth_members, row.primary_organisations) == (
            expected["members"],
            expected["youth_members"],
            expected["primary_organisations"],
        )
        assert row.url.startswith(f"/{language}/structure/")
    assert [chart.key for chart in drawn] == ["members", "youth_members", "primary_organisations"]
    for chart in drawn:
        assert [bar.value for bar in chart.bars] == [getattr(row, chart.key) for row in rows]
        largest = max(bar.value for bar in chart.bars)
        longest = [bar for bar in chart.bars if bar.value == largest]
        assert all(bar.percent == "100" and bar.width == str(charts.BAR_SPAN_PERCENT) for bar in longest)


def test_bars_are_proportional_and_empty_figures_draw_nothing(small_tree):
    rows = [
        charts.RegionFigures("A", "/a/", 200, 50, 4),
        charts.RegionFigures("B", "/b/", 50, 0, 1),
    ]
    chart = charts.bar_chart(rows, "members")
    assert [bar.percent for bar in chart.bars] == ["100", "25"]
    assert [bar.width for bar in chart.bars] == ["70", "17.5"]
    youth = charts.bar_chart(rows, "youth_members")
    assert youth.bars[1].percent == "0"
    assert charts.region_charts([charts.RegionFigures("A", "/a/", 0, 0, 0)]) == []
    assert charts.charts_key(rows) != charts.charts_key([rows[0]])
    assert charts.charts_key(rows, ("members",)) != charts.charts_key(rows)


@pytest.mark.parametrize("language", ["ky", "ru"])
def test_structure_page_charts_and_table_show_the_sums_in_the_page_language(client, small_tree, language):
    html = client.get(f"/{language}/structure/").content.decode()
    sums = sums_by_slug()
    table = table_rows(html, language)
    assert set(table) == {"talas-oblast", "bishkek-city", "central"}
    for slug, (_label, members, youth, primary) in table.items():
        assert (members, youth, primary) == (
            sums[slug]["members"],
            sums[slug]["youth_members"],
            sums[slug]["primary_organisations"],
        )
    assert table["talas-oblast"][0] == LABELS[language]["talas"]
    assert table["bishkek-city"][0] == LABELS[language]["bishkek"]
    drawn = chart_values(html)
    assert len(drawn) == 3
    # The largest membership first: Bishkek 300, Talas 165, the central committee's own 10.
    by_label = {row[0]: row for row in table.values()}
    for index, chart in enumerate(drawn):
        assert [label for label, _value in chart] == [
            LABELS[language][key] for key in ("bishkek", "talas", "central")
        ]
        assert [value for _label, value in chart] == [by_label[label][index + 1] for label, _value in chart]
    # Each chart is an image with a name and a description, which lists the same figures.
    for svg in re.findall(r'<svg class="bar-chart".*?</svg>', html, re.S):
        assert 'role="img"' in svg
        labelled = re.search(r'aria-labelledby="([\w-]+)"', svg).group(1)
        described = re.search(r'aria-describedby="([\w-]+)"', svg).group(1)
        assert re.search(rf'<title id="{labelled}">[^<]+</title>', svg)
        desc = re.search(rf'<desc id="{described}">([^<]+)</desc>', svg).group(1)
        assert LABELS[language]["talas"] in desc and LABELS[language]["bishkek"] in desc
    assert "<script" not in html.split("<main", 1)[1]


@pytest.mark.parametrize("language", ["ky", "ru"])
def test_home_page_shows_the_membership_chart(client, small_tree, language):
    html = client.get(f"/{language}/").content.decode()
    drawn = chart_values(html)
    assert drawn == [
        [
            (LABELS[language]["bishkek"], 300),
            (LABELS[language]["talas"], 165),
            (LABELS[language]["central"], 10),
        ]
    ]
    assert set(table_rows(html, language)) == {"talas-oblast", "bishkek-city", "central"}
    assert '/static/css/charts.css"' in html or "charts." in html


def test_charts_follow_a_changed_figure(client, small_tree):
    client.get("/ru/structure/")
    Organisation.objects.filter(slug="school-7").update(members=1000)
    html = client.get("/ru/structure/?after=change").content.decode()
    assert table_rows(html, "ru")["talas-oblast"][1] == 5 + 1000 + 40
    assert chart_values(html)[0][0] == ("Таласская область", 1045)


def test_no_charts_without_figures(client, db):
    html = client.get("/ru/structure/").content.decode()
    assert "bar-chart" not in html


@pytest.mark.parametrize("language", ["ky", "ru"])
def test_map_links_each_region_to_its_committee_with_its_figures(client, small_tree, language):
    html = client.get(f"/{language}/structure/").content.decode()
    svg = re.search(r'<svg class="region-map-svg".*?</svg>', html, re.S).group(0)
    links = dict(
        re.findall(r'<a href="/\w\w/structure/([\w-]+)/" class="map-link" aria-label="([^"]+)">', svg)
    )
    assert set(links) == {"talas-oblast", "bishkek-city"}
    # "Талас облусу: 165 мүчө, …", "Таласская область: членов — 165, …"
    assert re.match(LABELS[language]["talas"] + r": \D*165\b", links["talas-oblast"])
    assert re.match(LABELS[language]["bishkek"] + r": \D*300\b", links["bishkek-city"])
    # The regions without a committee are drawn, not linked: 8 outlines in all, no Osh city dot.
    assert svg.count('<path class="map-region') == 8
    assert svg.count('class="map-region map-region-empty"') == 6
    assert "map-city" not in svg
    assert "Natural Earth" in html


def test_map_shades_by_membership(small_tree):
    rows = [
        charts.RegionFigures("A", "/a/", 200, 50, 4, region="talas"),
        charts.RegionFigures("B", "/b/", 50, 0, 1, region="osh-city"),
    ]
    drawn = charts.region_map(rows)
    by_key = {region.key: region for region in drawn.regions}
    assert by_key["talas"].shade == "1" and by_key["talas"].url == "/a/"
    assert by_key["osh-city"].marker and by_key["osh-city"].shade == "0.47"
    assert by_key["naryn"].url == ""


def test_a_city_committee_inside_its_oblast_is_counted_once(client, small_tree):
    from tests.structure.factories import OrganisationFactory

    OrganisationFactory(
        parent=small_tree["oblast"],
        slug="talas-city",
        kind="city",
        region="talas",
        name_ru="Таласский горком",
        members=7,
    )
    with translation.override("ru"):
        rows = charts.region_figures(charted_committees())
    assert [(row.label, row.members) for row in rows] == [
        ("город Бишкек", 300),
        ("Таласская область", 172),
        ("Центральный комитет", 10),
    ]
    html = client.get("/ru/structure/").content.decode()
    assert set(table_rows(html, "ru")) == {"talas-oblast", "bishkek-city", "central"}


@pytest.mark.parametrize("language", ["ky", "ru"])
def test_a_committee_of_another_kind_counts_in_its_region_and_the_charts_add_up(client, small_tree, language):
    """The Academy of Sciences' committee in Bishkek is neither an oblast nor a city committee."""
    from tests.structure.factories import OrganisationFactory

    OrganisationFactory(
        parent=small_tree["central"],
        slug="academy",
        kind="institution",
        region="bishkek",
        name_ky="Илимдер академиясынын комитети",
        name_ru="Комитет Академии наук",
        members=1157,
        youth_members=0,
    )
    with translation.override(language):
        rows = charts.region_figures(charted_committees())
        drawn = charts.region_map(rows)
    headline = small_tree["central"].subtree_totals()["members"]
    assert sum(row.members for row in rows) == headline
    bishkek = next(region for region in drawn.regions if region.key == "bishkek")
    assert bishkek.title.split(":")[0] == LABELS[language]["bishkek"]
    assert number(bishkek.title.split(":")[1].split(",")[0]) == 300 + 1157
    html = client.get(f"/{language}/structure/").content.decode()
    assert "academy" in table_rows(html, language)
    members_chart = chart_values(html)[0]
    assert sum(value for _label, value in members_chart) == headline


def test_two_committees_of_one_region_are_named_and_summed_on_the_map(small_tree):
    from tests.structure.factories import OrganisationFactory

    OrganisationFactory(
        parent=small_tree["central"],
        slug="talas-2",
        kind="oblast",
        region="talas",
        name_ru="Второй комитет",
        members=35,
    )
    with translation.override("ru"):
        rows = charts.region_figures(charted_committees())
        drawn = charts.region_map(rows)
    assert [row.label for row in rows] == [
        "город Бишкек",
        "Таласский областной комитет",
        "Второй комитет",
        "Центральный комитет",
    ]
    talas = next(region for region in drawn.regions if region.key == "talas")
    assert talas.title.startswith("Таласская область: членов — 200,")
    assert talas.url == "/ru/structure/talas-oblast/"
