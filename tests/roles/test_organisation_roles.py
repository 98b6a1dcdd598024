"""Organisations: a regional editor keeps the contacts of their subtree; history never moves a node."""

import pytest
from reversion.models import Version

from structure.models import Organisation
from tests.roles.conftest import login

pytestmark = pytest.mark.django_db


def contacts_post(organisation, **changes):
    data = {
        "address_ky": organisation.address_ky or "",
        "address_ru": organisation.address_ru or "",
        "phone": organisation.phone,
        "email": organisation.email,
        "website": organisation.website,
        "governing_bodies-TOTAL_FORMS": "0",
        "governing_bodies-INITIAL_FORMS": "0",
        "governing_bodies-MIN_NUM_FORMS": "0",
        "governing_bodies-MAX_NUM_FORMS": "1000",
    }
    data.update(changes)
    return data


def url(organisation, suffix="change/"):
    return f"/ky/admin/structure/organisation/{organisation.pk}/{suffix}"


def test_regional_editor_lists_only_their_subtree(client, district_editor, tree):
    response = login(client, district_editor).get("/ky/admin/structure/organisation/")
    assert response.status_code == 200
    html = response.content.decode()
    # The tree starts at their district; the school is one level below it.
    assert tree["ozgon"].name in html and tree["naryn"].name not in html and tree["osh"].name not in html
    below = client.get(f"/ky/admin/structure/organisation/children/{tree['ozgon'].pk}/").json()
    assert tree["school"].name in below["result_html"]
    hidden = client.get(f"/ky/admin/structure/organisation/children/{tree['central'].pk}/").json()
    assert tree["naryn"].name not in hidden["result_html"] and tree["osh"].name not in hidden["result_html"]
    found = client.get("/ky/admin/structure/organisation/", {"q": "комитет"}).content.decode()
    assert tree["naryn"].name not in found and tree["school"].name in found


def test_regional_editor_changes_contacts_but_nothing_else(client, district_editor, tree):
    school = tree["school"]
    login(client, district_editor)
    page = client.get(url(school)).content.decode()
    assert 'name="phone"' in page and 'name="name_ky"' not in page and "treebeard_position" not in page
    forged = contacts_post(
        school, phone="0312 00-00-00", name_ky="Башка ат", treebeard_position="first-child"
    )
    assert client.post(url(school), forged).status_code == 302
    school.refresh_from_db()
    assert school.phone == "0312 00-00-00"
    assert school.name_ky != "Башка ат"
    assert school.path == tree["school"].path


def test_regional_editor_cannot_touch_another_organisation(client, district_editor, tree):
    naryn = tree["naryn"]
    login(client, district_editor)
    assert client.get(url(naryn)).status_code == 302  # hidden: "does not exist"
    client.post(url(naryn), contacts_post(naryn, phone="000"))
    naryn.refresh_from_db()
    assert naryn.phone != "000"
    assert client.get("/ky/admin/structure/organisation/add/").status_code == 403


def test_restoring_an_organisation_keeps_its_place_in_the_tree(client, federation_editor, tree):
    school = tree["school"]
    login(client, federation_editor)
    page = client.get(url(school))
    form = page.context["adminform"].form
    data = {name: form[name].value() or "" for name in form.fields}
    data.update(contacts_post(school), phone="111", name_ky="Мектеп")
    assert client.post(url(school), data).status_code == 302
    data.update(phone="222", name_ky="Мектеп 2")
    assert client.post(url(school), data).status_code == 302
    # Meanwhile the school moves under the Naryn oblast.
    Organisation.objects.move(
        Organisation.objects.get(pk=school.pk), Organisation.objects.get(pk=tree["naryn"].pk), "last-child"
    )
    moved_path = Organisation.objects.get(pk=school.pk).path
    old = Version.objects.get_for_object(school).last()
    revision_url = url(school, f"history/{old.pk}/")
    page = client.get(revision_url)
    assert page.status_code == 200 and 'value="111"' in page.content.decode()
    form = page.context["adminform"].form
    data = {name: form[name].value() or "" for name in form.fields}
    data.update(contacts_post(school), phone="111", name_ky="Мектеп")
    assert client.post(revision_url, data).status_code == 302
    school = Organisation.objects.get(pk=school.pk)
    assert (school.phone, school.name_ky, school.path) == ("111", "Мектеп", moved_path)
    assert Organisation.objects.find_problems() == ([], [], [], [], [])


def test_user_page_assigns_the_editors_organisations(admin_client, district_editor, tree):
    html = admin_client.get(f"/ru/admin/auth/user/{district_editor.pk}/change/").content.decode()
    assert "Организации, для которых работает редактор" in html
    assert 'name="editor_profile-0-organisations"' in html
    assert f'value="{tree["ozgon"].pk}" selected' in html


def test_regional_editor_cannot_move_organisations_in_the_tree(client, district_editor, tree):
    login(client, district_editor)
    response = client.post(
        "/ky/admin/structure/organisation/move/",
        {"node": tree["school"].pk, "target": tree["naryn"].pk, "relation": "child"},
    )
    assert response.status_code == 403
    school = Organisation.objects.get(pk=tree["school"].pk)
    assert school.path.startswith(tree["ozgon"].path)


def test_federation_editor_moves_organisations(client, federation_editor, tree):
    login(client, federation_editor)
    client.post(
        "/ky/admin/structure/organisation/move/",
        {"node": tree["school"].pk, "target": tree["naryn"].pk, "relation": "child"},
    )
    school = Organisation.objects.get(pk=tree["school"].pk)
    assert school.path.startswith(Organisation.objects.get(pk=tree["naryn"].pk).path)
