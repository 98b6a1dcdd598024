"""Nothing staff can type breaks a public page: one regression test per defect of that issue.

Each test goes through the ordinary admin form as staff would (a superuser, and a regional editor
where the role may edit the model), checks the message in Kyrgyz and Russian, and then asks the
public outputs that broke (home page, lists, RSS, iCalendar, sitemap, search, mail). Where the
rule's second line of defence matters (a row stored by `update()` or raw SQL, bypassing forms and
models), the row is stored that way and the outputs are checked again.

The defects, numbered as in the issue:

1. an announcement shown from 01.01.0001;       6. a page tree 13 levels deep;
2. an event starting 01.01.0001;                7. links a browser reads as another site's;
3. an event ending 31.12.9999;                  8. a line break in the site's short name (mail);
4. `published_at` 01.01.0001;                   9. a migration meeting a row outside the range.
5. control characters in an event's title;
"""

import datetime
import re
import xml.etree.ElementTree as ET
from email.header import decode_header, make_header

import icalendar
import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from django.db import IntegrityError, connection, transaction
from django.test import Client
from django.utils import timezone, translation

from editorial import groups
from editorial.models import EditorProfile, UndeliveredMail
from events import models as event_models
from events.models import Event
from faq.models import IncomingQuestion
from inbox.models import Submission
from news.models import Report
from pages.models import MenuItem, Page
from siteconfig import loading
from siteconfig.models import Announcement, SiteSettings
from structure.models import Organisation, OrganisationKind, Region
from tests.events.factories import EventFactory, bishkek
from tests.events.test_admin import event_form
from tests.news.factories import CategoryFactory, ReportFactory
from tests.pages.factories import PageFactory
from tests.roles.conftest import report_post
from tests.siteconfig.factories import AnnouncementFactory
from tests.siteconfig.test_admin import settings_form
from tests.structure.factories import OrganisationFactory
from unionsite import fields

pytestmark = pytest.mark.django_db

LANGUAGES = ["ky", "ru"]
UTC = datetime.UTC

# The messages as the catalogues translate them (locale/*/LC_MESSAGES/django.po).
DATE_MESSAGE = {"ky": "аралыгындагы датаны жазыңыз", "ru": "Введите дату между"}
ONE_LINE_MESSAGE = {"ky": "Муну бир сапка жазыңыз", "ru": "Напишите это в одну строку"}
DEPTH_MESSAGE = {
    "ky": "Беттер эң көп 12 деңгээлге чейин жайгаша алат",
    "ru": "Страницы могут иметь не больше 12 уровней вложенности",
}
LINK_MESSAGE = {
    "ky": "Бул сайттагы бир сызык менен башталган жолду",
    "ru": "Напишите путь на этом сайте, начинающийся с одной косой черты",
}
NETWORK_MESSAGE = {"ky": "https:// менен башталган %s шилтемесин", "ru": "Введите ссылку на %s"}
WEB_LINK_MESSAGE = {
    "ky": "https:// менен башталган толук даректи жазыңыз",
    "ru": "Введите полный адрес, начинающийся с https://",
}
UNDELIVERED_SECTION = {
    "ky": "Жөнөтүлбөй калган электрондук каттар",
    "ru": "Письма, которые не удалось отправить",
}

# Control characters a text may not hold in RFC 5545 TEXT or XML 1.0 (CR and LF only as line ends).
RAW_CONTROL = re.compile("[\x00-\x08\x0a-\x1f\x7f]")


@pytest.fixture(autouse=True)
def _kyrgyz_by_default():
    """URLs reversed in a test carry /ky/, whatever an earlier request left active."""
    with translation.override("ky"):
        yield


@pytest.fixture
def ozgon(db):
    """The Özgön district committee, below the Osh oblast and the central committee."""
    central = OrganisationFactory(kind=OrganisationKind.CENTRAL, region="", slug="central")
    osh = OrganisationFactory(parent=central, kind=OrganisationKind.OBLAST, region=Region.OSH, slug="osh")
    district = OrganisationFactory(
        parent=osh, kind=OrganisationKind.DISTRICT, region=Region.OSH, slug="ozgon"
    )
    return Organisation.objects.get(pk=district.pk)


