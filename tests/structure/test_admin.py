import pytest
from django.contrib.messages import get_messages

from structure.models import GoverningBody, Organisation

pytestmark = pytest.mark.django_db

ADMIN = "/ru/admin/structure/organisation/"


def form_data(**overrides):
    data = {
        "name_ky": "Кемин райкому",
        "name_ru": "Кеминский райком",
        "short_name_ky": "",
        "short_name_ru": "",
        "slug": "kemin-district",
        "kind": "district",
        "region": "chui",
        "address_ky": "",
        "address_ru": "",
        "phone": "",
        "email": "",
        "website": "",
        "leader_name_ky": "",
        "leader_name_ru": "",
        "leader_position_ky": "",
        "leader_position_ru": "",
        "members": "12",
        "youth_members": "3",
        "figures_date": "",
        "description_ky": "",
        "description_ru": "",
        "treebeard_position": "first-child",
        "treebeard_ref_node": "",
        "governing_bodies-TOTAL_FORMS": "0",
        "governing_bodies-INITIAL_FORMS": "0",
        "governing_bodies-MIN_NUM_FORMS": "0",
        "governing_bodies-MAX_NUM_FORMS": "1000",
    }
    data.update(overrides)
    return data


def test_changelist_searches_names_in_both_languages(admin_client, small_tree):
    page = admin_client.get(ADMIN, {"q": "Талас облустук"}).content.decode()
    assert f"/structure/organisation/{small_tree['oblast'].pk}/change/" in page
    page = admin_client.get(ADMIN, {"q": "Бишкекский городской"}).content.decode()
    assert f"/structure/organisation/{small_tree['city'].pk}/change/" in page
    assert f"/structure/organisation/{small_tree['oblast'].pk}/change/" not in page


def test_changelist_filters_by_kind_and_region(admin_client, small_tree):
    page = admin_client.get(ADMIN, {"kind__exact": "primary", "region__exact": "talas"}).content.decode()
    assert f"/structure/organisation/{small_tree['school'].pk}/change/" in page
    assert f"/structure/organisation/{small_tree['district'].pk}/change/" not in page


def test_change_form_has_a_tab_per_language_and_tree_position(admin_client, small_tree):
    page = admin_client.get(f"{ADMIN}{small_tree['district'].pk}/change/").content.decode()
    assert 'name="name_ky"' in page and 'name="name_ru"' in page
    assert "tabbed_translation_fields.js" in page
    assert "vendor/jquery-ui/jquery-ui.min.js" in page
    assert 'name="treebeard_ref_node"' in page
    assert "160" in page  # the computed totals, read only


