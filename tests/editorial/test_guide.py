"""The staff guide inside the admin (editorial/guide/) and the help link on every admin screen."""

import re
from html import unescape

import pytest
from django.conf import settings
from django.contrib import admin
from django.test import RequestFactory
from django.urls import resolve, reverse
from django.utils import translation
from django.utils.translation import pgettext

from editorial import guide
from tests.unionsite.test_glossary import WRONG_IN_KYRGYZ

LANGUAGES = ("ky", "ru")
HELP_LINK = re.compile(r'<a href="([^"]+)" class="guide-link" rel="help">([^<]+)</a>')
REGISTERED = sorted(admin.site._registry.items(), key=lambda pair: pair[0]._meta.label)


def url_in(language, name, *args):
    with translation.override(language):
        return reverse(name, args=args)


def heading(html):
    match = re.search(r"<h1>(.*?)</h1>", html, re.S)
    return unescape(match.group(1)).strip() if match else None


@pytest.fixture
def superuser_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("root", "root@example.org", "a-long-test-password-1")
    client.force_login(user)
    return client


def help_link(client, url):
    response = client.get(url, follow=True)
    assert response.status_code == 200, url
    links = HELP_LINK.findall(response.content.decode())
    assert len(links) == 1, f"{url} shows {len(links)} help links"
    return links[0]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "model_admin", [pair[1] for pair in REGISTERED], ids=[pair[0]._meta.label for pair in REGISTERED]
)
def test_every_admin_screen_links_to_the_guide_page_that_explains_it(
    superuser_client, model_admin, admin_user
):
    opts = model_admin.model._meta
    task = guide.task_for(model_admin)
    assert task in guide.TASKS, f"{opts.label} names no task of the guide: set guide_task on its admin or app"
    request = RequestFactory().get("/")
    request.user = admin_user
    screens = ["changelist"] + (["add"] if model_admin.has_add_permission(request) else [])
    for language in LANGUAGES:
        for screen in screens:
            url = url_in(language, f"admin:{opts.app_label}_{opts.model_name}_{screen}")
            href, text = help_link(superuser_client, url)
            with translation.override(language):
                assert text == pgettext("guide link", "Help")
            match = resolve(href)
            assert (match.view_name, match.kwargs) == ("guide:task", {"task": task}), (url, href)
            assert href.startswith(f"/{language}/admin/guide/")
            page = superuser_client.get(href)
            assert page.status_code == 200
            assert heading(page.content.decode()) == guide.page(task, language).title


@pytest.mark.django_db
def test_the_help_link_is_on_a_change_form_too(superuser_client):
    from siteconfig.models import HomePage

    HomePage.get_solo()
    href, _text = help_link(superuser_client, url_in("ru", "admin:siteconfig_homepage_change"))
    assert href == url_in("ru", "guide:task", "home")


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_guide_index_lists_every_task(superuser_client, language):
    response = superuser_client.get(url_in(language, "guide:index"))
    html = response.content.decode()
    assert response.status_code == 200
    assert response.headers["Content-Language"] == language
    for task in guide.TASKS:
        page = guide.page(task, language)
        assert f'<a href="/{language}/admin/guide/{task}/">{page.title}</a>' in html


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_a_task_page_shows_its_steps_and_screenshots_in_the_admin_look(superuser_client, language):
    response = superuser_client.get(url_in(language, "guide:task", "reports"))
    html = response.content.decode()
    assert heading(html) == guide.page("reports", language).title
    assert 'id="site-name"' in html  # the admin's header
    assert f'src="{settings.STATIC_URL}editorial/guide/{language}-01-new-report.png"' in html
    assert f'href="/{language}/admin/guide/review/"' in html  # review.md, as a link to its page


@pytest.mark.django_db
def test_a_guide_page_for_an_unknown_task_is_not_found(superuser_client):
    assert superuser_client.get("/ky/admin/guide/no-such-task/").status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/ky/admin/guide/", "/ru/admin/guide/reports/"])
def test_visitors_who_are_not_staff_are_sent_to_the_login(client, django_user_model, url):
    response = client.get(url)
    assert response.status_code == 302
    assert response.headers["Location"].startswith(f"{url[:3]}/admin/login/?next=")
    client.force_login(django_user_model.objects.create_user("member", password="a-long-test-password-1"))
    assert client.get(url).status_code == 302


@pytest.mark.django_db
def test_every_admin_page_links_to_the_guide_among_the_user_links(superuser_client):
    html = superuser_client.get("/ky/admin/").content.decode()
    user_tools = html[html.index('id="user-tools"') :]
    assert '<a href="/ky/admin/guide/">' in user_tools[: user_tools.index("</div>")]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("task", guide.TASKS)
def test_every_task_has_a_page_in_each_language_whose_pictures_exist(task, language):
    page = guide.page(task, language)  # a link to a missing task or a picture outside static raises
    assert page.title
    for alt, src in re.findall(r'<img alt="([^"]*)" loading="lazy" src="([^"]+)"', page.html):
        assert alt.strip(), f"{task} ({language}): a picture without alt text"
        assert src.startswith(f"{settings.STATIC_URL}editorial/guide/{language}-")
        assert (guide.STATIC_DIR / src.removeprefix(settings.STATIC_URL)).is_file(), src


@pytest.mark.parametrize("pattern", WRONG_IN_KYRGYZ)
def test_the_kyrgyz_guide_keeps_to_the_glossary(pattern):
    wrong = [
        (path.name, line)
        for path in sorted((guide.CONTENT_DIR / "ky").glob("*.md"))
        for line in path.read_text(encoding="utf-8").splitlines()
        if re.search(pattern, line, re.I)
    ]
    assert not wrong, f"write {WRONG_IN_KYRGYZ[pattern]!r} instead: {wrong[:5]}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_docs_point_at_every_task_of_the_guide(language):
    pointer = (settings.BASE_DIR / "docs" / f"editors-guide.{language}.md").read_text(encoding="utf-8")
    for task in guide.TASKS:
        assert f"(../editorial/guide/{language}/{task}.md)" in pointer, task