# Staff without a password (the tests log them in directly): hashing one costs half a second.


@pytest.fixture
def regional_editor(django_user_model, ozgon):
    user = django_user_model.objects.create_user(username="ozgon-editor", password=None, is_staff=True)
    user.groups.add(Group.objects.get(name=groups.REGIONAL_EDITOR))
    EditorProfile.objects.create(user=user).organisations.set([ozgon])
    return user


@pytest.fixture
def superuser(django_user_model):
    return django_user_model.objects.create_superuser("root", "root@example.kg", password=None)


@pytest.fixture
def admin_client(superuser):
    client = Client()
    client.force_login(superuser)
    return client


@pytest.fixture(params=["superuser", "regional editor"])
def staff_client(request, client, ozgon):
    """A client logged in as a superuser, then as a regional editor of the Özgön district."""
    name = "superuser" if request.param == "superuser" else "regional_editor"
    client.force_login(request.getfixturevalue(name))
    return client


# --- forms as a browser posts them -------------------------------------------------------------------


def page_form(**changes):
    data = {
        "title_ky": "Кантип мүчө болуу керек",
        "title_ru": "Как вступить в профсоюз",
        "slug_ky": "",
        "slug_ru": "",
        "lead_ky": "Арыз жазыңыз.",
        "lead_ru": "Напишите заявление.",
        "body_ky": "<p>Текст</p>",
        "body_ru": "<p>Текст</p>",
        "page_type": "web",
        "treebeard_position": "first-child",
        "treebeard_ref_node": "",
        "status": "published",
        "review_comment": "",
        "published_at_0": "2024-04-28",
        "published_at_1": "11:00:00",
    }
    data.update(changes)
    return data


def home_form(**announcement):
    """The home page's admin form with one new announcement (`announcement` overrides its fields)."""
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
    row = {
        "text_ky": "Съезд 1-декабрда",
        "text_ru": "Съезд 1 декабря",
        "link_ky": "",
        "link_ru": "",
        "starts_at_0": "2020-01-01",
        "starts_at_1": "09:00:00",
        "ends_at_0": "2099-01-01",
        "ends_at_1": "09:00:00",
        **announcement,
    }
    data["announcements-TOTAL_FORMS"] = "1"
    data.update({f"announcements-0-{name}": value for name, value in row.items()})
    return data


def menu_form(**changes):
    data = {"location": "header", "position": "1", "section": "", "page": "", "url": "", "label_ky": "Кир"}
    data["label_ru"] = ""
    data.update(changes)
    return data


def form_errors(response):
    """The main admin form's errors: {field: [ValidationError]}; the response must be the form again."""
    assert response.status_code == 200, response.status_code
    return response.context["adminform"].form.errors.as_data()


def announcement_errors(response):
    assert response.status_code == 200, response.status_code
    return response.context["inline_admin_formsets"][0].formset.forms[0].errors.as_data()


def codes(errors):
    return {error.code for error in errors}


def page_text(response):
    return response.content.decode()


def assert_public_pages_answer(client, paths):
    for path in paths:
        response = client.get(path)
        assert response.status_code == 200, (path, response.status_code)


def no_raw_controls_in_content_lines(ical_bytes):
    """Every content line (split at CRLF, as RFC 5545 reads them) is free of control characters."""
    text = ical_bytes.decode()
    lines = text.split("\r\n")
    bad = [line for line in lines if RAW_CONTROL.search(line)]
    assert not bad, bad


def unfolded(ical_bytes):
    """The content lines of an iCalendar file with the folds undone."""
    return ical_bytes.decode().replace("\r\n ", "").replace("\r\n\t", "").split("\r\n")


