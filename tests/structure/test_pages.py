import json
import re

import pytest
from PIL import Image

from structure.models import Organisation

pytestmark = pytest.mark.django_db


def text_of(response):
    return response.content.decode()


def json_ld(response):
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', text_of(response), re.S)
    assert match, "no JSON-LD block"
    return json.loads(match.group(1))


@pytest.mark.parametrize(
    ("language", "heading", "oblast", "bodies", "presidium_member"),
    [
        ("ky", "Кесиптик бирликтин түзүмү", "Талас облустук комитети", "Башкаруу органдары", "Бакыт Сыноов"),
        ("ru", "Структура профсоюза", "Таласский областной комитет", "Руководящие органы", "Бакыт Сыноов"),
    ],
)
def test_structure_page_shows_governing_bodies_and_top_levels_in_each_language(
    client, small_tree, language, heading, oblast, bodies, presidium_member
):
    response = client.get(f"/{language}/structure/")
    page = text_of(response)
    assert response.status_code == 200
    assert f"<h1>{heading}</h1>" in page
    assert bodies in page
    assert presidium_member in page
    assert f'<a href="/{language}/structure/talas-oblast/">{oblast}</a>' in page
    assert f'href="/{language}/structure/bishkek-city/"' in page
    # The way down is the committee's own page: the branches below are not on the index.
    assert f'href="/{language}/structure/bakai-ata-district/"' not in page
    assert f'href="/{language}/structure/school-7/"' not in page
    assert "<script>" not in page


def test_committee_page_is_the_way_down_to_its_branch(client, small_tree):
    oblast_page = text_of(client.get("/ru/structure/talas-oblast/"))
    assert 'href="/ru/structure/bakai-ata-district/">Бакай-Атинский районный комитет</a>' in oblast_page
    district_page = text_of(client.get("/ru/structure/bakai-ata-district/"))
    assert 'href="/ru/structure/school-7/">Первичная организация школы № 7</a>' in district_page


def test_structure_page_shows_totals_per_committee(client, small_tree):
    page = text_of(client.get("/ru/structure/"))
    # Central: 10 + 5 + 120 + 40 + 300 = 475 members, 2 + 1 + 15 + 30 + 100 = 148 young, 6 organisations.
    assert "Членов профсоюза: 475, из них молодёжи: 148; организаций: 6." in page
    # Talas oblast: 5 + 120 + 40, two primary organisations below it.
    assert re.search(
        r"Таласский областной комитет</a> <span class=\"org-figures\">"
        r"165 членов · 2 первичные организации</span>",
        page,
    )
    assert re.search(r"Бишкекский городской комитет</a> <span class=\"org-figures\">300 членов</span>", page)


def test_names_in_the_other_language_carry_a_lang_attribute(client, small_tree):
    ky_page = text_of(client.get("/ky/structure/"))
    assert 'lang="ru">Бишкекский городской комитет</a>' in ky_page
    assert 'lang="ru">Талас' not in ky_page
    ru_page = text_of(client.get("/ru/structure/?q=Айнур"))
    assert 'lang="ky">«Айнур» бала бакчасынын баштапкы уюму</a>' in ru_page


def test_empty_structure_page_says_nothing_is_published(client, db):
    page = text_of(client.get("/ru/structure/"))
    assert "Список организаций пока не опубликован." in page


@pytest.mark.parametrize(
    ("language", "leader", "position", "figures"),
    [
        ("ky", "Айгүл Тестова", "Төрага", "Төмөнкү уюмдар менен бирге мүчөлөр"),
        ("ru", "Айгуль Тестова", "Председатель", "Члены вместе с нижестоящими организациями"),
    ],
)
def test_organisation_page_shows_leader_contacts_and_figures(
    client, small_tree, language, leader, position, figures
):
    response = client.get(f"/{language}/structure/bakai-ata-district/")
    page = text_of(response)
    assert response.status_code == 200
    assert leader in page
    assert position in page
    assert '<a href="tel:+996342000001">0342 00-00-01</a>' in page
    assert '<a href="tel:+996555000111">+996 555 000 111</a>' in page
    assert '<a href="mailto:bakai-ata@example.kg">bakai-ata@example.kg</a>' in page
    assert figures in page
    assert "<dd>160 (" in page  # 120 + 40 below it
    assert "<dd>2</dd>" in page  # two primary organisations below


def test_organisation_page_breadcrumbs_follow_the_ancestors(client, small_tree):
    page = text_of(client.get("/ru/structure/school-7/"))
    crumbs = page[page.index('class="breadcrumbs') : page.index("</nav>", page.index('class="breadcrumbs'))]
    assert '<a href="/ru/structure/">Структура</a>' in crumbs
    assert '<a href="/ru/structure/central/">ЦК</a>' in crumbs  # the short name, where there is one
    assert '<a href="/ru/structure/talas-oblast/">Таласский областной комитет</a>' in crumbs
    assert '<a href="/ru/structure/bakai-ata-district/">Бакай-Атинский районный комитет</a>' in crumbs
    assert '<li aria-current="page">Первичная организация школы № 7</li>' in crumbs
    assert crumbs.index("ЦК") < crumbs.index("Таласский") < crumbs.index("Бакай-Атинский")


