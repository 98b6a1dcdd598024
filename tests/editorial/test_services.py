"""The workflow's transitions called directly, as the admin, commands and tests call them."""

import threading
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.db import connection, transaction
from django.utils import timezone

from documents.models import Document
from editorial import services
from editorial.services import TransitionNotAllowed
from news.models import Report
from tests.documents.factories import DocumentFactory
from tests.news.factories import ReportFactory

pytestmark = pytest.mark.django_db


def stored(item):
    return type(item).objects.values_list("status", "review_comment").get(pk=item.pk)


def test_editor_submits_a_draft_of_their_district(district_editor, reports):
    services.submit(reports["school"], district_editor)
    assert stored(reports["school"]) == ("submitted", "")


def test_submitting_what_is_already_submitted_is_refused(district_editor, reports):
    with pytest.raises(TransitionNotAllowed) as refusal:
        services.submit(reports["ozgon"], district_editor)
    assert str(refusal.value) == str(services.NOT_SUBMITTABLE)
    assert stored(reports["ozgon"]) == ("submitted", "")


def test_editor_cannot_submit_a_report_of_another_region(district_editor, reports):
    with pytest.raises(TransitionNotAllowed) as refusal:
        services.submit(reports["osh"], district_editor)
    assert str(refusal.value) == str(services.NOT_IN_SCOPE)
    assert stored(reports["osh"]) == ("draft", "")


@pytest.mark.parametrize("transition", [services.publish, services.unpublish])
def test_editor_can_neither_publish_nor_unpublish(district_editor, reports, transition):
    report = reports["ozgon"]
    with pytest.raises(TransitionNotAllowed):
        transition(report, district_editor)
    assert stored(report) == ("submitted", "")
    assert not Report.objects.published().filter(pk=report.pk).exists()


def test_reviewer_publishes_and_the_public_sees_it(osh_reviewer, reports):
    report = reports["ozgon"]
    Report.objects.filter(pk=report.pk).update(review_comment="Сүрөт кошуңуз.")
    services.publish(report, osh_reviewer)
    assert stored(report) == ("published", "")
    assert Report.objects.published().filter(pk=report.pk).exists()
    assert report.is_public


def test_reviewer_of_one_region_cannot_publish_another_regions_report(osh_reviewer, reports):
    report = reports["naryn"]
    Report.objects.filter(pk=report.pk).update(status="submitted")
    with pytest.raises(TransitionNotAllowed) as refusal:
        services.publish(report, osh_reviewer)
    assert str(refusal.value) == str(services.NOT_IN_SCOPE)
    assert stored(report) == ("submitted", "")


def test_reviewer_returns_with_a_comment_the_editor_then_resubmits(osh_reviewer, district_editor, reports):
    report = reports["ozgon"]
    services.return_for_changes(report, osh_reviewer, "  Сүрөт кошуңуз.  ")
    assert stored(report) == ("returned", "Сүрөт кошуңуз.")
    services.submit(report, district_editor)
    assert stored(report) == ("submitted", "Сүрөт кошуңуз.")


def test_returning_without_a_comment_is_refused(osh_reviewer, reports):
    with pytest.raises(TransitionNotAllowed) as refusal:
        services.return_for_changes(reports["ozgon"], osh_reviewer, "   ")
    assert str(refusal.value) == str(services.COMMENT_NEEDED)
    assert stored(reports["ozgon"]) == ("submitted", "")


def test_editor_cannot_return_a_report(district_editor, reports):
    with pytest.raises(TransitionNotAllowed):
        services.return_for_changes(reports["ozgon"], district_editor, "Кайра жазгыла.")
    assert stored(reports["ozgon"]) == ("submitted", "")


def test_scheduled_report_goes_live_by_itself_at_its_time(osh_reviewer, reports):
    report = reports["ozgon"]
    when = timezone.now() + timedelta(days=2)
    services.schedule(report, osh_reviewer, when)
    report.refresh_from_db()
    assert (report.status, report.published_at) == ("published", when)
    assert not report.is_public
    assert not Report.objects.published().filter(pk=report.pk).exists()
    Report.objects.filter(pk=report.pk).update(published_at=timezone.now() - timedelta(minutes=1))
    assert Report.objects.published().filter(pk=report.pk).exists()


def test_scheduling_in_the_past_is_refused(osh_reviewer, reports):
    with pytest.raises(TransitionNotAllowed) as refusal:
        services.schedule(reports["ozgon"], osh_reviewer, timezone.now() - timedelta(hours=1))
    assert str(refusal.value) == str(services.SCHEDULE_IN_THE_PAST)
    assert stored(reports["ozgon"]) == ("submitted", "")


def test_a_document_goes_live_when_published_and_cannot_be_scheduled(osh_reviewer, tree):
    document = DocumentFactory(organisation=tree["ozgon"], status="submitted")
    with pytest.raises(TransitionNotAllowed) as refusal:
        services.schedule(document, osh_reviewer, timezone.now() + timedelta(days=1))
    assert str(refusal.value) == str(services.NOT_SCHEDULABLE)
    services.publish(document, osh_reviewer)
    assert document.is_public
    assert list(Document.objects.published()) == [document]