# --- 1. an announcement shown from 01.01.0001 ----------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(("field", "day"), [("starts_at", "0001-01-01"), ("ends_at", "9999-12-31")])
def test_1_announcement_dated_year_one_is_refused_and_the_home_page_stays_up(
    admin_client, client, language, field, day
):
    response = admin_client.post(f"/{language}/admin/siteconfig/homepage/", home_form(**{f"{field}_0": day}))
    errors = announcement_errors(response)
    assert codes(errors.get(field, [])) == {"date_out_of_range"}
    text = page_text(response)
    assert DATE_MESSAGE[language] in text
    message = str(errors[field][0].message % errors[field][0].params)
    assert "1900" in message and "2100" in message
    assert not Announcement.objects.exists()
    assert_public_pages_answer(client, ["/ky/", "/ru/"])


@pytest.mark.parametrize("year", [1, 9999])
@pytest.mark.parametrize("field", ["starts_at", "ends_at"])
def test_1_announcement_saved_from_the_shell_outside_the_range_is_refused_by_the_database(year, field):
    announcement = AnnouncementFactory.build(**{field: datetime.datetime(year, 1, 2, tzinfo=UTC)})
    with pytest.raises(IntegrityError), transaction.atomic():
        announcement.save()
    assert not Announcement.objects.exists()


@pytest.mark.parametrize("year", [1, 9999])
@pytest.mark.parametrize("field", ["start", "end", "published_at"])
def test_1_event_saved_from_the_shell_outside_the_range_is_refused_by_the_database(year, field):
    event = EventFactory.create(title_ky="Семинар")
    setattr(event, field, datetime.datetime(year, 1, 2, tzinfo=UTC))
    with pytest.raises(IntegrityError), transaction.atomic():
        event.save()
    event.refresh_from_db()
    assert getattr(event, field).year not in (1, 9999)


# The widest instants the CHECK constraints let through (a day's margin around 1900..2100 for time
# zones), stored past the forms: whatever the database holds, the public outputs answer.
EDGES = {
    "first": datetime.datetime(1899, 12, 31, 0, 0, tzinfo=UTC),
    "last": datetime.datetime(2101, 1, 1, 23, 59, tzinfo=UTC),
}


@pytest.mark.parametrize("all_day", [False, True], ids=["timed", "all-day"])
def test_1_the_widest_dates_the_database_accepts_still_render_every_public_output(client, ozgon, all_day):
    announcement = AnnouncementFactory()
    Announcement.objects.filter(pk=announcement.pk).update(starts_at=EDGES["first"], ends_at=EDGES["last"])
    event = EventFactory(organisation=ozgon, all_day=all_day)
    Event.objects.filter(pk=event.pk).update(start=EDGES["first"], end=EDGES["last"])
    event.refresh_from_db()
    detail = event.get_absolute_url()
    assert_public_pages_answer(
        client,
        [
            "/ky/",
            "/ru/",
            "/ky/events/",
            "/ky/events/past/",
            "/ru/events/past/",
            "/ky/events/calendar/2000/01/",
            "/ky/events/calendar/2100/12/",
            "/ky/events/rss/",
            "/ky/events/events.ics",
            f"/ky/events/region/{ozgon.region}.ics",
            f"/ky/events/organisation/{ozgon.slug}.ics",
            detail,
            detail.rstrip("/") + ".ics",
            "/sitemap.xml",
            "/ky/search/?q=семинар",
            "/ru/search/?q=семинар",
        ],
    )


# --- 2. an event starting 01.01.0001 ------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_2_event_starting_in_year_one_is_refused_and_every_public_output_answers(
    staff_client, ozgon, language
):
    organisation = ozgon
    published = EventFactory(organisation=organisation, title_ky="Жыйын", title_ru="Собрание")
    data = event_form(organisation, start_0="0001-01-01", start_1="10:00:00")
    response = staff_client.post(f"/{language}/admin/events/event/add/", data)
    errors = form_errors(response)
    assert codes(errors.get("start", [])) == {"date_out_of_range"}
    assert DATE_MESSAGE[language] in page_text(response)
    assert Event.objects.get() == published
    assert_public_pages_answer(
        Client(),
        [
            "/ky/events/",
            "/ky/events/past/",
            "/ru/events/past/",
            "/ky/events/rss/",
            "/ky/events/events.ics",
            f"/ky/events/region/{organisation.region}.ics",
            f"/ky/events/organisation/{organisation.slug}.ics",
            published.get_absolute_url().rstrip("/") + ".ics",
            "/sitemap.xml",
            "/ky/search/?q=семинар",
            "/ru/search/?q=семинар",
        ],
    )


