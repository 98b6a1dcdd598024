"""Staff edit the settings and the home page in the admin, in both languages."""

import pytest
from django.contrib.contenttypes.models import ContentType

from siteconfig.models import Announcement, FeaturedItem, HomeBlock, SiteSettings
from tests.faq.factories import QuestionFactory
from tests.news.factories import ReportFactory
from tests.siteconfig.conftest import from_cache
from tests.siteconfig.factories import FeaturedItemFactory

pytestmark = pytest.mark.django_db

SETTINGS_URL = "/{language}/admin/siteconfig/sitesettings/"
HOME_URL = "/{language}/admin/siteconfig/homepage/"


def settings_form(**changes):
    data = {
        "full_name_ky": "Билим кызматкерлеринин профсоюзу",
        "full_name_ru": "Профсоюз работников образования",
        "short_name_ky": "Профсоюз",
        "short_name_ru": "Профсоюз",
        "address_ky": "Бишкек ш.",
        "address_ru": "г. Бишкек",
        "reception_hours_ky": "",
        "reception_hours_ru": "",
        "footer_note_ky": "",
        "footer_note_ru": "",
        "phones": "+996 312 55-55-55",
        "emails": "info@union.test",
        "facebook_url": "",
        "instagram_url": "",
        "telegram_url": "",
        "whatsapp_url": "",
        "youtube_url": "",
    }
    data.update(changes)
    return data


@pytest.mark.parametrize("language", ["ky", "ru"])
def test_the_settings_page_opens_in_both_languages(admin_client, language):
    response = admin_client.get(SETTINGS_URL.format(language=language))
    assert response.status_code == 200
    text = response.content.decode()
    assert 'name="full_name_ky"' in text and 'name="full_name_ru"' in text
    assert 'name="telegram_url"' in text
    assert {"ky": "Ар бир сапка бир номер", "ru": "По одному номеру на строке"}[language] in text


@pytest.mark.parametrize("language", ["ky", "ru"])
def test_the_home_page_settings_open_in_both_languages(admin_client, language):
    FeaturedItemFactory(target=ReportFactory(title_ky="Жайкы лагерь", title_ru="Летний лагерь"))
    response = admin_client.get(HOME_URL.format(language=language))
    assert response.status_code == 200
    text = response.content.decode()
    assert 'name="motto_ky"' in text
    assert 'name="announcements-TOTAL_FORMS"' in text
    # The featured item's choice list names the content, in the admin's language.
    assert ("Жайкы лагерь" if language == "ky" else "Летний лагерь") in text
    assert 'name="blocks-TOTAL_FORMS"' in text


def test_saving_the_settings_shows_the_new_phone_at_once_on_a_cached_page(admin_client, client):
    client.get("/ky/news/")
    assert from_cache(client.get("/ky/news/"))
    response = admin_client.post(
        SETTINGS_URL.format(language="ky"), settings_form(phones="+996 312 55-55-55")
    )
    assert response.status_code == 302
    assert SiteSettings.get_solo().phones == "+996 312 55-55-55"
    assert '<a href="tel:+996312555555">+996 312 55-55-55</a>' in client.get("/ky/news/").content.decode()


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("facebook_url", "https://evil.example/facebook.com"),
        ("instagram_url", "http://www.instagram.com/union"),
        ("telegram_url", "javascript:alert(1)"),
        ("youtube_url", "https://youtube.com.evil.example/x"),
        ("whatsapp_url", "https://evil.example\\@wa.me/996555"),
    ],
)
def test_a_bad_social_link_is_refused_with_a_message(admin_client, field, value):
    response = admin_client.post(SETTINGS_URL.format(language="ru"), settings_form(**{field: value}))
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert field in errors
    assert getattr(SiteSettings.get_solo(), field) == ""
    assert "https://" in response.content.decode()


def test_a_social_link_typed_without_https_gets_it(admin_client):
    response = admin_client.post(
        SETTINGS_URL.format(language="ru"), settings_form(whatsapp_url="wa.me/996555")
    )
    assert response.status_code == 302
    assert SiteSettings.get_solo().whatsapp_url == "https://wa.me/996555"


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("phones", "+996 312 55-55-55\nзвоните нам"),
        ("phones", "12"),
        ("emails", "info@union.test\nnot-an-email"),
    ],
)
def test_bad_phones_and_emails_are_refused(admin_client, field, value):
    response = admin_client.post(SETTINGS_URL.format(language="ky"), settings_form(**{field: value}))
    assert response.status_code == 200
    assert field in response.context["adminform"].form.errors


def test_good_social_links_are_kept(admin_client):
    links = {
        "facebook_url": "https://www.facebook.com/union.kg",
        "instagram_url": "https://instagram.com/union.kg",
        "telegram_url": "https://t.me/union_kg",
        "whatsapp_url": "https://wa.me/996312000000",
        "youtube_url": "https://youtu.be/abc",
    }
    response = admin_client.post(SETTINGS_URL.format(language="ky"), settings_form(**links))
    assert response.status_code == 302
    record = SiteSettings.get_solo()
    assert [getattr(record, field) for field in links] == list(links.values())


