"""The admin index as a desk: what waits for each person, by role, with links and counts."""

import html
import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation
from django.utils.translation import gettext

from editorial import services
from news.models import Report
from tests.documents.factories import DocumentFactory
from tests.news.factories import ReportFactory
from tests.roles.conftest import faq_editor, login  # noqa: F401 (a fixture)

pytestmark = pytest.mark.django_db

COMMENT = "Сүрөттүн жазуусун толуктаңыз."


def desk(client, language="ky"):
    """The admin index's HTML."""
    response = client.get(f"/{language}/admin/")
    assert response.status_code == 200
    return response.content.decode()


def section(page, key):
    """The HTML of one section of the desk (templates/admin/index.html)."""
    [found] = re.findall(rf'<section[^>]* id="desk-{key}".*?</section>', page, re.DOTALL)
    return found


def links(node):
    return [
        (html.unescape(href), html.unescape(text).strip())
        for href, text in re.findall(r'<li>\s*<a href="([^"]+)">([^<]+)</a>', node)
    ]


def titles(node):
    return [text for _href, text in links(node)]


def hrefs(node):
    return [href for href, _text in links(node)]


def count(node):
    return int(re.search(r'<span class="editorial-count">(\d+)</span>', node).group(1))


def comments(node):
    return [
        html.unescape(text)
        for text in re.findall(r'<blockquote class="editorial-comment">(.*?)</blockquote>', node, re.DOTALL)
    ]


def written_by(editor, organisation, category, title, status="draft"):
    """A report as the admin creates it: through the services, so the author is known."""
    report = Report(
        title_ky=title,
        title_ru="",
        organisation=organisation,
        category=category,
        status="draft",
    )
    services.save_edited(report, editor)
    if status == "submitted":
        services.submit(report, editor)
    return report


def test_the_reviewer_sees_what_waits_in_their_region_only(client, osh_reviewer, reports):
    page = desk(login(client, osh_reviewer))
    waiting = section(page, "waiting")
    report = reports["ozgon"]
    assert titles(waiting) == [report.title_ky]
    assert count(waiting) == 1
    assert hrefs(waiting) == [f"/ky/admin/news/report/{report.pk}/change/"]
    # The app list is still there.
    assert 'class="app-news' in page


def test_an_editor_has_nothing_to_review(client, district_editor, reports):
    page = desk(login(client, district_editor))
    waiting = section(page, "waiting")
    assert titles(waiting) == [] and count(waiting) == 0
    with translation.override("ky"):
        assert html.escape(gettext("Nothing waits for your review.")) in waiting


def test_the_editor_sees_a_returned_report_with_the_comment(
    client, district_editor, osh_reviewer, tree, category
):
    report = written_by(district_editor, tree["school"], category, "Мектептеги семинар", status="submitted")
    services.return_for_changes(report, osh_reviewer, COMMENT)
    returned = section(desk(login(client, district_editor)), "returned")
    assert titles(returned) == ["Мектептеги семинар"]
    [comment] = comments(returned)
    assert COMMENT in comment


def test_the_editor_sees_their_own_drafts_not_the_drafts_of_others(
    client, district_editor, tree, category, reports
):
    mine = written_by(district_editor, tree["ozgon"], category, "Менин долбоорум")
    drafts = section(desk(login(client, district_editor)), "drafts")
    # reports["school"] is a draft in their scope, but someone else wrote it.
    assert titles(drafts) == [mine.title_ky]


def test_a_report_created_in_the_admin_counts_as_the_creators_draft(client, district_editor, tree, reports):
    ReportFactory(
        organisation=tree["school"], status="draft", title_ky="Жазылган", created_by=district_editor
    )
    assert "Жазылган" in titles(section(desk(login(client, district_editor)), "drafts"))


def test_scheduled_reports_of_the_scope_are_listed_soonest_first(client, federation_editor, tree, category):
    later = ReportFactory(organisation=tree["naryn"], published_at=timezone.now() + timedelta(days=5))
    sooner = ReportFactory(organisation=tree["osh"], published_at=timezone.now() + timedelta(days=1))
    ReportFactory(organisation=tree["osh"])  # public already
    scheduled = section(desk(login(client, federation_editor)), "scheduled")
    assert titles(scheduled) == [sooner.title_ky, later.title_ky]


def test_every_kind_of_content_with_the_workflow_is_on_the_desk(client, osh_reviewer, tree, reports):
    document = DocumentFactory(organisation=tree["school"], status="submitted")
    waiting = section(desk(login(client, osh_reviewer)), "waiting")
    assert set(titles(waiting)) == {reports["ozgon"].title_ky, document.title_ky}
    assert f"/ky/admin/documents/document/{document.pk}/change/" in hrefs(waiting)


def test_the_desk_speaks_russian_in_the_russian_admin(client, osh_reviewer, reports):
    page = desk(login(client, osh_reviewer), "ru")
    waiting = section(page, "waiting")
    with translation.override("ru"):
        assert html.escape(gettext("Waiting for your review")) in waiting
    assert titles(waiting) == [reports["ozgon"].title_ru]
    assert hrefs(waiting)[0].startswith("/ru/admin/")


def test_staff_without_workflow_content_see_no_workflow_sections(client, faq_editor):  # noqa: F811
    page = desk(login(client, faq_editor))
    # Their desk holds the new questions only (tests/editorial/test_desk_sections.py).
    for key in ("waiting", "returned", "drafts", "scheduled"):
        assert f'id="desk-{key}"' not in page
    assert 'id="desk-faq-questions"' in page
    assert 'class="app-faq' in page


def queries_for_the_desk(client):
    with CaptureQueriesContext(connection) as queries:
        desk(client)
    return len(queries)


def test_the_desk_costs_the_same_queries_with_many_items(
    client, osh_reviewer, district_editor, tree, category, django_assert_max_num_queries
):
    def add_some(number):
        for n in range(number):
            report = written_by(district_editor, tree["school"], category, f"Отчёт {number}-{n}", "submitted")
            if n % 2:
                services.return_for_changes(report, osh_reviewer, COMMENT)
            DocumentFactory(organisation=tree["ozgon"], status="submitted")
            ReportFactory(organisation=tree["osh"], published_at=timezone.now() + timedelta(days=n + 1))

    login(client, osh_reviewer)
    add_some(2)
    few = queries_for_the_desk(client)
    add_some(12)
    assert queries_for_the_desk(client) == few
    with django_assert_max_num_queries(20):
        page = desk(client)
    # 1 + 6 reports still submitted, 2 + 12 documents: all counted, twenty listed.
    waiting = section(page, "waiting")
    assert count(waiting) == 21
    assert len(titles(waiting)) == 20