def test_organisation_page_lists_children_with_their_totals(client, small_tree):
    page = text_of(client.get("/ru/structure/talas-oblast/"))
    assert "Нижестоящие организации" in page
    assert (
        'Бакай-Атинский районный комитет</a> <span class="org-figures">160 членов · 2 первичные организации'
        in page
    )
    # Own members, then the subtree: 5 + 160.
    assert "<dd>5 (из них молодёжь: 1)</dd>" in page
    assert "<dd>165 (из них молодёжь: 46)</dd>" in page


def test_organisation_page_lists_its_governing_bodies_with_members(client, small_tree):
    page = text_of(client.get("/ky/structure/central/"))
    assert 'id="body-' in page
    assert "Президиум" in page and "Бакыт Сыноов" in page
    assert "Текшерүү комиссиясы" in page and "Жамила Текшерова" in page
    assert "<p>Күнүмдүк ишти жетектейт.</p>" in page


def test_primary_organisation_page_shows_own_figures_only(client, small_tree):
    page = text_of(client.get("/ru/structure/school-7/"))
    assert "<dd>120 (из них молодёжь: 30)</dd>" in page
    assert "Первичные организации ниже" not in page


def test_organisation_name_in_the_other_language_has_lang_attribute(client, small_tree):
    page = text_of(client.get("/ky/structure/bishkek-city/"))
    assert '<h1 lang="ru">Бишкекский городской комитет</h1>' in page
    page = text_of(client.get("/ru/structure/kindergarten-ainur/"))
    assert '<h1 lang="ky">«Айнур» бала бакчасынын баштапкы уюму</h1>' in page


def test_organisation_page_has_schema_org_organization(client, small_tree):
    data = json_ld(client.get("/ru/structure/bakai-ata-district/"))
    assert data["@type"] == "Organization"
    assert data["name"] == "Бакай-Атинский районный комитет"
    assert data["url"] == "http://testserver/ru/structure/bakai-ata-district/"
    assert data["email"] == "bakai-ata@example.kg"
    assert data["address"]["streetAddress"] == "село Бакай-Ата, улица Школьная 1"
    assert data["parentOrganization"]["url"] == "http://testserver/ru/structure/talas-oblast/"
    assert data["employee"] == {"@type": "Person", "name": "Айгуль Тестова", "jobTitle": "Председатель"}


def test_json_ld_cannot_close_its_script_element(client, small_tree):
    Organisation.objects.filter(slug="school-7").update(name_ru="</script><script>alert(1)</script>")
    response = client.get("/ru/structure/school-7/")
    head = text_of(response).split("</head>")[0]
    assert "<script>alert(1)" not in head
    assert json_ld(response)["name"] == "</script><script>alert(1)</script>"


def test_leader_photo_is_shown_as_a_portrait_rendition(client, small_tree, tmp_path):
    from django.core.files.uploadedfile import SimpleUploadedFile

    buffer = tmp_path / "leader.jpg"
    Image.new("RGB", (800, 1000), "navy").save(buffer, "JPEG")
    district = small_tree["district"]
    district.leader_photo.save("leader.jpg", SimpleUploadedFile("leader.jpg", buffer.read_bytes()))
    page = text_of(client.get("/ru/structure/bakai-ata-district/"))
    match = re.search(r'<img src="([^"]+)" width="(\d+)" height="(\d+)" alt="Айгуль Тестова">', page)
    assert match, page
    assert "renditions/" in match.group(1)
    assert (match.group(2), match.group(3)) == ("240", "300")


def test_broken_leader_photo_does_not_break_the_page(client, small_tree):
    Organisation.objects.filter(slug="bakai-ata-district").update(
        leader_photo="structure/leaders/missing.jpg"
    )
    response = client.get("/ru/structure/bakai-ata-district/")
    assert response.status_code == 200
    assert "Айгуль Тестова" in text_of(response)
    assert "<img src=" not in text_of(response).split('class="organisation-leader"')[1].split("</section>")[0]


def test_organisation_page_leaves_a_place_for_latest_reports(small_tree):
    from django.template.loader import get_template

    source = get_template("structure/organisation.html").template.source
    assert "{% block latest_reports %}" in source
    assert "organisation_reports organisation" in source


@pytest.mark.parametrize("url", ["/ky/structure/no-such-committee/", "/ru/structure/no-such-committee/"])
def test_unknown_organisation_is_404(client, small_tree, url):
    assert client.get(url).status_code == 404


def test_non_slug_address_is_404(client, small_tree):
    assert client.get("/ru/structure/%D0%B0%D0%B1%D0%B2/").status_code == 404


@pytest.mark.parametrize(
    ("language", "title"), [("ky", "Кесиптик бирлик аймактарда"), ("ru", "Профсоюз в регионах")]
)
def test_home_page_lists_regional_committees_with_totals(client, small_tree, language, title):
    page = text_of(client.get(f"/{language}/"))
    assert title in page
    block = page[page.index(title) :]
    assert f'href="/{language}/structure/talas-oblast/"' in block
    assert f'href="/{language}/structure/bishkek-city/"' in block
    assert f'href="/{language}/structure/bakai-ata-district/"' not in block.split("</section>")[0]
    assert f'href="/{language}/structure/"' in block
    if language == "ru":
        # The membership chart and its table: Talas 5 + 120 + 40, Bishkek 300.
        assert '<svg class="bar-chart"' in block
        assert "Таласская область: 165" in block
        assert re.search(
            r'Таласская область</a></th><td class="number"[^>]*>165</td><td class="number"[^>]*>46</td>',
            block,
        )
