"""The staff e-mails of the FAQ question form and the inbox carry the settings' name and contacts."""

from email.header import decode_header, make_header

import pytest

from siteconfig.models import SiteSettings
from tests.faq.test_ask import ask
from tests.inbox.test_forms import send

pytestmark = pytest.mark.django_db


def sender_name(message):
    return str(make_header(decode_header(message.from_email)))


@pytest.fixture
def named_settings(settings):
    settings.STAFF_NOTIFICATION_EMAILS = ["staff@example.kg"]
    site_settings = SiteSettings.get_solo()
    site_settings.short_name_ky = "Билим кесиптик бирлиги"
    site_settings.phones = "+996 312 11-22-33"
    site_settings.save()
    return site_settings


def test_the_faq_question_e_mail_is_signed_by_the_federation(client, mailoutbox, named_settings):
    ask(client)
    assert len(mailoutbox) == 1
    assert "Билим кесиптик бирлиги" in sender_name(mailoutbox[0])
    assert "+996 312 11-22-33" in mailoutbox[0].body


def test_the_join_form_e_mail_is_signed_by_the_federation(client, mailoutbox, named_settings):
    response = send(client)
    assert response.status_code == 302
    assert len(mailoutbox) == 1
    assert "Билим кесиптик бирлиги" in sender_name(mailoutbox[0])
    assert "+996 312 11-22-33" in mailoutbox[0].body
