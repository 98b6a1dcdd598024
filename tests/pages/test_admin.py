"""Pages in the admin: federation staff write and publish them, regional roles cannot reach them."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from reversion.models import Version

from editorial import groups
from editorial.models import EditorProfile, StatusChange
from pages.models import MenuItem, Page
from tests.pages.factories import PageFactory
from tests.roles.conftest import login
from tests.structure.factories import OrganisationFactory

pytestmark = pytest.mark.django_db

ADD_URL = "/ky/admin/pages/page/add/"


def page_form(**extra):
    data = {
        "title_ky": "Кантип мүчө болуу керек",
        "title_ru": "Как вступить в профсоюз",
        "slug_ky": "",
        "slug_ru": "",
        "lead_ky": "Арыз жазыңыз.",
        "lead_ru": "Напишите заявление.",
        "body_ky": '<p><a href="/ky/join/">Онлайн арыз</a></p><script>alert(1)</script>',
        "body_ru": '<p><a href="/ru/join/">Онлайн-заявление</a></p>',
        "page_type": "web",
        "treebeard_position": "first-child",
        "treebeard_ref_node": "",
        "status": "published",
        "review_comment": "",
        "published_at_0": "2024-04-28",
        "published_at_1": "11:00:00",
    }
    data.update(extra)
    return data


ROLE_GROUPS = {
    "federation": groups.FEDERATION_EDITOR,
    "regional": groups.REGIONAL_EDITOR,
    "reviewer": groups.REVIEWER,
    "faq": groups.FAQ_EDITOR,
}


class Roles(dict):
    """Staff of each role group, made when first asked for (no password: tests log in directly)."""

    def __init__(self, user_model, district):
        super().__init__()
        self.user_model, self.district = user_model, district

    def __missing__(self, role):
        user = self.user_model.objects.create(username=role, is_staff=True)
        user.groups.add(Group.objects.get(name=ROLE_GROUPS[role]))
        if role in ("regional", "reviewer"):
            EditorProfile.objects.create(user=user).organisations.set([self.district])
        self[role] = user
        return user


@pytest.fixture
def roles(django_user_model):
    return Roles(django_user_model, OrganisationFactory(slug="ozgon"))


def test_federation_editor_creates_a_page_in_both_languages(client, roles, about):
    login(client, roles["federation"])
    data = page_form(treebeard_position="first-child", treebeard_ref_node=str(about.pk))
    response = client.post(ADD_URL, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    page = Page.objects.get(title_ky="Кантип мүчө болуу керек")
    assert (page.slug_ky, page.slug_ru) == ("kantip-mucho-boluu-kerek", "kak-vstupit-v-profsoyuz")
    assert Page.objects.get_parent(page) == about
    assert page.url_in("ky") == "/ky/pages/kesiptik-birlik-zhonundo/kantip-mucho-boluu-kerek/"
    assert page.url_in("ru") == "/ru/pages/o-profsoyuze/kak-vstupit-v-profsoyuz/"
    assert "<script>" not in page.body_ky
    assert page.is_public
    assert client.get(page.url_in("ru")).status_code == 200
    assert Version.objects.get_for_object(page).count() == 1


def test_a_second_page_with_the_same_title_gets_its_own_address(client, roles):
    login(client, roles["federation"])
    assert client.post(ADD_URL, page_form()).status_code == 302
    assert client.post(ADD_URL, page_form()).status_code == 302
    slugs = sorted(Page.objects.values_list("slug_ky", flat=True))
    assert slugs == ["kantip-mucho-boluu-kerek", "kantip-mucho-boluu-kerek-2"]


def test_an_address_taken_by_another_page_is_refused(client, roles, about):
    login(client, roles["federation"])
    response = client.post(ADD_URL, page_form(slug_ru="o-profsoyuze"))
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors.as_data()
    assert [error.code for error in errors["slug_ru"]] == ["slug_taken"]
    assert 'class="errorlist' in response.content.decode()
    assert Page.objects.count() == 1


def test_a_page_needs_a_title_in_one_language(client, roles):
    login(client, roles["federation"])
    response = client.post(ADD_URL, page_form(title_ky="", title_ru=""))
    assert response.status_code == 200
    assert not Page.objects.exists()


@pytest.mark.parametrize("role", ["regional", "reviewer", "faq"])
def test_regional_and_other_roles_cannot_reach_pages_or_menus(client, roles, about, role):
    login(client, roles[role])
    for url in (
        "/ky/admin/pages/page/",
        ADD_URL,
        f"/ky/admin/pages/page/{about.pk}/change/",
        f"/ky/admin/pages/page/{about.pk}/history/",
        f"/ky/admin/pages/page/{about.pk}/delete/",
        "/ky/admin/pages/menuitem/",
        "/ky/admin/pages/menuitem/add/",
    ):
        assert client.get(url).status_code == 403, url
    assert client.post(ADD_URL, page_form()).status_code == 403
    assert Page.objects.count() == 1
    assert "/admin/pages/" not in client.get("/ky/admin/").content.decode()


def test_regional_editor_with_page_permissions_still_cannot_touch_federation_pages(client, roles, about):
    """Even if an administrator hands a regional editor the permissions, pages stay out of scope."""
    editor = roles["regional"]
    editor.user_permissions.add(*Permission.objects.filter(content_type__app_label="pages"))
    login(client, editor)
    assert client.get(f"/ky/admin/pages/page/{about.pk}/change/").status_code in (302, 403)
    response = client.post(ADD_URL, page_form())
    assert response.status_code == 200  # the form says why (editorial.services.edit_problems)
    assert "Сиз бул уюмдун материалдарын оңдобойсуз." in response.content.decode()
    assert Page.objects.count() == 1


def test_the_federation_roles_hold_the_page_permissions_and_regional_roles_do_not(roles):
    roles["federation"]
    assert roles["federation"].has_perms(["pages.add_page", "pages.change_page", "pages.publish_page"])
    assert roles["federation"].has_perm("pages.change_menuitem")
    for role in ("regional", "reviewer", "faq"):
        assert not any(perm.startswith("pages.") for perm in roles[role].get_all_permissions()), role


@pytest.fixture
def page_writer(django_user_model):
    """Federation staff who write pages but do not publish them."""
    user = django_user_model.objects.create(username="writer", is_staff=True)
    codenames = ["add_page", "change_page", "view_page", "edit_all_organisations"]
    user.user_permissions.add(*Permission.objects.filter(codename__in=codenames))
    return user


def test_a_writer_submits_for_review_and_cannot_publish(client, page_writer):
    login(client, page_writer)
    html = client.get(ADD_URL).content.decode()
    assert 'value="published"' not in html
    assert client.post(ADD_URL, page_form(status="published")).status_code == 200
    assert not Page.objects.exists()
    assert client.post(ADD_URL, page_form(status="submitted")).status_code == 302
    page = Page.objects.get()
    assert page.status == "submitted"
    assert client.get(page.url_in("ky")).status_code == 404


def test_federation_editor_publishes_submitted_pages_with_the_action(client, roles):
    page = PageFactory(status=Page.Status.SUBMITTED, slug_ky="kezekte")
    login(client, roles["federation"])
    response = client.post(
        "/ky/admin/pages/page/", {"action": "publish", "_selected_action": [page.pk]}, follow=True
    )
    assert response.status_code == 200
    page.refresh_from_db()
    assert page.status == "published"
    assert client.logout() is None
    assert client.get("/ky/pages/kezekte/").status_code == 200


def test_scheduled_page_goes_live_at_its_time(client, roles):
    login(client, roles["federation"])
    data = page_form(published_at_0="2099-01-01")
    assert client.post(ADD_URL, data).status_code == 302
    page = Page.objects.get()
    client.logout()
    assert client.get(page.url_in("ky")).status_code == 404
    Page.objects.filter(pk=page.pk).update(published_at="2000-01-01T00:00:00+06:00")
    assert client.get(page.url_in("ky")).status_code == 200


def test_moving_a_branch_in_the_admin_gives_its_pages_new_addresses(client, roles, about, history):
    partnership = PageFactory(title_ky="Өнөктөштүк", slug_ky="onoktoshtuk", slug_ru="partnyorstvo")
    login(client, roles["federation"])
    change = f"/ky/admin/pages/page/{about.pk}/change/"
    form = client.get(change).context["adminform"].form
    data = page_form()
    data.update(
        title_ky=about.title_ky,
        title_ru=about.title_ru,
        slug_ky=about.slug_ky,
        slug_ru=about.slug_ru,
        treebeard_position="first-child",
        treebeard_ref_node=str(partnership.pk),
        loaded_updated_at=form.fields["loaded_updated_at"].initial,
    )
    response = client.post(change, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    history.refresh_from_db()
    assert history.url_in("ky") == "/ky/pages/onoktoshtuk/kesiptik-birlik-zhonundo/tarykh/"
    assert history.url_in("ru") == "/ru/pages/partnyorstvo/o-profsoyuze/istoriya/"
    client.logout()
    assert client.get("/ru/pages/partnyorstvo/o-profsoyuze/istoriya/").status_code == 200


def test_drag_and_drop_move_gives_new_addresses(client, roles, about, history):
    other = PageFactory(title_ky="Башка", slug_ky="bashka", slug_ru="drugoe")
    login(client, roles["federation"])
    response = client.post(
        "/ky/admin/pages/page/move/", {"node": history.pk, "target": other.pk, "relation": "child"}
    )
    assert response.status_code in (200, 302), response.content.decode()[:500]
    history.refresh_from_db()
    assert history.url_in("ky") == "/ky/pages/bashka/tarykh/"


def test_changing_a_slug_moves_the_addresses_below(about, history):
    about.slug_ru = "profsoyuz"
    about.save()
    history.refresh_from_db()
    assert history.url_in("ru") == "/ru/pages/profsoyuz/istoriya/"
    assert history.url_in("ky") == "/ky/pages/kesiptik-birlik-zhonundo/tarykh/"


def test_a_page_with_pages_below_is_not_deleted(client, roles, about, history):
    login(client, roles["federation"])
    response = client.post(f"/ky/admin/pages/page/{about.pk}/delete/", {"post": "yes"})
    assert response.status_code in (200, 403)
    assert Page.objects.count() == 2
    assert "Тарых" in client.get(f"/ky/admin/pages/page/{about.pk}/delete/").content.decode()
    assert client.post(f"/ky/admin/pages/page/{history.pk}/delete/", {"post": "yes"}).status_code == 302
    assert list(Page.objects.all()) == [about]


def test_history_restores_an_old_text_and_its_address(client, roles):
    login(client, roles["federation"])
    assert client.post(ADD_URL, page_form()).status_code == 302
    page = Page.objects.get()
    change = f"/ky/admin/pages/page/{page.pk}/change/"
    loaded = client.get(change).context["adminform"].form.fields["loaded_updated_at"].initial
    data = page_form(
        title_ky="Мүчөлүк",
        slug_ky="muchoLuk".lower(),
        slug_ru=page.slug_ru,
        treebeard_position="first-child",
        loaded_updated_at=loaded,
    )
    data.pop("treebeard_position")
    data["treebeard_position"] = "first-child"
    assert client.post(change, data).status_code == 302
    page.refresh_from_db()
    assert page.url_in("ky") == "/ky/pages/mucholuk/"
    first = Version.objects.get_for_object(page).order_by("pk").first()
    response = client.post(
        f"{change.replace('change/', '')}history/{first.pk}/",
        {
            **data,
            "title_ky": "Кантип мүчө болуу керек",
            "slug_ky": "kantip-mucho-boluu-kerek",
            "loaded_updated_at": "",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    page.refresh_from_db()
    assert page.title_ky == "Кантип мүчө болуу керек"
    assert page.url_in("ky") == "/ky/pages/kantip-mucho-boluu-kerek/"
    assert page.path and page.depth == 1


def test_menu_entries_of_a_deleted_page_go_with_it(about, history):
    MenuItem.objects.create(location="header", page=history)
    history.delete()
    assert not MenuItem.objects.filter(section="").exists()  # the sections' entries stay


def test_the_tree_lists_the_pages_and_loads_the_children(admin_client, about, history):
    html = admin_client.get("/ky/admin/pages/page/").content.decode()
    assert "Кесиптик бирлик жөнүндө" in html
    assert "/ky/pages/kesiptik-birlik-zhonundo/" in html
    children = admin_client.get(f"/ky/admin/pages/page/children/{about.pk}/")
    assert children.status_code == 200
    assert "Тарых" in children.json()["result_html"]
    assert admin_client.get(f"/ky/admin/pages/page/{history.pk}/history/").status_code == 200
    assert admin_client.get("/ky/admin/pages/page/recover/").status_code == 200


@pytest.mark.parametrize("parent_id", ["abc", "99999999999999999999999", "0", "%00"])
def test_the_trees_children_view_answers_odd_ids_without_a_server_error(admin_client, about, parent_id):
    assert admin_client.get(f"/ky/admin/pages/page/children/{parent_id}/").status_code in (400, 404)


@pytest.mark.parametrize(
    "data",
    [
        {},
        {"action": "publish"},
        {"action": "publish", "_selected_action": ["abc"]},
        {"_save": "1"},
        {"index": "0"},
    ],
)
def test_odd_posts_to_the_page_list_are_not_server_errors(admin_client, about, data):
    assert admin_client.post("/ky/admin/pages/page/", data).status_code < 500


@pytest.mark.parametrize(
    "data",
    [
        {},
        {"node": "abc", "target": "1", "relation": "child"},
        {"node": "1", "target": "1", "relation": "child"},
    ],
)
def test_odd_moves_are_refused_without_a_server_error(admin_client, about, data):
    assert admin_client.post("/ky/admin/pages/page/move/", data).status_code in (400, 403)


def recorded(page):
    content_type = ContentType.objects.get_for_model(Page)
    return list(
        StatusChange.objects.filter(content_type=content_type, object_id=page.pk)
        .order_by("at", "pk")
        .values_list("status", "user__username", "created")
    )


def test_a_page_placed_in_the_tree_is_recorded_as_created_with_the_status_chosen(client, page_writer, about):
    login(client, page_writer)
    data = page_form(status="submitted", treebeard_position="first-child", treebeard_ref_node=str(about.pk))
    assert client.post(ADD_URL, data).status_code == 302
    page = Page.objects.get(title_ky="Кантип мүчө болуу керек")
    assert page.status == "submitted"
    assert recorded(page) == [("submitted", "writer", True)]


def test_publishing_a_page_while_moving_it_is_recorded_by_the_services(client, roles, about, history):
    partnership = PageFactory(title_ky="Өнөктөштүк", slug_ky="onoktoshtuk", slug_ru="partnyorstvo")
    Page.objects.filter(pk=about.pk).update(status=Page.Status.DRAFT)
    login(client, roles["federation"])
    change = f"/ky/admin/pages/page/{about.pk}/change/"
    form = client.get(change).context["adminform"].form
    data = page_form(
        title_ky=about.title_ky,
        title_ru=about.title_ru,
        slug_ky=about.slug_ky,
        slug_ru=about.slug_ru,
        treebeard_position="first-child",
        treebeard_ref_node=str(partnership.pk),
        loaded_updated_at=form.fields["loaded_updated_at"].initial,
    )
    assert client.post(change, data).status_code == 302
    about.refresh_from_db()
    assert about.status == "published"
    assert recorded(about) == [("published", "federation", False)]
