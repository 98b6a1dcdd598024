"""Personal data is not kept forever: `purge_submissions` deletes what is past the retention period."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from inbox.models import Submission
from inbox.services import purge_expired
from tests.inbox.factories import SubmissionFactory

pytestmark = pytest.mark.django_db


def aged(days, now=None, **fields):
    submission = SubmissionFactory(**fields)
    Submission.objects.filter(pk=submission.pk).update(
        created_at=(now or timezone.now()) - timedelta(days=days)
    )
    return submission


def purge(*args):
    out = StringIO()
    call_command("purge_submissions", *args, stdout=out)
    return out.getvalue()


def test_old_submissions_are_deleted_and_recent_ones_kept(settings):
    settings.INBOX_RETENTION_DAYS = 365
    old = [aged(400, name="Эски 1"), aged(366, name="Эски 2")]
    recent = [aged(364, name="Жаңы 1"), aged(0, name="Жаңы 2")]
    assert purge() == "2 submission(s) older than 365 days deleted.\n"
    remaining = set(Submission.objects.values_list("pk", flat=True))
    assert remaining == {submission.pk for submission in recent}
    assert not remaining & {submission.pk for submission in old}


def test_dry_run_counts_and_deletes_nothing():
    aged(500)
    aged(10)
    assert purge("--dry-run") == "1 submission(s) older than 365 days would be deleted (dry run).\n"
    assert Submission.objects.count() == 2


def test_the_boundary_is_exactly_the_retention_period(settings):
    settings.INBOX_RETENTION_DAYS = 30
    now = timezone.now()
    at_the_boundary = aged(30, now=now)
    just_past = SubmissionFactory()
    Submission.objects.filter(pk=just_past.pk).update(created_at=now - timedelta(days=30, microseconds=1))
    assert purge_expired(now=now) == 1
    assert list(Submission.objects.values_list("pk", flat=True)) == [at_the_boundary.pk]


def test_the_period_follows_the_setting(settings):
    aged(100)
    settings.INBOX_RETENTION_DAYS = 365
    assert purge() == "0 submission(s) older than 365 days deleted.\n"
    settings.INBOX_RETENTION_DAYS = 90
    assert purge() == "1 submission(s) older than 90 days deleted.\n"
    assert not Submission.objects.exists()


def test_the_settings_default_is_a_year():
    from django.conf import settings

    assert settings.INBOX_RETENTION_DAYS == 365


def test_the_admin_history_of_a_purged_submission_goes_with_it(client, federation_editor):
    from django.contrib.admin.models import LogEntry

    old, recent = aged(400, name="Эски Айгүл"), aged(1, name="Жаңы Бакыт")
    client.force_login(federation_editor)
    for submission in (old, recent):
        response = client.post(
            f"/ky/admin/inbox/submission/{submission.pk}/change/",
            {"status": "answered", "staff_note": "Чалдым"},
        )
        assert response.status_code == 302
    assert LogEntry.objects.count() == 2
    assert not LogEntry.objects.filter(object_repr__contains="Айгүл").exists()  # no names in the history
    purge()
    assert list(LogEntry.objects.values_list("object_id", flat=True)) == [str(recent.pk)]


def desk_section(client, language="ky"):
    html = client.get(f"/{language}/admin/").content.decode()
    start = html.find('id="desk-inbox-purge"')
    return html[start : html.index("</section>", start)] if start >= 0 else ""


def test_each_run_is_recorded_and_old_records_go():
    from inbox.models import PurgeRun

    PurgeRun.objects.create(ran_at=timezone.now() - timedelta(days=200), deleted=3, trigger="command")
    aged(400)
    purge()
    assert list(PurgeRun.objects.values_list("deleted", "trigger")) == [(1, "command")]
    purge("--dry-run")
    assert PurgeRun.objects.count() == 1  # a dry run is no run


@pytest.mark.parametrize(
    ("language", "last_run", "overdue"),
    [
        ("ky", "Акыркы жолу", "Мөөнөтү өттү"),
        ("ru", "Последний запуск", "Просрочено"),
    ],
)
def test_the_desk_runs_the_purge_when_it_is_due_and_says_when_it_ran(
    client, federation_editor, language, last_run, overdue
):
    from inbox.models import PurgeRun

    old = aged(400)
    client.force_login(federation_editor)
    section = desk_section(client, language)
    assert not Submission.objects.filter(pk=old.pk).exists()
    assert last_run in section and overdue not in section
    run = PurgeRun.objects.get()
    assert (run.deleted, run.trigger) == (1, "desk")
    desk_section(client, language)
    assert PurgeRun.objects.count() == 1  # not again the same day


def test_the_desk_warns_when_the_purge_is_overdue(client, federation_editor, monkeypatch):
    from django.db import DatabaseError

    from inbox import services
    from inbox.models import PurgeRun

    PurgeRun.objects.create(ran_at=timezone.now() - timedelta(days=3), deleted=0, trigger="command")

    def broken(*args, **kwargs):
        raise DatabaseError("disk full")

    monkeypatch.setattr(services, "purge_expired", broken)
    client.force_login(federation_editor)
    assert "Мөөнөтү өттү" in desk_section(client)


def test_who_may_not_delete_submissions_sees_no_purge(client, osh_editor):
    client.force_login(osh_editor)
    html = client.get("/ky/admin/").content.decode()
    assert 'id="desk-inbox-submissions"' in html
    assert 'id="desk-inbox-purge"' not in html