def test_unpublished_report_disappears_from_the_public(osh_reviewer, reports):
    report = reports["ozgon"]
    services.publish(report, osh_reviewer)
    services.unpublish(report, osh_reviewer)
    assert stored(report) == ("draft", "")
    assert not Report.objects.published().filter(pk=report.pk).exists()


def test_a_transition_acts_on_the_stored_state_not_on_a_stale_copy(district_editor, osh_reviewer, reports):
    stale = Report.objects.get(pk=reports["school"].pk)  # a draft, as the editor loaded it
    services.publish(Report.objects.get(pk=stale.pk), osh_reviewer)
    with pytest.raises(TransitionNotAllowed):
        services.submit(stale, district_editor)
    assert stored(stale) == ("published", "")


# --- saving an edit form --------------------------------------------------------------------------


def test_editor_saves_their_draft_and_submits_it_in_one_save(district_editor, reports):
    report = Report.objects.get(pk=reports["school"].pk)
    report.title_ky = "Жаңы аталыш"
    report.status = "submitted"
    services.save_edited(report, district_editor)
    assert Report.objects.values_list("title_ky", "status").get(pk=report.pk) == ("Жаңы аталыш", "submitted")


def test_editor_cannot_save_a_report_as_published(district_editor, reports):
    report = Report.objects.get(pk=reports["ozgon"].pk)
    report.status = "published"
    with pytest.raises(TransitionNotAllowed) as refusal:
        services.save_edited(report, district_editor)
    assert str(refusal.value) == str(services.REVIEWER_PUBLISHES)
    assert stored(report) == ("submitted", "")


def test_editor_cannot_change_a_published_report(district_editor, osh_reviewer, reports):
    services.publish(reports["ozgon"], osh_reviewer)
    report = Report.objects.get(pk=reports["ozgon"].pk)
    report.title_ky = "Бузулган"
    report.status = "draft"
    with pytest.raises(TransitionNotAllowed) as refusal:
        services.save_edited(report, district_editor)
    assert str(refusal.value) == str(services.REVIEWER_CHANGES_PUBLISHED)
    assert Report.objects.get(pk=report.pk).title_ky != "Бузулган"


def test_editor_cannot_move_a_report_to_another_region(district_editor, reports, tree):
    report = Report.objects.get(pk=reports["school"].pk)
    report.organisation = tree["naryn"]
    with pytest.raises(TransitionNotAllowed):
        services.save_edited(report, district_editor)
    assert Report.objects.get(pk=report.pk).organisation == tree["school"]


def test_editor_cannot_create_a_report_for_another_region(district_editor, tree, category):
    report = ReportFactory.build(organisation=tree["naryn"], category=category, slug="forged")
    with pytest.raises(TransitionNotAllowed):
        services.save_edited(report, district_editor)
    assert not Report.objects.filter(slug="forged").exists()


def test_returning_through_the_form_needs_a_reviewer_and_a_comment(osh_reviewer, district_editor, reports):
    report = Report.objects.get(pk=reports["ozgon"].pk)
    report.status = "returned"
    with pytest.raises(TransitionNotAllowed):
        services.save_edited(report, district_editor)
    with pytest.raises(TransitionNotAllowed):
        services.save_edited(report, osh_reviewer)
    report.review_comment = "Датаны оңдоңуз."
    services.save_edited(report, osh_reviewer)
    assert stored(report) == ("returned", "Датаны оңдоңуз.")


# --- two people at once (PostgreSQL locks rows; SQLite runs one writer at a time anyway) ------------


def staff_with(username, *permissions):
    user = get_user_model().objects.create_user(username, password="correct-horse-9", is_staff=True)
    for dotted in permissions:
        app_label, codename = dotted.split(".")
        user.user_permissions.add(
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
        )
    return get_user_model().objects.get(pk=user.pk)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks are PostgreSQL's")
@pytest.mark.django_db(transaction=True)
def test_a_submit_waits_for_a_concurrent_return_and_keeps_its_comment(tree, category):
    reviewer = staff_with(
        "reviewer", "news.change_report", "news.publish_report", "editorial.edit_all_organisations"
    )
    editor = staff_with("editor", "news.change_report", "editorial.edit_all_organisations")
    report = ReportFactory(
        organisation=tree["ozgon"], category=category, status="returned", review_comment="Эски."
    )
    returned, release = threading.Event(), threading.Event()

    def reviewer_returns():
        try:
            with transaction.atomic():
                services.return_for_changes(Report.objects.get(pk=report.pk), reviewer, "Жаңы пикир.")
                returned.set()
                release.wait(10)
        finally:
            connection.close()

    def editor_submits(stale):
        try:
            services.submit(stale, editor)
        finally:
            connection.close()

    first = threading.Thread(target=reviewer_returns)
    first.start()
    assert returned.wait(10)
    stale = Report.objects.get(pk=report.pk)  # what the editor sees: returned, the old comment
    second = threading.Thread(target=editor_submits, args=(stale,))
    second.start()
    second.join(0.5)
    assert second.is_alive()  # waiting for the reviewer's transaction
    release.set()
    first.join(10)
    second.join(10)
    assert stored(report) == ("submitted", "Жаңы пикир.")
