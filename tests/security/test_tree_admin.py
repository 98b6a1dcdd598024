"""The organisation tree in the admin answers what it does not handle with a 4xx or a message, never a
500, and changes nothing then."""

import pytest

from structure.models import Organisation
from tests.roles.conftest import make_staff
from tests.structure.factories import OrganisationFactory

REGIONAL_EDITORS = "Аймактык редактор / Региональный редактор"  # the group the roles migration creates

pytestmark = pytest.mark.django_db


def changelist(language="ky"):
    return f"/{language}/admin/structure/organisation/"


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    """The users here only log in through force_login: skip the slow password hash."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def tree(db):
    """Central committee > Osh oblast > Özgön district > school; and the Naryn oblast."""
    central = OrganisationFactory(kind="central", region="", slug="central")
    osh = OrganisationFactory(parent=central, kind="oblast", region="osh", slug="osh")
    ozgon = OrganisationFactory(parent=osh, kind="district", region="osh", slug="ozgon")
    school = OrganisationFactory(parent=ozgon, kind="primary", region="osh", slug="school")
    naryn = OrganisationFactory(
        parent=Organisation.objects.get(pk=central.pk), kind="oblast", region="naryn", slug="naryn"
    )
    return {node.slug: Organisation.objects.get(pk=node.pk) for node in (central, osh, ozgon, school, naryn)}


@pytest.fixture
def regional_editor(client, django_user_model, tree):
    """A client logged in as the regional editor of the Özgön district (and the school below it)."""
    client.force_login(make_staff(django_user_model, "ozgon-editor", REGIONAL_EDITORS, [tree["ozgon"]]))
    return client


def tree_state():
    return list(Organisation.objects.values_list("pk", "path", "numchild", "name_ky", "name_ru"))


# The change list ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "language, expected",
    [
        pytest.param(
            "ky", "Сизде уюмдар менен топтук аракеттерге уруксат жок; эч нерсе өзгөргөн жок.", id="ky"
        ),
        pytest.param(
            "ru", "Вам не доступны групповые действия с организациями; ничего не изменено.", id="ru"
        ),
    ],
)
@pytest.mark.parametrize(
    "form",
    [
        pytest.param({"action": "delete_selected", "index": "0"}, id="action"),
        pytest.param({"action": "delete_selected", "post": "yes"}, id="confirmation"),
    ],
)
def test_regional_editors_bulk_action_is_refused_with_a_message(
    regional_editor, tree, language, expected, form
):
    before = tree_state()
    data = {**form, "_selected_action": [tree["school"].pk, tree["ozgon"].pk]}
    response = regional_editor.post(changelist(language), data, follow=True)
    assert response.status_code == 200
    assert response.redirect_chain == [(changelist(language), 302)]
    assert expected in response.content.decode()
    assert tree_state() == before


@pytest.mark.parametrize("data", [{}, {"_save": "Save"}, {"name": "x"}], ids=["empty", "save", "other"])
def test_post_that_is_no_action_is_a_bad_request(admin_client, regional_editor, tree, data):
    before = tree_state()
    assert admin_client.post(changelist(), data).status_code == 400
    assert regional_editor.post(changelist(), data).status_code == 400
    assert tree_state() == before


@pytest.mark.parametrize(
    "language, expected",
    [
        pytest.param("ky", "Уюмдарды жана аларга колдонула турган аракетти тандаңыз", id="ky"),
        pytest.param("ru", "Выберите организации и действие, которое к ним применить", id="ru"),
    ],
)
def test_action_without_organisations_is_refused_with_a_message(admin_client, tree, language, expected):
    before = tree_state()
    response = admin_client.post(changelist(language), {"action": "delete_selected"}, follow=True)
    assert response.redirect_chain == [(changelist(language), 302)]
    assert expected in response.content.decode()
    assert tree_state() == before


def test_unknown_action_deletes_nothing(admin_client, tree):
    before = tree_state()
    response = admin_client.post(
        changelist("ru"), {"action": "nuke", "_selected_action": [tree["school"].pk], "index": "0"}
    )
    assert response.status_code == 302
    assert tree_state() == before


@pytest.mark.parametrize("selected", ["abc", "", "1.5", "1; DROP TABLE"])
def test_selection_that_is_not_an_id_is_a_bad_request(admin_client, tree, selected):
    before = tree_state()
    data = {"action": "delete_selected", "_selected_action": [tree["school"].pk, selected], "index": "0"}
    assert admin_client.post(changelist(), data).status_code == 400
    assert tree_state() == before


def test_federation_admin_still_deletes_a_leaf_with_the_action(admin_client, tree):
    data = {"action": "delete_selected", "_selected_action": [tree["naryn"].pk], "post": "yes"}
    response = admin_client.post(changelist("ru"), data)
    assert response.status_code == 302
    assert not Organisation.objects.filter(slug="naryn").exists()
    assert Organisation.objects.count() == 4


# The children of a node (loaded by the tree's script) ----------------------------------------------


@pytest.mark.parametrize("parent_id", ["abc", "1.5", "-1", "0", "99999999999999999999999", "%00"])
def test_children_of_no_organisation_are_not_found(admin_client, regional_editor, tree, parent_id):
    url = f"{changelist()}children/{parent_id}/"
    # The site answers 400 to a NUL byte in the path before the admin sees it.
    expected = 400 if parent_id == "%00" else 404
    assert admin_client.get(url).status_code == expected
    assert regional_editor.get(url).status_code == expected


def test_children_with_a_broken_filter_are_a_bad_request(admin_client, tree):
    url = f"{changelist()}children/{tree['central'].pk}/"
    assert admin_client.get(url, {"kind__nonsense": "1"}).status_code == 400
    children = admin_client.get(url).json()
    assert tree["osh"].name in children["result_html"] and tree["naryn"].name in children["result_html"]


# Moving a branch ---------------------------------------------------------------------------------


def chain_below(parent, prefix, length):
    """`length` organisations one below the other under `parent`, built with computed paths."""
    nodes, above = [], parent
    for number in range(1, length + 1):
        node = Organisation(
            path=Organisation._get_path(above.path, above.depth + 1, 1),
            depth=above.depth + 1,
            numchild=0 if number == length else 1,
            slug=f"{prefix}{number}",
            kind="district",
            region=parent.region or "chui",
            name_ky=f"{prefix}{number}",
            name_ru=f"{prefix}{number}",
        )
        nodes.append(node)
        above = node
    Organisation.objects.bulk_create(nodes)
    Organisation.objects.filter(pk=parent.pk).update(numchild=parent.numchild + 1)
    return nodes


@pytest.mark.parametrize(
    "language, expected",
    [
        pytest.param(
            "ky", "Уюм ал жерге коюлган жок: ага баш ийген уюмдар менен бирге түзүмдүн тереңдиги", id="ky"
        ),
        pytest.param("ru", "Организация не размещена там: вместе с подчинёнными ей организациями", id="ru"),
    ],
)
def test_moving_a_branch_deeper_than_the_tree_holds_is_refused(admin_client, tree, language, expected):
    deep = chain_below(tree["school"], "d", 40)  # school is level 4: d40 is level 44
    chain_below(tree["naryn"], "n", 30)  # n1..n30: the branch to move, 30 levels
    before = tree_state()
    response = admin_client.post(
        f"/{language}/admin/structure/organisation/move/",
        {"node": Organisation.objects.get(slug="n1").pk, "target": deep[-1].pk, "relation": "child"},
    )
    assert response.status_code == 400
    assert tree_state() == before
    page = admin_client.get(changelist(language)).content.decode()
    assert expected in page and "74" in page


def test_moving_a_branch_that_fits_still_works(admin_client, tree):
    chain_below(tree["naryn"], "n", 3)
    response = admin_client.post(
        "/ru/admin/structure/organisation/move/",
        {"node": Organisation.objects.get(slug="n1").pk, "target": tree["school"].pk, "relation": "child"},
    )
    assert response.status_code == 200
    assert Organisation.objects.get(slug="n3").depth == 7
    assert Organisation.objects.find_problems() == ([], [], [], [], [])
