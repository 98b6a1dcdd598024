"""The footer, titles and contact block read the site settings, in both languages, with fallback."""

import html
import re

import pytest

from tests.siteconfig.factories import site_settings
from tests.uploads import image_upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def contacts():
    return site_settings(
        full_name_ky="Билим кызматкерлеринин профсоюзу",
        full_name_ru="Профсоюз работников образования",
        short_name_ky="Билим профсоюзу",
        short_name_ru="Профсоюз образования",
        address_ky="720001, Бишкек ш., Токтогул көчөсү 1",
        address_ru="720001, г. Бишкек, улица Токтогула 1",
        reception_hours_ky="Дүйшөмбү – жума, 9:00–17:00",
        reception_hours_ru="",
        footer_note_ky="Юристтер акысыз жооп беришет.",
        footer_note_ru="Юристы отвечают бесплатно.",
        phones="+996 312 11-22-33\n+996 555 44-55-66",
        emails="info@union.test\nlawyer@union.test",
        facebook_url="https://www.facebook.com/union.test",
        telegram_url="https://t.me/union_test",
        instagram_url="",
    )


def footer(response):
    text = response.content.decode()
    return text[text.index('<footer class="site-footer">') :]


@pytest.mark.parametrize(
    ("language", "name", "address", "note"),
    [
        ("ky", "Билим кызматкерлеринин профсоюзу", "720001, Бишкек ш., Токтогул көчөсү 1", "Юристтер акысыз"),
        ("ru", "Профсоюз работников образования", "720001, г. Бишкек, улица Токтогула 1", "Юристы отвечают"),
    ],
)
def test_footer_shows_the_settings_in_the_page_language(client, contacts, language, name, address, note):
    part = footer(client.get(f"/{language}/news/"))
    assert f'<p class="footer-title">{name}</p>' in part
    assert address in part
    assert note in part
    assert '<a href="tel:+996312112233">+996 312 11-22-33</a>' in part
    assert '<a href="tel:+996555445566">+996 555 44-55-66</a>' in part
    assert '<a href="mailto:info@union.test">info@union.test</a>' in part
    assert '<a href="mailto:lawyer@union.test">lawyer@union.test</a>' in part
    assert '<a href="https://www.facebook.com/union.test" rel="me noopener">Facebook</a>' in part
    assert '<a href="https://t.me/union_test" rel="me noopener">Telegram</a>' in part
    assert "Instagram" not in part
    assert "Chui Avenue" not in part and "Чүй проспекти" not in part


def test_a_text_missing_in_russian_shows_the_kyrgyz_one_marked_with_its_language(client, contacts):
    part = footer(client.get("/ru/news/"))
    assert '<span lang="ky">Дүйшөмбү – жума, 9:00–17:00</span>' in part
    kyrgyz = footer(client.get("/ky/news/"))
    assert "<span>Дүйшөмбү – жума, 9:00–17:00</span>" in kyrgyz


def test_a_name_missing_in_one_language_falls_back_to_the_other_marked(client, contacts):
    site_settings(full_name_ru="")
    text = client.get("/ru/news/").content.decode()
    assert '<span class="brand-name" lang="ky">Билим кызматкерлеринин профсоюзу</span>' in text
    assert '<p class="footer-title" lang="ky">Билим кызматкерлеринин профсоюзу</p>' in text


@pytest.mark.parametrize(
    ("language", "short_name", "full_name"),
    [
        ("ky", "Билим профсоюзу", "Билим кызматкерлеринин профсоюзу"),
        ("ru", "Профсоюз образования", "Профсоюз работников образования"),
    ],
)
def test_titles_brand_and_site_name_use_the_settings(client, contacts, language, short_name, full_name):
    text = client.get(f"/{language}/news/").content.decode()
    title = html.unescape(re.search(r"<title>(.*?)</title>", text, re.S).group(1))
    assert title.endswith(f" · {short_name}")
    assert f'<meta property="og:site_name" content="{short_name}">' in text
    assert f'<span class="brand-name">{full_name}</span>' in text


def test_empty_names_fall_back_to_the_interface_strings(client):
    site_settings(full_name_ky="", full_name_ru="", short_name_ky="", short_name_ru="")
    text = client.get("/ru/news/").content.decode()
    assert "· Профсоюз работников образования и науки</title>" in text
    assert (
        '<span class="brand-name">Профсоюз работников образования и науки Кыргызской Республики</span>'
        in text
    )


def test_empty_contacts_leave_no_empty_labels(client):
    site_settings(
        address_ky="",
        address_ru="",
        phones="",
        emails="",
        reception_hours_ky="",
        footer_note_ky="",
        footer_note_ru="",
    )
    part = footer(client.get("/ky/news/"))
    assert "tel:" not in part and "mailto:" not in part
    assert 'class="footer-note"' not in part
    assert 'class="social-links"' not in part


def test_a_fresh_site_shows_the_default_contacts(client):
    part = footer(client.get("/ru/news/"))
    assert "720040, г. Бишкек, проспект Чуй 207, кабинет 301" in part
    assert '<a href="tel:+996312000000">+996 312 00-00-00</a>' in part
    assert "юристы профсоюза отвечают членам бесплатно" in part


def test_the_default_share_image_is_used_for_pages_without_their_own(client):
    default = client.get("/ky/news/").content.decode()
    assert re.search(
        r'<meta property="og:image" content="http://testserver/static/img/share/news-ky.png">', default
    )
    site_settings(share_image=image_upload("share.png", image_format="PNG"))
    text = client.get("/ky/news/").content.decode()
    assert re.search(
        r'<meta property="og:image" content="http://testserver/media/siteconfig/share[^"]*\.png">', text
    )


def test_the_contact_block_can_be_included_anywhere(rf, contacts):
    from django.template.loader import render_to_string

    from siteconfig.context_processors import site_settings as processor

    request = rf.get("/ru/")
    with pytest.MonkeyPatch.context():
        text = render_to_string("siteconfig/contact_details.html", processor(request))
    assert '<address class="contact-details">' in text
    assert "tel:+996312112233" in text
