"""The structure pages cost a fixed number of queries, however large the tree."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from structure.models import Organisation

pytestmark = pytest.mark.django_db

BUDGET = 8


def test_big_tree_has_two_thousand_consistent_nodes(big_tree):
    assert Organisation.objects.count() == 2000
    assert Organisation.objects.find_problems() == ([], [], [], [], [])


def test_structure_page_on_two_thousand_nodes(client, big_tree, django_assert_max_num_queries):
    with django_assert_max_num_queries(BUDGET):
        response = client.get("/ru/structure/")
    assert response.status_code == 200
    assert response.content.decode().count('href="/ru/structure/primary-') == 1890


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
