"""A visitor on a phone applies to join the union, in Kyrgyz and in Russian, in a real browser."""

import re

import pytest

expect = pytest.importorskip("playwright.sync_api", reason="requirements-dev.txt is not installed").expect
expect.set_options(timeout=20_000)  # as the pages' default timeout (conftest.py)

pytestmark = pytest.mark.browser

TEXTS = {
    "ky": {
        "heading": "Кесиптик бирликке мүчө болуу",
        "law": "«Персоналдык маалымат жөнүндө»",
        "name": "Аты-жөнүңүз",
        "workplace": "Кайда иштейсиз",
        "school": "Мектеп",
        "workplace_name": "Мектебиңиздин, бала бакчаңыздын же мекемеңиздин аталышы",
        "region": "Аймак",
        "region_choice": "Нарын облусу",
        "phone": "Телефон",
        "consent": "Персоналдык маалыматтарымды ушул максатта иштетүүгө макулмун",
        "contact_error": "Сизге жооп бере алышыбыз үчүн телефон номериңизди",
        "button": "Арызды жөнөтүү",
        "sent": "Арызыңыз жөнөтүлдү",
        "thanks": "Арызыңыз үчүн рахмат.",
        "next": "Эми эмне болот",
    },
    "ru": {
        "heading": "Вступить в профсоюз",
        "law": "«Об информации персонального характера»",
        "name": "Ваше имя",
        "workplace": "Где вы работаете",
        "school": "Школа",
        "workplace_name": "Название вашей школы, детского сада или учреждения",
        "region": "Регион",
        "region_choice": "Нарынская область",
        "phone": "Телефон",
        "consent": "Я даю согласие на обработку моих персональных данных для этой цели",
        "contact_error": "Оставьте номер телефона или адрес электронной почты",
        "button": "Отправить заявление",
        "sent": "Ваше заявление отправлено",
        "thanks": "Спасибо за заявление.",
        "next": "Что будет дальше",
    },
}


def fits_the_screen(page):
    return page.evaluate("document.documentElement.scrollWidth") <= page.viewport_size["width"]


@pytest.mark.parametrize("language", ["ky", "ru"])
def test_a_visitor_on_a_phone_applies_to_join_and_sees_the_confirmation_in_their_language(
    language, transactional_db, phone_page, settings
):
    from inbox.models import Submission

    settings.STAFF_NOTIFICATION_EMAILS = ["office@example.kg"]
    texts = TEXTS[language]
    page = phone_page
    page.goto(f"/{language}/join/")
    expect(page.locator("h1")).to_have_text(texts["heading"])
    expect(page.locator(".inbox-notice")).to_contain_text(texts["law"])
    assert fits_the_screen(page)

    page.get_by_label(texts["name"], exact=True).fill(f"Асан Үсөнов ({language})")
    page.get_by_label(texts["workplace"], exact=True).select_option(label=texts["school"])
    page.get_by_label(texts["workplace_name"], exact=True).fill("№12 орто мектеби")
    page.get_by_label(texts["region"], exact=True).select_option(label=texts["region_choice"])
    page.get_by_label(texts["consent"]).check()
    # Sent without a phone or an email first: the error shows in the visitor's language and
    # nothing typed is lost.
    page.get_by_role("button", name=texts["button"]).click()
    expect(page.locator(".inbox-form")).to_contain_text(texts["contact_error"])
    expect(page.get_by_label(texts["name"], exact=True)).to_have_value(f"Асан Үсөнов ({language})")
    assert not Submission.objects.exists()

    page.get_by_label(texts["phone"], exact=True).fill("0700 12 34 56")
    if not page.get_by_label(texts["consent"]).is_checked():
        page.get_by_label(texts["consent"]).check()
    page.get_by_role("button", name=texts["button"]).click()

    expect(page).to_have_url(re.compile(rf"/{language}/join/sent/$"))
    expect(page.locator("h1")).to_have_text(texts["sent"])
    expect(page.get_by_role("status")).to_have_text(texts["thanks"])
    expect(page.locator("main")).to_contain_text(texts["next"])
    assert fits_the_screen(page)
    assert page.problems == [] and page.outside_requests == []

    submission = Submission.objects.get()
    assert (submission.name, submission.language, submission.region) == (
        f"Асан Үсөнов ({language})",
        language,
        "naryn",
    )
    assert submission.phone == "+996 700 123 456"