# --- 3. an event ending 31.12.9999 --------------------------------------------------------------------


@pytest.mark.parametrize("all_day", [False, True], ids=["timed", "all-day"])
@pytest.mark.parametrize("language", LANGUAGES)
def test_3_event_ending_in_9999_is_refused_without_a_server_error(staff_client, ozgon, all_day, language):
    data = event_form(ozgon, end_0="9999-12-31", end_1="23:59:00")
    if all_day:
        data["all_day"] = "on"
    response = staff_client.post(f"/{language}/admin/events/event/add/", data)
    errors = form_errors(response)
    assert codes(errors.get("end", [])) == {"date_out_of_range"}
    assert DATE_MESSAGE[language] in page_text(response)
    assert not Event.objects.exists()


def test_3_days_between_yields_only_the_days_of_the_month_asked():
    event = Event(
        start=bishkek(2000, 1, 1, 10, 0),
        end=bishkek(2100, 12, 31, 16, 0),
        all_day=False,
    )
    days = list(event.days_between(datetime.date(2050, 2, 1), datetime.date(2050, 2, 28)))
    assert days == [datetime.date(2050, 2, 1) + datetime.timedelta(days=n) for n in range(28)]
    # And a month the event does not touch yields nothing.
    assert list(event.days_between(datetime.date(1999, 1, 1), datetime.date(1999, 1, 31))) == []


class CountingDatetime:
    """events.models' `datetime` module, counting the timedeltas it makes (one per day iterated)."""

    def __init__(self):
        self.timedeltas = 0

    def __getattr__(self, name):
        return getattr(datetime, name)

    def timedelta(self, *args, **kwargs):
        self.timedeltas += 1
        return datetime.timedelta(*args, **kwargs)


@pytest.mark.parametrize("all_day", [False, True], ids=["timed", "all-day"])
def test_3_calendar_month_with_a_century_long_event_answers_quickly(client, monkeypatch, all_day):
    events = EventFactory.create_batch(5, all_day=all_day)
    # Stored past the forms and the model, within the range the database accepts.
    Event.objects.filter(pk__in=[event.pk for event in events]).update(
        start=bishkek(1901, 1, 1, 10, 0), end=bishkek(2099, 12, 31, 16, 0)
    )
    counting = CountingDatetime()
    monkeypatch.setattr(event_models, "datetime", counting)
    response = client.get("/ky/events/calendar/2050/02/")
    assert response.status_code == 200
    # A month is at most 31 days (and a few more per event for the all-day span): not 72,000 per event.
    assert counting.timedeltas < 1000, counting.timedeltas
    assert page_text(response).count(events[0].title_ky) >= 28


# --- 4. published_at 01.01.0001 -------------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_4_page_published_in_year_one_is_a_form_error(admin_client, language):
    response = admin_client.post(f"/{language}/admin/pages/page/add/", page_form(published_at_0="0001-01-01"))
    errors = form_errors(response)
    assert codes(errors.get("published_at", [])) == {"date_out_of_range"}
    assert DATE_MESSAGE[language] in page_text(response)
    assert not Page.objects.exists()


@pytest.mark.parametrize("language", LANGUAGES)
def test_4_event_published_in_year_one_is_a_form_error(staff_client, ozgon, language):
    data = event_form(ozgon, published_at_0="0001-01-01")
    response = staff_client.post(f"/{language}/admin/events/event/add/", data)
    errors = form_errors(response)
    assert codes(errors.get("published_at", [])) == {"date_out_of_range"}
    assert DATE_MESSAGE[language] in page_text(response)
    assert not Event.objects.exists()


@pytest.mark.parametrize("language", LANGUAGES)
def test_4_report_published_in_year_one_is_a_form_error(staff_client, ozgon, language):
    report = ReportFactory(organisation=ozgon, category=CategoryFactory(), status=Report.Status.DRAFT)
    response = staff_client.post(
        f"/{language}/admin/news/report/{report.pk}/change/",
        report_post(report, published_at_0="0001-01-01"),
    )
    errors = form_errors(response)
    assert codes(errors.get("published_at", [])) == {"date_out_of_range"}
    assert DATE_MESSAGE[language] in page_text(response)
    assert Report.objects.get(pk=report.pk).published_at == report.published_at


