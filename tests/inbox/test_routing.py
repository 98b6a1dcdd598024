"""Who is e-mailed about a new submission: its region's editors, else federation staff."""

import pytest

from editorial.models import UndeliveredMail
from inbox.models import Submission
from tests.inbox.test_forms import JOIN, send

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _staff_emails(settings):
    settings.STAFF_NOTIFICATION_EMAILS = ["office@example.kg"]


def test_a_join_from_osh_goes_to_the_osh_editors_only(
    client, mailoutbox, osh_editor, naryn_editor, federation_editor
):
    send(client, "join", "ru", region="osh", email="aigul@example.kg")
    submission = Submission.objects.get()
    assert len(mailoutbox) == 1
    mail = mailoutbox[0]
    assert mail.to == ["ozgon@example.kg"]
    # Both languages, the kind named, the sender's details and the admin page as an absolute link.
    assert "Кесиптик бирликке мүчө болуу арызы: Айгүл Асанова" in mail.subject
    assert "Заявление о вступлении в профсоюз: Айгүл Асанова" in mail.subject
    assert "Аймак: Ош облусу" in mail.body and "Регион: Ошская область" in mail.body
    assert "+996 555 123 456" in mail.body and "aigul@example.kg" in mail.body
    assert "Өзгөн шаарындагы №5 орто мектеби" in mail.body
    assert f"http://testserver/ky/admin/inbox/submission/{submission.pk}/change/" in mail.body
    assert f"http://testserver/ru/admin/inbox/submission/{submission.pk}/change/" in mail.body


def test_a_message_goes_to_its_regions_editors_and_names_its_kind(client, mailoutbox, naryn_editor):
    send(client, "write", "ky", region="naryn")
    assert mailoutbox[0].to == ["naryn@example.kg"]
    assert "Сайт аркылуу кайрылуу: Айгүл Асанова" in mailoutbox[0].subject
    assert "Сообщение через сайт" in mailoutbox[0].subject
    assert "Сайтта байланыш жок." in mailoutbox[0].body


def test_a_region_without_editors_goes_to_federation_staff(client, mailoutbox, osh_editor):
    send(client, "join", region="talas")
    assert [mail.to for mail in mailoutbox] == [["office@example.kg"]]


def test_a_message_without_a_region_goes_to_federation_staff(client, mailoutbox, osh_editor):
    send(client, "write")
    assert [mail.to for mail in mailoutbox] == [["office@example.kg"]]


def test_editors_who_cannot_open_the_inbox_or_are_inactive_are_not_emailed(
    client, mailoutbox, osh_editor, django_user_model, tree
):
    from editorial import groups
    from tests.inbox.conftest import make_staff

    faq_only = make_staff(django_user_model, "faq", groups.FAQ_EDITOR, [tree["osh"]], email="faq@example.kg")
    assert not faq_only.has_perm("inbox.view_submission")
    osh_editor.is_active = False
    osh_editor.save()
    send(client, "join", region="osh")
    assert [mail.to for mail in mailoutbox] == [["office@example.kg"]]


def test_every_editor_of_the_region_is_emailed_once(client, mailoutbox, osh_editor, django_user_model, tree):
    from editorial import groups
    from tests.inbox.conftest import make_staff

    make_staff(
        django_user_model,
        "osh-reviewer",
        groups.REVIEWER,
        [tree["osh"], tree["ozgon"]],
        email="rev@example.kg",
    )
    send(client, "join", region="osh")
    assert len(mailoutbox) == 1
    assert sorted(mailoutbox[0].to) == ["ozgon@example.kg", "rev@example.kg"]


def test_a_mail_failure_keeps_the_submission_and_thanks_the_visitor(client, monkeypatch, osh_editor):
    def broken(*args, **kwargs):
        raise ConnectionRefusedError("no mail server")

    monkeypatch.setattr("django.core.mail.EmailMessage.send", broken)
    response = send(client, "join", region="osh")
    assert response.status_code == 302
    assert Submission.objects.count() == 1
    assert "no mail server" in UndeliveredMail.objects.get().reason


def test_a_name_with_line_breaks_cannot_forge_mail_headers(client, mailoutbox):
    send(client, "write", name="Айгүл\nBcc: victim@example.com")
    submission = Submission.objects.get()
    assert submission.name == "Айгүл Bcc: victim@example.com"
    assert mailoutbox[0].to == ["office@example.kg"] and not mailoutbox[0].bcc


def test_page_cache_is_not_dropped_by_a_submission(client, settings):
    from unionsite import pagecache

    before = pagecache.current_generation()
    client.post("/ky/join/", JOIN)
    Submission.objects.update(status=Submission.Status.ANSWERED)
    Submission.objects.get().delete()
    assert pagecache.current_generation() == before
