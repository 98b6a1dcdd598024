"""The structure pages cost a fixed number of queries, however large the tree."""

import gzip

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from structure.models import Organisation

pytestmark = pytest.mark.django_db

BUDGET = 8


def test_big_tree_has_two_thousand_consistent_nodes(big_tree):
    assert Organisation.objects.count() == 2000
    assert Organisation.objects.find_problems() == ([], [], [], [], [])


@pytest.mark.parametrize("language", ["ky", "ru"])
def test_structure_page_on_two_thousand_nodes_is_small(
    client, big_tree, django_assert_max_num_queries, language
):
    with django_assert_max_num_queries(BUDGET):
        response = client.get(f"/{language}/structure/")
    assert response.status_code == 200
    html = response.content
    page = html.decode()
    # The top levels only: 9 oblast committees (in 7 regions) and 10 institutions, each linked in
    # the list, in the table under the charts and, one per region, on the map; nothing of the
    # 1,980 organisations below them.
    assert page.count(f'href="/{language}/structure/oblast-') == 9 + 9 + 7
    assert f'href="/{language}/structure/primary-' not in page
    assert f'href="/{language}/structure/district-' not in page
    assert page.count('<svg class="bar-chart"') == 3
    assert len(gzip.compress(html)) < 30_000, len(gzip.compress(html))
    assert len(html) < 80_000, len(html)


def test_structure_search_on_two_thousand_nodes(client, big_tree, django_assert_max_num_queries):
    with django_assert_max_num_queries(BUDGET):
        response = client.get("/ru/structure/?q=Организация 1")
    page = response.content.decode()
    assert response.status_code == 200
    # "Организация 1", "Организация 10" … "Организация 1999": far more than the 50 shown.
    found = page.split('class="found-list"', 1)[1].split("</ol>", 1)[0]
    assert found.count('<li><a href="/ru/structure/') == 50
    assert len(gzip.compress(response.content)) < 30_000


def test_central_committee_page_on_two_thousand_nodes(client, big_tree, django_assert_max_num_queries):
    with django_assert_max_num_queries(BUDGET):
        response = client.get(f"/ru/structure/{big_tree.slug}/")
    page = response.content.decode()
    assert response.status_code == 200
    # 20 of its own + 1890 primaries x 40 + 10 institutions x 100, counted in Python from one query.
    assert "<dd>76\xa0620 (" in page
    assert "<dd>1\xa0890</dd>" in page


def test_district_page_with_portrait_on_two_thousand_nodes(
    client, big_tree, tmp_path, django_assert_max_num_queries
):
    district = Organisation.objects.filter(kind="district").order_by("path")[5]
    image = tmp_path / "leader.png"
    Image.new("RGB", (600, 800), "teal").save(image, "PNG")
    district.leader_name_ru = "Руководитель Тестовый"
    district.leader_photo.save("leader.png", SimpleUploadedFile("leader.png", image.read_bytes()))
    client.get(f"/ru/structure/{district.slug}/")  # the first view renders the thumbnail once
    with django_assert_max_num_queries(BUDGET):
        response = client.get(f"/ru/structure/{district.slug}/")
    page = response.content.decode()
    assert "renditions/" in page
    assert page.count('<li><a href="/ru/structure/primary-') == 21


def test_home_block_on_two_thousand_nodes(client, big_tree, django_assert_max_num_queries):
    from django.template import Context, Template

    with django_assert_max_num_queries(2):
        html = Template("{% load structure_tags %}{% structure_home_block %}").render(Context())
    assert html.count("/structure/oblast-") == 9