# --- 5. control characters in an event's title ---------------------------------------------------------


@pytest.mark.parametrize(
    "control", ["\x07", "\x1b", "\x0b", "\x0c", "\x7f"], ids=["BEL", "ESC", "VT", "FF", "DEL"]
)
@pytest.mark.parametrize("language", LANGUAGES)
def test_5_event_title_with_a_control_character_is_refused(staff_client, ozgon, control, language):
    data = event_form(ozgon, **{f"title_{language}": f"Ошто{control} семинар"})
    response = staff_client.post(f"/{language}/admin/events/event/add/", data)
    errors = form_errors(response)
    assert codes(errors.get(f"title_{language}", [])) == {"control_character"}
    assert ONE_LINE_MESSAGE[language] in page_text(response)
    assert not Event.objects.exists()


CONTROL_TITLE = "Семинар\x01\x07\x08\x0b\x0c\x1b[31m\x1f\x7f\x85 в Оше"


@pytest.mark.parametrize("language", LANGUAGES)
def test_5_feeds_of_an_event_whose_title_holds_control_characters_stay_valid(client, language):
    event = EventFactory()
    # Stored past the form and the model's cleaning, as an old row or an import could be.
    Event.objects.filter(pk=event.pk).update(
        title_ky=CONTROL_TITLE, title_ru=CONTROL_TITLE, place_ky=CONTROL_TITLE, place_ru=CONTROL_TITLE
    )
    organisation = event.organisation

    rss = client.get(f"/{language}/events/rss/")
    assert rss.status_code == 200
    channel = ET.fromstring(rss.content).find("channel")  # noqa: S314 - the site's own feed
    titles = [item.findtext("title") for item in channel.findall("item")]
    assert titles == ["Семинар[31m в Оше"]

    paths = [
        f"/{language}/events/events.ics",
        f"/{language}/events/region/{organisation.region}.ics",
        f"/{language}/events/organisation/{organisation.slug}.ics",
        event.get_absolute_url().replace("/ky/", f"/{language}/").rstrip("/") + ".ics",
    ]
    for path in paths:
        response = client.get(path)
        assert response.status_code == 200, path
        no_raw_controls_in_content_lines(response.content)
        calendar = icalendar.Calendar.from_ical(response.content)
        (vevent,) = calendar.walk("VEVENT")
        assert str(vevent["SUMMARY"]) == "Семинар[31m в Оше", path
    assert client.get(event.get_absolute_url().replace("/ky/", f"/{language}/")).status_code == 200


@pytest.mark.parametrize(
    "title",
    [
        "Семинар\nX-INJECTED:1",
        "Семинар\rX-INJECTED:1",
        "Семинар\r\nBEGIN:VEVENT",
        "Семинар\u2028X-INJECTED:1",
    ],
    ids=["LF", "lone CR", "CRLF", "LINE SEPARATOR"],
)
def test_5_single_event_ics_with_a_line_break_in_the_title_keeps_the_calendar_name_on_one_line(client, title):
    event = EventFactory()
    Event.objects.filter(pk=event.pk).update(title_ky=title)
    response = client.get(event.get_absolute_url().rstrip("/") + ".ics")
    assert response.status_code == 200
    no_raw_controls_in_content_lines(response.content)
    lines = unfolded(response.content)
    names = [line for line in lines if line.startswith("X-WR-CALNAME")]
    assert len(names) == 1, names
    rest = re.split("[\r\n\u2028]+", title)[1]
    assert "Семинар" in names[0] and rest in names[0], names[0]
    assert not any(line.startswith("X-INJECTED") for line in lines)
    assert sum(line == "BEGIN:VEVENT" for line in lines) == 1
    calendar = icalendar.Calendar.from_ical(response.content)
    assert len(calendar.walk("VEVENT")) == 1
    assert "\n" not in str(calendar["X-WR-CALNAME"]) and "\r" not in str(calendar["X-WR-CALNAME"])


