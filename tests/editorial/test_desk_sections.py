"""The desk's sections from other apps: new FAQ questions and new form submissions, in scope."""

import html
import re

import pytest
from django.utils import translation
from django.utils.translation import gettext

from faq.models import IncomingQuestion
from inbox.models import Submission
from structure.models import Region
from tests.editorial.test_dashboard import count, desk, queries_for_the_desk, section
from tests.faq.factories import IncomingQuestionFactory
from tests.inbox.factories import SubmissionFactory
from tests.roles.conftest import faq_editor, login  # noqa: F401 (a fixture)

pytestmark = pytest.mark.django_db

QUESTIONS = "faq-questions"
SUBMISSIONS = "inbox-submissions"


def entries(node):
    """(href, text) of each listed item."""
    return [
        (html.unescape(href), html.unescape(text).strip())
        for href, text in re.findall(r'<li>\s*<a href="([^"]+)">([^<]+)</a>', node)
    ]


def heading_link(node):
    return html.unescape(re.search(r'<h3[^>]*>\s*<a href="([^"]+)">', node).group(1))


def has_section(page, key):
    return f'id="desk-{key}"' in page


@pytest.fixture
def questions(db):
    return {
        "new": IncomingQuestionFactory(text="Иш берүүчү өргүү бербей жатат"),
        "answered": IncomingQuestionFactory(
            text="Айлык кечигип жатат", status=IncomingQuestion.Status.ANSWERED
        ),
    }


@pytest.fixture
def submissions(db):
    return {
        "osh": SubmissionFactory(name="Айгүл Осмонова", region=Region.OSH),
        "naryn": SubmissionFactory(name="Бакыт Наринов", region="naryn"),
        "nowhere": SubmissionFactory(name="Жаныл Белгисиз", region=""),
        "answered": SubmissionFactory(
            name="Азамат Жооп", region=Region.OSH, status=Submission.Status.ANSWERED
        ),
    }


def test_the_faq_editor_sees_the_new_questions_only(client, faq_editor, questions, submissions):  # noqa: F811
    page = desk(login(client, faq_editor))
    questions_section = section(page, QUESTIONS)
    assert html.escape(gettext("New questions")) in questions_section
    assert count(questions_section) == 1
    new = questions["new"]
    assert entries(questions_section) == [(f"/ky/admin/faq/incomingquestion/{new.pk}/change/", new.text)]
    assert heading_link(questions_section) == "/ky/admin/faq/incomingquestion/?status__exact=new"
    # The workflow sections and the inbox are not theirs.
    assert not has_section(page, SUBMISSIONS)
    assert not has_section(page, "waiting")


def test_the_filtered_changelist_lists_what_the_desk_counts(client, faq_editor, questions):  # noqa: F811
    login(client, faq_editor)
    url = heading_link(section(desk(client), QUESTIONS))
    page = client.get(url).content.decode()
    assert questions["new"].text in page
    assert questions["answered"].text not in page


def test_a_regional_editor_sees_the_new_submissions_of_their_region(
    client, district_editor, questions, submissions
):
    page = desk(login(client, district_editor))
    submissions_section = section(page, SUBMISSIONS)
    assert html.escape(gettext("New form submissions")) in submissions_section
    assert count(submissions_section) == 1
    osh = submissions["osh"]
    assert entries(submissions_section) == [(f"/ky/admin/inbox/submission/{osh.pk}/change/", osh.name)]
    assert heading_link(submissions_section) == "/ky/admin/inbox/submission/?status__exact=new"
    # The changelist behind the link shows the same submission, and not the others.
    changelist = client.get(heading_link(submissions_section)).content.decode()
    assert osh.name in changelist
    assert submissions["naryn"].name not in changelist
    assert not has_section(page, QUESTIONS)


def test_the_federation_editor_sees_every_new_submission_and_question(
    client, federation_editor, questions, submissions
):
    page = desk(login(client, federation_editor))
    submissions_section = section(page, SUBMISSIONS)
    assert count(submissions_section) == 3
    names = {text for _href, text in entries(submissions_section)}
    assert names == {"Айгүл Осмонова", "Бакыт Наринов", "Жаныл Белгисиз"}
    assert count(section(page, QUESTIONS)) == 1


def test_an_empty_section_says_so(client, faq_editor):  # noqa: F811
    questions_section = section(desk(login(client, faq_editor)), QUESTIONS)
    assert count(questions_section) == 0
    assert html.escape(gettext("No new questions.")) in questions_section


def test_the_sections_speak_russian_in_the_russian_admin(client, federation_editor, questions, submissions):
    page = desk(login(client, federation_editor), "ru")
    with translation.override("ru"):
        assert html.escape(gettext("New questions")) in section(page, QUESTIONS)
        assert html.escape(gettext("New form submissions")) in section(page, SUBMISSIONS)
    assert heading_link(section(page, QUESTIONS)).startswith("/ru/admin/")


def test_the_sections_cost_the_same_queries_with_many_items(client, federation_editor, district_editor):
    def add_some(number):
        for _n in range(number):
            IncomingQuestionFactory()
            SubmissionFactory(region=Region.OSH)
            SubmissionFactory(region="naryn")

    for user in (federation_editor, district_editor):
        client.force_login(user)
        add_some(2)
        queries_for_the_desk(client)  # the day's personal-data purge runs on the first visit
        few = queries_for_the_desk(client)
        add_some(25)
        assert queries_for_the_desk(client) == few
    page = desk(client)  # the district editor: the Osh submissions only
    submissions_section = section(page, SUBMISSIONS)
    assert count(submissions_section) == 54
    assert len(entries(submissions_section)) == 20
    assert "34" in submissions_section  # "And 34 more items."


def test_each_section_costs_at_most_two_queries(district_editor, django_assert_max_num_queries):
    from faq import desk as faq_desk
    from inbox import desk as inbox_desk

    for _n in range(5):
        SubmissionFactory(region=Region.OSH)
        IncomingQuestionFactory()
    district_editor.has_perm("inbox.view_submission")  # the permissions, as the admin has read them
    with django_assert_max_num_queries(2):
        [found] = inbox_desk.sections(district_editor)
    assert (found.count, len(found.items)) == (5, 5)
    assert faq_desk.sections(district_editor) == []
