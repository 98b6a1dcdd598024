import io
from email.header import decode_header, make_header

import pytest
from django.core import mail
from django.core.management import call_command

from siteconfig import mail as site_mail
from siteconfig.models import Announcement, FeaturedItem, HomePage, SiteSettings
from tests.siteconfig.factories import site_settings

pytestmark = pytest.mark.django_db


def snapshot():
    record = SiteSettings.get_solo()
    home = HomePage.get_solo()
    return (
        record.phones,
        record.address_ru,
        home.motto_ky,
        home.introduction_ru,
        list(Announcement.objects.values_list("pk", "text_ky", "starts_at", "ends_at")),
        list(FeaturedItem.objects.values_list("content_type__model", "object_id", "position")),
    )


def test_demo_fills_the_settings_and_the_home_page_once(client):
    call_command("load_demo", stdout=io.StringIO())
    first = snapshot()
    call_command("load_demo", stdout=io.StringIO())
    assert snapshot() == first

    phones, address_ru, motto_ky, _introduction_ru, announcements, featured = first
    assert phones.startswith("+996 312 ")
    assert "Бишкек" in address_ru
    assert motto_ky == "Биздин күч – бирдикте!"
    assert HomePage.get_solo().motto_ru == "Наша сила – в единстве!"
    assert len(announcements) == 1
    assert [model for model, _pk, _position in featured] == ["report", "question"]

    for language, motto in (("ky", "Биздин күч – бирдикте!"), ("ru", "Наша сила – в единстве!")):
        text = client.get(f"/{language}/").content.decode()
        assert motto in text
        assert 'class="announcement"' in text
        assert text.count('class="card featured-card"') == 2
        assert "info@union-example.kg" in text


def test_staff_emails_carry_the_settings_name_and_signature(settings):
    settings.DEFAULT_FROM_EMAIL = "noreply@union.test"
    site_settings(
        short_name_ky="Билим профсоюзу",
        full_name_ky="Билим кызматкерлеринин профсоюзу",
        address_ky="Бишкек ш.",
        phones="+996 312 11-22-33",
        emails="info@union.test",
    )
    mail.send_mail("Суроо", "Текст" + site_mail.signature(), site_mail.sender(), ["editor@union.test"])
    message = mail.outbox[0]
    assert "noreply@union.test" in message.from_email
    sender = str(make_header(decode_header(message.message()["From"])))
    assert sender == "Билим профсоюзу <noreply@union.test>"
    assert message.body.endswith(
        "-- \nБилим кызматкерлеринин профсоюзу\nБишкек ш.\n+996 312 11-22-33\ninfo@union.test"
    )


def test_without_a_name_the_sender_is_the_bare_address(settings):
    settings.DEFAULT_FROM_EMAIL = "noreply@union.test"
    site_settings(short_name_ky="", full_name_ky="", short_name_ru="", full_name_ru="")
    assert site_mail.sender() == "noreply@union.test"