# --- 6. a page tree 13 levels deep --------------------------------------------------------------------------


def chain(levels, prefix):
    """`levels` pages, each the child of the one before: [depth 1, depth 2, ...]."""
    pages, parent = [], None
    for level in range(1, levels + 1):
        parent = PageFactory(parent=parent, slug_ky=f"{prefix}{level}", slug_ru=f"{prefix}-ru{level}")
        pages.append(parent)
    return pages


@pytest.mark.parametrize("language", LANGUAGES)
def test_6_a_thirteenth_level_is_refused_in_the_add_form(admin_client, client, language):
    pages = chain(12, "p")
    assert pages[-1].depth == 12
    data = page_form(treebeard_position="first-child", treebeard_ref_node=str(pages[-1].pk))
    response = admin_client.post(f"/{language}/admin/pages/page/add/", data)
    errors = form_errors(response)
    assert codes(errors.get("treebeard_ref_node", [])) == {"too_deep"}
    assert DEPTH_MESSAGE[language] in page_text(response)
    assert Page.objects.count() == 12
    assert_public_pages_answer(client, ["/sitemap.xml", "/ky/search/?q=Биз", f"/{language}/search/?q=мүчө"])


@pytest.mark.parametrize("language", LANGUAGES)
def test_6_moving_a_branch_below_level_eleven_is_refused_and_moves_nothing(admin_client, client, language):
    pages = chain(11, "p")
    branch = chain(2, "b")
    paths_before = dict(Page.objects.values_list("pk", "path"))
    urls_before = dict(Page.objects.values_list("pk", "url_path_ky"))
    response = admin_client.post(
        f"/{language}/admin/pages/page/move/",
        {"node": branch[0].pk, "target": pages[-1].pk, "relation": "child"},
    )
    assert response.status_code == 400
    assert DEPTH_MESSAGE[language] in page_text(response)
    assert dict(Page.objects.values_list("pk", "path")) == paths_before
    assert dict(Page.objects.values_list("pk", "url_path_ky")) == urls_before
    assert max(Page.objects.values_list("depth", flat=True)) == 11
    assert_public_pages_answer(client, ["/sitemap.xml", "/ky/search/?q=Биз", "/ru/search/?q=нас"])


def test_6_a_one_level_move_to_level_twelve_is_still_allowed(admin_client):
    pages = chain(11, "p")
    (leaf,) = chain(1, "b")
    response = admin_client.post(
        "/ky/admin/pages/page/move/", {"node": leaf.pk, "target": pages[-1].pk, "relation": "child"}
    )
    assert response.status_code in (200, 302)
    assert Page.objects.get(pk=leaf.pk).depth == 12


# --- 7. links a browser reads as another site's ---------------------------------------------------

FOREIGN_PATHS = ["/\\evil.example/", "/\t/evil.example/", "/\n/evil.example/", "//evil.example"]
FOREIGN_IDS = ["backslash", "tab", "newline", "two slashes"]


def refused_link_message(link, language):
    """A line break is refused first as one (LineField), the rest as a link that leaves the site."""
    return ONE_LINE_MESSAGE[language] if "\n" in link else LINK_MESSAGE[language]


@pytest.mark.parametrize("link", FOREIGN_PATHS, ids=FOREIGN_IDS)
@pytest.mark.parametrize("language", LANGUAGES)
def test_7_announcement_link_to_another_site_disguised_as_a_path_is_refused(admin_client, link, language):
    data = home_form(**{f"link_{language}": link})
    response = admin_client.post(f"/{language}/admin/siteconfig/homepage/", data)
    errors = announcement_errors(response)
    assert f"link_{language}" in errors
    assert refused_link_message(link, language) in page_text(response)
    assert not Announcement.objects.exists()


@pytest.mark.parametrize("link", FOREIGN_PATHS, ids=FOREIGN_IDS)
@pytest.mark.parametrize("language", LANGUAGES)
def test_7_menu_address_to_another_site_disguised_as_a_path_is_refused(admin_client, link, language):
    response = admin_client.post(f"/{language}/admin/pages/menuitem/add/", menu_form(url=link))
    errors = form_errors(response)
    assert "url" in errors
    assert refused_link_message(link, language) in page_text(response)
    assert not MenuItem.objects.filter(section="").exists()  # only the sections' entries of the migration


