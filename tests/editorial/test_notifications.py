"""E-mails of the review workflow: who is told, in which language, with which link, and when."""

import logging

import pytest
from django.core.mail import EmailMessage
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext

from editorial import groups, services
from editorial.models import EditorProfile, StatusChange, UndeliveredMail
from news.models import Report
from tests.documents.factories import DocumentFactory
from tests.roles.conftest import change_url, login, make_staff, report_post

pytestmark = pytest.mark.django_db

COMMENT = "Сүрөттүн жазуусун толуктаңыз."


def in_language(language, msgid, **params):
    with translation.override(language):
        return gettext(msgid) % params


@pytest.fixture
def people(tree, django_user_model, district_editor, osh_reviewer, federation_editor):
    """Everyone with an address; the Osh reviewer reads Russian, the others Kyrgyz."""
    naryn_reviewer = make_staff(django_user_model, "naryn-reviewer", groups.REVIEWER, [tree["naryn"]])
    for user in (district_editor, osh_reviewer, federation_editor, naryn_reviewer):
        user.email = f"{user.username}@example.org"
        user.save()
    EditorProfile.objects.filter(user=osh_reviewer).update(language="ru")
    return {
        "editor": district_editor,
        "osh": osh_reviewer,
        "naryn": naryn_reviewer,
        "federation": federation_editor,
    }


def recipients(outbox):
    return sorted(address for message in outbox for address in message.to)


def mail_to(outbox, address):
    [message] = [message for message in outbox if message.to == [address]]
    return message


def test_a_submitted_report_is_mailed_to_the_reviewers_of_its_region_only(
    people, reports, mailoutbox, django_capture_on_commit_callbacks
):
    report = reports["school"]
    with django_capture_on_commit_callbacks(execute=True):
        services.submit(report, people["editor"])
    # Naryn's reviewer is not told; the federation's editors review every region.
    assert recipients(mailoutbox) == ["federation@example.org", "osh-reviewer@example.org"]


def test_each_reviewer_reads_it_in_their_language_with_a_link_to_the_admin(
    people, reports, mailoutbox, django_capture_on_commit_callbacks, settings
):
    settings.SITE_URL = "https://kesipkor.example.kg"
    report = reports["school"]
    with django_capture_on_commit_callbacks(execute=True):
        services.submit(report, people["editor"])
    russian = mail_to(mailoutbox, "osh-reviewer@example.org")
    assert russian.subject == in_language("ru", "For review: %(title)s", title=report.title_ru)
    assert f"https://kesipkor.example.kg/ru/admin/news/report/{report.pk}/change/" in russian.body
    assert report.title_ru in russian.body
    kyrgyz = mail_to(mailoutbox, "federation@example.org")  # no profile: Kyrgyz
    assert kyrgyz.subject == in_language("ky", "For review: %(title)s", title=report.title_ky)
    assert f"https://kesipkor.example.kg/ky/admin/news/report/{report.pk}/change/" in kyrgyz.body


def test_in_development_mail_links_to_the_server_make_run_starts(
    people, reports, mailoutbox, django_capture_on_commit_callbacks, settings
):
    settings.SITE_URL, settings.DEBUG = "", True
    report = reports["school"]
    with django_capture_on_commit_callbacks(execute=True):
        services.submit(report, people["editor"])
    body = mail_to(mailoutbox, "federation@example.org").body
    assert f"http://127.0.0.1:8000/ky/admin/news/report/{report.pk}/change/" in body


def test_nothing_is_sent_before_the_change_is_committed(
    people, reports, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        services.submit(reports["school"], people["editor"])
    assert not mailoutbox
    for callback in callbacks:
        callback()
    assert len(mailoutbox) == 2


def test_a_change_rolled_back_sends_nothing(people, reports, mailoutbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(RuntimeError), transaction.atomic():
        services.submit(reports["school"], people["editor"])
        raise RuntimeError("the request failed later")
    assert not mailoutbox
    assert Report.objects.get(pk=reports["school"].pk).status == "draft"


def test_a_returned_report_is_mailed_to_its_author_with_the_comment(
    people, reports, mailoutbox, django_capture_on_commit_callbacks
):
    report = reports["school"]
    services.submit(report, people["editor"])
    with django_capture_on_commit_callbacks(execute=True):
        services.return_for_changes(report, people["osh"], COMMENT)
    [message] = mailoutbox
    assert message.to == ["ozgon-editor@example.org"]
    assert message.subject == in_language("ky", "Returned for changes: %(title)s", title=report.title_ky)
    assert COMMENT in message.body
    assert f"/ky/admin/news/report/{report.pk}/change/" in message.body
    change = StatusChange.objects.filter(status="returned").get()
    assert (change.user, change.comment) == (people["osh"], COMMENT)


def test_a_published_report_is_told_to_its_author_not_to_the_reviewer_who_published_it(
    people, reports, mailoutbox, django_capture_on_commit_callbacks
):
    report = reports["school"]
    services.submit(report, people["editor"])
    with django_capture_on_commit_callbacks(execute=True):
        services.publish(report, people["osh"])
    [message] = mailoutbox
    assert message.to == ["ozgon-editor@example.org"]
    assert message.subject == in_language("ky", "Published: %(title)s", title=report.title_ky)


def test_no_one_is_told_of_their_own_action(people, reports, mailoutbox, django_capture_on_commit_callbacks):
    report = reports["school"]
    services.submit(report, people["osh"])  # the reviewer wrote it and sent it on
    with django_capture_on_commit_callbacks(execute=True):
        services.publish(report, people["osh"])
    assert mailoutbox == []


def test_a_report_sent_for_review_from_the_edit_form_is_mailed_too(
    client, people, reports, mailoutbox, django_capture_on_commit_callbacks
):
    report = reports["school"]
    login(client, people["editor"])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(change_url(report), report_post(report, status="submitted"))
    assert response.status_code == 302
    assert recipients(mailoutbox) == ["federation@example.org", "osh-reviewer@example.org"]


def test_a_document_takes_part_too(people, tree, mailoutbox, django_capture_on_commit_callbacks):
    document = DocumentFactory(organisation=tree["school"], status="draft")
    with django_capture_on_commit_callbacks(execute=True):
        services.submit(document, people["editor"])
    assert recipients(mailoutbox) == ["federation@example.org", "osh-reviewer@example.org"]
    russian = mail_to(mailoutbox, "osh-reviewer@example.org")
    assert f"/ru/admin/documents/document/{document.pk}/change/" in russian.body


def test_a_mail_that_fails_is_logged_and_the_change_stays(
    people, reports, mailoutbox, django_capture_on_commit_callbacks, monkeypatch, caplog
):
    def refuse(self, fail_silently=False):
        raise ConnectionRefusedError("no mail server")

    monkeypatch.setattr(EmailMessage, "send", refuse)
    with (
        caplog.at_level(logging.ERROR, logger="editorial.mail"),
        django_capture_on_commit_callbacks(execute=True),
    ):
        services.submit(reports["school"], people["editor"])
    assert Report.objects.get(pk=reports["school"].pk).status == "submitted"
    assert "Could not send the mail" in caplog.text
    failures = UndeliveredMail.objects.all()
    assert failures and all("no mail server" in failure.reason for failure in failures)


def test_staff_without_an_address_or_inactive_are_not_mailed(
    people, reports, mailoutbox, django_capture_on_commit_callbacks
):
    people["osh"].email = ""
    people["osh"].save()
    people["federation"].is_active = False
    people["federation"].save()
    with django_capture_on_commit_callbacks(execute=True):
        services.submit(reports["school"], people["editor"])
    assert mailoutbox == []