def test_staff_adds_a_node_under_a_committee(admin_client, small_tree):
    oblast = small_tree["oblast"]
    response = admin_client.post(
        f"{ADMIN}add/", form_data(treebeard_ref_node=str(oblast.pk), treebeard_position="first-child")
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    node = Organisation.objects.get(slug="kemin-district")
    assert Organisation.objects.get_parent(node).pk == oblast.pk
    assert node.members == 12
    assert Organisation.objects.get(pk=oblast.pk).numchild == 2
    assert Organisation.objects.find_problems() == ([], [], [], [], [])


def test_staff_moves_a_node_to_another_committee(admin_client, small_tree):
    school, city = small_tree["school"], small_tree["city"]
    data = form_data(
        name_ky=school.name_ky,
        name_ru=school.name_ru,
        slug=school.slug,
        kind="primary",
        region="talas",
        members="120",
        youth_members="30",
        treebeard_ref_node=str(city.pk),
        treebeard_position="first-child",
    )
    response = admin_client.post(f"{ADMIN}{school.pk}/change/", data)
    assert response.status_code == 302
    assert Organisation.objects.get_parent(Organisation.objects.get(pk=school.pk)).pk == city.pk
    assert Organisation.objects.get(pk=small_tree["district"].pk).numchild == 1
    assert Organisation.objects.find_problems() == ([], [], [], [], [])
    # The public totals follow the move.
    page = admin_client.get("/ru/structure/bishkek-city/").content.decode()
    assert "<dd>420 (" in page


def test_youth_above_members_is_a_form_error(admin_client, small_tree):
    oblast = small_tree["oblast"]
    data = form_data(members="3", youth_members="10", treebeard_ref_node=str(oblast.pk))
    response = admin_client.post(f"{ADMIN}add/", data)
    assert response.status_code == 200
    assert not Organisation.objects.filter(slug="kemin-district").exists()
    assert 'value="Кеминский райком"' in response.content.decode()  # nothing typed is lost


def test_deleting_a_committee_with_children_is_refused(admin_client, small_tree):
    district = small_tree["district"]
    page = admin_client.get(f"{ADMIN}{district.pk}/delete/").content.decode()
    assert "Организация не удаляется вместе с нижестоящими" in page
    assert f"/structure/organisation/{small_tree['school'].pk}/change/" in page
    response = admin_client.post(f"{ADMIN}{district.pk}/delete/", {"post": "yes"})
    assert response.status_code == 200
    assert Organisation.objects.filter(pk=district.pk).exists()
    assert Organisation.objects.count() == 6


def test_deleting_an_organisation_with_governing_bodies_is_refused(admin_client, small_tree):
    central = small_tree["central"]
    admin_client.post(f"{ADMIN}{central.pk}/delete/", {"post": "yes"})
    assert Organisation.objects.count() == 6
    assert GoverningBody.objects.filter(organisation=central).count() == 2


def test_delete_action_refuses_parents_but_a_leaf_goes(admin_client, small_tree):
    district, school = small_tree["district"], small_tree["school"]
    data = {"action": "delete_selected", "_selected_action": [district.pk], "post": "yes"}
    response = admin_client.post(ADMIN, data)
    assert "Организация не удаляется вместе с нижестоящими" in response.content.decode()
    assert Organisation.objects.count() == 6

    data = {"action": "delete_selected", "_selected_action": [school.pk], "post": "yes"}
    admin_client.post(ADMIN, data)
    assert not Organisation.objects.filter(pk=school.pk).exists()
    assert Organisation.objects.get(pk=district.pk).numchild == 1


def test_delete_action_may_take_a_committee_with_its_whole_subtree_selected(admin_client, small_tree):
    district = small_tree["district"]
    ids = [district.pk, small_tree["school"].pk, small_tree["kindergarten"].pk]
    # The district has a governing body: still refused, with Django's list of protected objects.
    response = admin_client.post(ADMIN, {"action": "delete_selected", "_selected_action": ids, "post": "yes"})
    assert Organisation.objects.count() == 6
    assert "Президиум райкома" in response.content.decode()
    GoverningBody.objects.filter(organisation=district).delete()
    admin_client.post(ADMIN, {"action": "delete_selected", "_selected_action": ids, "post": "yes"})
    assert Organisation.objects.count() == 3


def test_protected_error_during_delete_becomes_a_message(admin_client, small_tree, monkeypatch):
    """A record added between the confirmation page and the POST: refused with a message, no 500."""
    from django.db.models import ProtectedError

    school = small_tree["school"]

    def refuse(self, *args, **kwargs):
        raise ProtectedError("protected", {GoverningBody.objects.first()})

    monkeypatch.setattr(Organisation, "delete", refuse)
    response = admin_client.post(f"{ADMIN}{school.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    messages = [str(m) for m in get_messages(response.wsgi_request)]
    assert any("Ничего не удалено" in m and "руководящие органы: 1" in m for m in messages)
    assert Organisation.objects.filter(pk=school.pk).exists()


def test_governing_body_admin_edits_members_inline(admin_client, small_tree):
    body = GoverningBody.objects.get(kind="audit")
    page = admin_client.get(f"/ru/admin/structure/governingbody/{body.pk}/change/").content.decode()
    assert 'name="members-0-name_ky"' in page and 'name="members-0-position_ru"' in page
    assert "Джамиля Проверкина" in page


@pytest.mark.parametrize("position", ["left", "right"])
def test_a_new_organisation_beside_one_on_the_deepest_level_is_placed_not_a_500(
    admin_client, small_tree, position
):
    from structure.importer import tree_depth_limit
    from tests.structure.factories import OrganisationFactory

    node = small_tree["school"]
    while node.depth < tree_depth_limit():
        node = OrganisationFactory(parent=node, kind="primary", region="talas")
    response = admin_client.post(
        f"{ADMIN}add/",
        form_data(slug="beside-deepest", treebeard_position=position, treebeard_ref_node=str(node.pk)),
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    added = Organisation.objects.get(slug="beside-deepest")
    assert added.depth == tree_depth_limit()
    assert Organisation.objects.get_parent(added).pk == Organisation.objects.get_parent(node).pk
    response = admin_client.post(
        f"{ADMIN}add/",
        form_data(slug="below-deepest", treebeard_position="first-child", treebeard_ref_node=str(node.pk)),
    )
    assert response.status_code == 200
    assert not Organisation.objects.filter(slug="below-deepest").exists()