NETWORKS = {
    "facebook_url": ("facebook.com", "Facebook"),
    "instagram_url": ("instagram.com", "Instagram"),
    "telegram_url": ("t.me", "Telegram"),
    "whatsapp_url": ("wa.me", "WhatsApp"),
    "youtube_url": ("youtube.com", "YouTube"),
}


@pytest.mark.parametrize("field", NETWORKS)
@pytest.mark.parametrize("language", LANGUAGES)
def test_7_social_link_that_a_browser_reads_as_another_host_is_refused(admin_client, field, language):
    host, service = NETWORKS[field]
    link = f"https://evil.example\\@{host}/"
    response = admin_client.post(
        f"/{language}/admin/siteconfig/sitesettings/", settings_form(**{field: link})
    )
    errors = form_errors(response)
    assert codes(errors.get(field, [])) == {"wrong_service"}
    assert NETWORK_MESSAGE[language] % service in page_text(response)
    assert getattr(SiteSettings.get_solo(), field) == ""


@pytest.mark.parametrize("field", ["map_url", "registration_url"])
@pytest.mark.parametrize("language", LANGUAGES)
def test_7_event_link_with_a_user_name_and_password_is_refused(staff_client, ozgon, field, language):
    data = event_form(ozgon, **{field: "https://user:pw@x.kg/"})
    response = staff_client.post(f"/{language}/admin/events/event/add/", data)
    errors = form_errors(response)
    assert codes(errors.get(field, [])) == {"bad_link"}
    assert WEB_LINK_MESSAGE[language] in page_text(response)
    assert not Event.objects.exists()


# --- 8. a line break in the site's short name ---------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_8_short_name_with_a_line_break_is_refused_in_the_admin(admin_client, language):
    data = settings_form(**{f"short_name_{language}": "Профсоюз\nBcc: victim@evil.example"})
    response = admin_client.post(f"/{language}/admin/siteconfig/sitesettings/", data)
    errors = form_errors(response)
    assert codes(errors.get(f"short_name_{language}", [])) == {"control_character"}
    assert ONE_LINE_MESSAGE[language] in page_text(response)
    assert "Bcc" not in getattr(SiteSettings.get_solo(), f"short_name_{language}")


@pytest.fixture
def broken_short_name(settings):
    """A short name with a header injection in it, stored past the form and the model."""
    settings.STAFF_NOTIFICATION_EMAILS = ["office@example.kg"]
    settings.DEFAULT_FROM_EMAIL = "site@union.test"
    SiteSettings.get_solo()
    SiteSettings.objects.update(
        short_name_ky="Профсоюз\r\nBcc: victim@evil.example",
        short_name_ru="Профсоюз\nBcc: victim@evil.example",
    )
    loading.bump_version()


def assert_clean_headers(message):
    headers = message.message()
    for name in ("From", "Subject", "To"):
        # Unfolded as a mail reader does (the library folds long encoded headers at CRLF + space).
        raw = re.sub("\r?\n[ \t]", " ", str(headers[name]))
        decoded = str(make_header(decode_header(raw)))
        assert not re.search("[\r\n]", raw + decoded), (name, raw, decoded)
    assert "Bcc" not in headers
    assert not message.bcc
    assert message.recipients() == ["office@example.kg"]
    assert message.from_email.endswith("<site@union.test>")


def test_8_faq_question_mails_staff_with_a_clean_from_header(client, mailoutbox, broken_short_name):
    response = client.post(
        "/ky/faq/ask/",
        {"text": "Мектеп өргүүнү толук төлөбөй жатат.", "name": "", "contact": "", "website": ""},
    )
    assert response.status_code == 302
    assert IncomingQuestion.objects.count() == 1
    assert len(mailoutbox) == 1
    assert_clean_headers(mailoutbox[0])


