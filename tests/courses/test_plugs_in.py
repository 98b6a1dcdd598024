"""The courses app plugs into the site by its AppConfig alone (tests/courses/apps.py).

Each test looks at what a visitor or an editor sees, and fails when the hook behind it is missing:
the menu and the home block (index_url_name, nav_label, home_block_template), the URLs (urls,
url_prefix), search (search_section), the sitemap (sitemaps), the admin desk (desk_sections), the
page cache (the app's public models and card_models), scheduled publication (every Publishable
with a publication time) and the role groups (role_permissions, granted by the app's migration).
The interface strings come from the app's own catalogues (tests/courses/locale).
"""

import datetime
import re
from types import SimpleNamespace
from unittest import mock

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

from editorial import groups
from tests.courses.factories import CourseFactory
from tests.courses.models import Course
from unionsite import pagecache

pytestmark = pytest.mark.django_db

MENU_LABEL = {"ky": "Окуу курстары", "ru": "Учебные курсы"}
BLOCK_HEADING = {"ky": "Жакынкы курстар", "ru": "Ближайшие курсы"}
TITLE = {"ky": "Мугалимдер үчүн санариптик сабаттуулук", "ru": "Цифровая грамотность для учителей"}


@pytest.fixture
def course():
    return CourseFactory(title_ky=TITLE["ky"], title_ru=TITLE["ru"], slug="digital-literacy")


@pytest.fixture
def draft():
    return CourseFactory(title_ky="Долбоор курс", title_ru="Черновик курса", status=Course.Status.DRAFT)


def from_cache(response):
    """A response from the page cache renders no template in the test client."""
    return response.status_code == 200 and not response.templates


def html(client, path):
    response = client.get(path)
    assert response.status_code == 200, path
    return response.content.decode()


@pytest.mark.parametrize("language", ["ky", "ru"])
def test_the_main_menu_links_to_the_courses_in_each_language(client, course, language):
    page = html(client, f"/{language}/")
    assert f'<a href="/{language}/courses/">{MENU_LABEL[language]}</a>' in page


@pytest.mark.parametrize("language", ["ky", "ru"])
def test_the_home_page_shows_the_courses_block_in_each_language(client, course, language):
    page = html(client, f"/{language}/")
    block = re.search(r'<section class="home-block home-courses".*?</section>', page, re.S)
    assert block, "no courses block on the home page"
    assert BLOCK_HEADING[language] in block.group()
    assert TITLE[language] in block.group()


@pytest.mark.parametrize("language", ["ky", "ru"])
def test_the_list_shows_published_courses_and_not_drafts(client, course, draft, language):
    page = html(client, f"/{language}/courses/")
    assert f"<h1>{MENU_LABEL[language]}</h1>" in page
    assert TITLE[language] in page
    assert "Долбоор курс" not in page and "Черновик курса" not in page
    assert client.get(draft.get_absolute_url()).status_code == 404


def test_a_course_has_its_page_under_the_prefix(client, course):
    assert course.get_absolute_url() == "/ky/courses/digital-literacy/"
    assert f"<h1>{TITLE['ky']}</h1>" in html(client, "/ky/courses/digital-literacy/")


@pytest.mark.parametrize(
    ("language", "query"),
    [("ky", "сабаттуулукка"), ("ru", "грамотности")],  # words with an ending the titles do not have
)
def test_the_site_search_finds_a_published_course_by_an_inflected_word(client, course, language, query):
    CourseFactory(
        title_ky="Сабаттуулук боюнча долбоор", title_ru="Черновик о грамотности", status=Course.Status.DRAFT
    )
    page = html(client, f"/{language}/search/?q={query}")
    assert f'<a href="/{language}/courses/digital-literacy/">{TITLE[language]}</a>' in page
    assert "Сабаттуулук боюнча долбоор" not in page and "Черновик о грамотности" not in page
    only_courses = html(client, f"/{language}/search/?q={query}&section=courses")
    assert TITLE[language] in only_courses


def test_the_sitemap_lists_the_section_and_its_courses(client, course, draft):
    sitemap = html(client, "/sitemap.xml")
    for language in ("ky", "ru"):
        assert f"/{language}/courses/digital-literacy/</loc>" in sitemap
        assert f"/{language}/courses/</loc>" in sitemap
    assert draft.slug not in sitemap


def test_the_desk_shows_courses_starting_soon_to_a_federation_editor(client, course):
    editor = get_user_model().objects.create_user("editor", password="a-long-password-1", is_staff=True)
    editor.groups.add(Group.objects.get(name=groups.FEDERATION_EDITOR))
    client.force_login(editor)
    page = html(client, "/ky/admin/")
    assert "Жакынкы эки жумада башталуучу курстар" in page
    assert TITLE["ky"] in page


def test_the_role_groups_hold_what_the_app_declares():
    held = {
        name: set(
            Group.objects.get(name=name)
            .permissions.filter(content_type__app_label="courses")
            .values_list("codename", flat=True)
        )
        for name in (groups.FEDERATION_EDITOR, groups.REGIONAL_EDITOR, groups.REVIEWER)
    }
    crud = {"add_course", "change_course", "delete_course", "view_course"}
    assert held[groups.FEDERATION_EDITOR] == {*crud, "publish_course"}
    assert held[groups.REGIONAL_EDITOR] == crud
    assert held[groups.REVIEWER] == {"change_course", "view_course", "publish_course"}


def test_saving_a_course_makes_the_cached_pages_stale(client, course):
    for path in ("/ky/courses/", "/ky/"):
        client.get(path)
        assert from_cache(client.get(path))
    course.title_ky = "Оңдолгон курс"
    course.save()
    for path in ("/ky/courses/", "/ky/"):
        page = html(client, path)
        assert "Оңдолгон курс" in page and TITLE["ky"] not in page


def test_saving_a_course_keeps_the_other_cards_cached(client, course):
    """Courses are card models: their cards key on their own updated_at, so a save leaves the
    fragment epoch (which every other card keys on) where it was."""
    client.get("/ky/courses/")
    epoch = pagecache.page_cache().get(pagecache.FRAGMENT_EPOCH_KEY)
    assert epoch is not None
    course.title_ky = "Оңдолгон курс"
    course.save()
    assert pagecache.page_cache().get(pagecache.FRAGMENT_EPOCH_KEY) == epoch
    assert "Оңдолгон курс" in html(client, "/ky/courses/")
    course.organisation.save()  # not a card model: every card may show its name
    assert pagecache.page_cache().get(pagecache.FRAGMENT_EPOCH_KEY) != epoch


def test_a_scheduled_course_appears_by_itself_when_its_time_comes(client, course):
    later = timezone.now() + datetime.timedelta(hours=2)
    CourseFactory(title_ky="Кечки курс", published_at=later)
    assert "Кечки курс" not in html(client, "/ky/courses/")
    assert from_cache(client.get("/ky/courses/"))
    after = later + datetime.timedelta(minutes=1)
    # The page cache's clock only: patching time.time itself would expire every cached entry
    # (their timeout is read on that clock) and the page would be fresh without any schedule.
    clock = SimpleNamespace(time=after.timestamp)
    with (
        mock.patch("django.utils.timezone.now", return_value=after),
        mock.patch.object(pagecache, "time", clock),
    ):
        response = client.get("/ky/courses/")
    assert not from_cache(response)
    assert "Кечки курс" in response.content.decode()