def home_form(**changes):
    data = {
        "introduction_ky": "<p>Миссия</p>",
        "introduction_ru": "<p>Миссия</p>",
        "motto_ky": "Биздин күч – бирдикте!",
        "motto_ru": "Наша сила – в единстве!",
    }
    for prefix in ("announcements", "featured_items", "blocks"):
        data.update(
            {f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0", f"{prefix}-MAX_NUM_FORMS": "1000"}
        )
    data.update(changes)
    return data


def test_staff_add_an_announcement_a_featured_item_and_a_block_order(admin_client, client):
    report = ReportFactory(title_ru="Съезд профсоюза")
    content_type = ContentType.objects.get_for_model(report)
    data = home_form(
        **{
            "announcements-TOTAL_FORMS": "1",
            "announcements-0-text_ky": "Съезд 1-декабрда",
            "announcements-0-text_ru": "Съезд 1 декабря",
            "announcements-0-link_ky": "/ky/news/",
            "announcements-0-link_ru": "/ru/news/",
            "announcements-0-starts_at_0": "2020-01-01",
            "announcements-0-starts_at_1": "09:00:00",
            "announcements-0-ends_at_0": "2099-01-01",
            "announcements-0-ends_at_1": "09:00:00",
            "featured_items-TOTAL_FORMS": "1",
            "featured_items-0-item": f"{content_type.pk}:{report.pk}",
            "featured_items-0-position": "1",
            "blocks-TOTAL_FORMS": "1",
            "blocks-0-app_label": "news",
            "blocks-0-position": "99",
            "blocks-0-is_visible": "",
        }
    )
    response = admin_client.post(HOME_URL.format(language="ru"), data)
    assert response.status_code == 302, response.context["errors"] if response.context else response
    assert Announcement.objects.get().text_ru == "Съезд 1 декабря"
    assert FeaturedItem.objects.get().target == report
    assert HomeBlock.objects.get().is_visible is False
    text = client.get("/ru/").content.decode()
    assert '<a href="/ru/news/">Съезд 1 декабря</a>' in text
    assert "Съезд профсоюза" in text
    assert 'id="latest-reports-title"' not in text


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"announcements-0-ends_at_0": "2019-01-01"}, "ends_at"),
        ({"announcements-0-link_ky": "javascript:alert(1)"}, "link_ky"),
        ({"announcements-0-text_ky": "", "announcements-0-text_ru": ""}, "text_ky"),
    ],
)
def test_a_bad_announcement_is_refused(admin_client, changes, field):
    data = home_form(
        **{
            "announcements-TOTAL_FORMS": "1",
            "announcements-0-text_ky": "Кулактандыруу",
            "announcements-0-text_ru": "Объявление",
            "announcements-0-starts_at_0": "2020-01-01",
            "announcements-0-starts_at_1": "09:00:00",
            "announcements-0-ends_at_0": "2099-01-01",
            "announcements-0-ends_at_1": "09:00:00",
            **changes,
        }
    )
    response = admin_client.post(HOME_URL.format(language="ky"), data)
    assert response.status_code == 200
    assert field in response.context["inline_admin_formsets"][0].formset.forms[0].errors
    assert not Announcement.objects.exists()


@pytest.mark.parametrize(
    "item", ["nonsense", "999999:1", "1:1", "report:99999999999999999999999", "report:0", "draft"]
)
def test_a_featured_item_outside_the_list_is_refused(admin_client, item):
    if item.startswith("report:"):
        item = f"{ContentType.objects.get_for_model(ReportFactory._meta.model).pk}:{item.split(':')[1]}"
    elif item == "draft":
        draft = QuestionFactory(is_published=False)
        item = f"{ContentType.objects.get_for_model(draft).pk}:{draft.pk}"
    data = home_form(
        **{"featured_items-TOTAL_FORMS": "1", "featured_items-0-item": item, "featured_items-0-position": "1"}
    )
    response = admin_client.post(HOME_URL.format(language="ky"), data)
    assert response.status_code == 200
    assert not FeaturedItem.objects.exists()


def test_an_unpublished_featured_item_stays_editable_and_is_named(admin_client):
    question = QuestionFactory(question_ky="Жашыруун суроо", is_published=False)
    FeaturedItemFactory(target=question)
    text = admin_client.get(HOME_URL.format(language="ky")).content.decode()
    assert "Жашыруун суроо" in text


def test_a_block_cannot_be_listed_twice(admin_client):
    data = home_form(
        **{
            "blocks-TOTAL_FORMS": "2",
            "blocks-0-app_label": "news",
            "blocks-0-position": "1",
            "blocks-1-app_label": "news",
            "blocks-1-position": "2",
        }
    )
    response = admin_client.post(HOME_URL.format(language="ky"), data)
    assert response.status_code == 200
    assert not HomeBlock.objects.exists()


def test_the_singletons_have_no_add_or_delete(admin_client):
    assert admin_client.get("/ky/admin/siteconfig/sitesettings/add/").status_code in (403, 404, 302)
    assert admin_client.get("/ky/admin/siteconfig/homepage/1/delete/").status_code in (403, 404, 302)
    assert SiteSettings.objects.count() == 1


def test_federation_editors_may_change_the_settings():
    from django.contrib.auth.models import Group

    group = Group.objects.filter(name="Федерациянын редактору / Редактор федерации").first()
    assert group is not None
    codenames = set(
        group.permissions.filter(content_type__app_label="siteconfig").values_list("codename", flat=True)
    )
    assert {"change_sitesettings", "change_homepage", "add_announcement", "add_featureditem"} <= codenames


@pytest.mark.parametrize(
    ("language", "label", "job_title"), [("ky", "Орду", "Кызматы"), ("ru", "Порядок", "Должность")]
)
def test_a_place_in_a_list_is_not_called_a_job_title(admin_client, language, label, job_title):
    for url in ("/admin/pages/menuitem/add/", "/admin/siteconfig/homepage/"):
        page = admin_client.get(f"/{language}{url}").content.decode()
        assert f">{label}" in page, url
        assert f">{job_title}" not in page, url