def test_8_inbox_submission_mails_staff_with_a_clean_from_header(client, mailoutbox, broken_short_name):
    data = {
        "name": "Айгүл Асанова",
        "workplace_type": "",
        "workplace_name": "",
        "region": "",
        "phone": "0555 123 456",
        "email": "",
        "message": "Сайтта байланыш жок.",
        "consent": "on",
        "website": "",
    }
    response = client.post("/ky/write-to-us/", data)
    assert response.status_code == 302
    assert Submission.objects.count() == 1
    assert len(mailoutbox) == 1
    assert_clean_headers(mailoutbox[0])


@pytest.mark.parametrize("language", LANGUAGES)
def test_8_a_mail_the_server_refuses_is_listed_on_the_admin_desk(
    admin_client, client, monkeypatch, broken_short_name, language
):
    def refuse(self, *args, **kwargs):
        raise ConnectionRefusedError("relay access denied")

    monkeypatch.setattr("django.core.mail.EmailMessage.send", refuse)
    response = client.post(
        "/ky/faq/ask/",
        {"text": "Мектеп өргүүнү толук төлөбөй жатат.", "name": "", "contact": "", "website": ""},
    )
    assert response.status_code == 302
    assert IncomingQuestion.objects.count() == 1
    failure = UndeliveredMail.objects.get()
    assert "relay access denied" in failure.reason
    desk = admin_client.get(f"/{language}/admin/")
    assert desk.status_code == 200
    text = page_text(desk)
    assert UNDELIVERED_SECTION[language] in text
    assert "relay access denied" in text


# --- 9. a migration meeting a row outside the range -----------------------------------------------


def store_out_of_range(model, field, value, **filters):
    """Write `value` past the CHECK constraint (dropped for this test's transaction on PostgreSQL)."""
    if connection.vendor == "postgresql":
        name = f"{model._meta.app_label}_{model._meta.model_name}_{field}_in_range"
        with connection.cursor() as cursor:
            # The rows just made have deferred foreign-key checks pending; ALTER TABLE waits for none.
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            cursor.execute(f'ALTER TABLE "{model._meta.db_table}" DROP CONSTRAINT "{name}"')
        model.objects.filter(**filters).update(**{field: value})
    else:
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA ignore_check_constraints = ON")
            try:
                model.objects.filter(**filters).update(**{field: value})
            finally:
                cursor.execute("PRAGMA ignore_check_constraints = OFF")


@pytest.mark.parametrize(
    ("model", "field", "value"),
    [
        (Announcement, "starts_at", datetime.datetime(1, 1, 1, tzinfo=UTC)),
        (Announcement, "ends_at", datetime.datetime(9999, 12, 31, tzinfo=UTC)),
        (Event, "end", datetime.datetime(9999, 12, 31, tzinfo=UTC)),
    ],
)
def test_9_the_migration_step_stops_naming_the_row_outside_the_range(model, field, value):
    if model is Announcement:
        inside, outside = AnnouncementFactory(), AnnouncementFactory()
    else:
        inside, outside = EventFactory(), EventFactory()
    store_out_of_range(model, field, value, pk=outside.pk)
    label, name = model._meta.app_label, model.__name__
    fields_checked = [f.name for f in model._meta.concrete_fields if isinstance(f, fields.DateTimeField)]
    assert fields.dates_out_of_range(model, fields_checked) == [(outside.pk, field)]

    step = fields.require_dates_in_range(label, name, *fields_checked)
    with pytest.raises(RuntimeError) as raised:
        step.code(apps, None)
    message = str(raised.value)
    assert f"{label}.{name} id={outside.pk} ({field})" in message
    assert f"id={inside.pk} " not in message
    assert "1900-01-01 to 2100-12-31" in message


def test_9_the_migration_step_passes_when_every_row_is_inside_the_range():
    AnnouncementFactory(starts_at=timezone.make_aware(datetime.datetime(1900, 1, 1)))
    AnnouncementFactory(ends_at=timezone.make_aware(datetime.datetime(2100, 12, 31, 23, 59)))
    step = fields.require_dates_in_range("siteconfig", "Announcement", "starts_at", "ends_at")
    step.code(apps, None)
