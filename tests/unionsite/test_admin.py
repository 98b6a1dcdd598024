import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("language", "skip_link", "header"),
    [
        ("ky", "Негизги мазмунга өтүү", "Сайтты башкаруу"),
        ("ru", "Перейти к основному содержанию", "Администрирование сайта"),
    ],
)
def test_admin_speaks_the_staff_members_language(admin_client, language, skip_link, header):
    page = admin_client.get(f"/{language}/admin/").content.decode()
    assert skip_link in page
    assert header in page
    assert f'lang="{language}"' in page


def test_admin_loads_jquery_ui_from_the_site_not_a_cdn(settings):
    from modeltranslation.admin import TabbedTranslationAdmin

    scripts = [str(js) for js in TabbedTranslationAdmin.Media.js]
    assert "vendor/jquery-ui/jquery-ui.min.js" in scripts
    assert not any("googleapis" in js or js.startswith("//") for js in scripts)
