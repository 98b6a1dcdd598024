"""The home page as staff set it: announcements on time, introduction, featured items, blocks."""

import json
import re
from datetime import timedelta
from unittest import mock

import pytest
from django.utils import timezone

from news.models import Report
from siteconfig.home import block_templates
from tests.documents.factories import DocumentFactory
from tests.faq.factories import QuestionFactory
from tests.news.factories import ReportFactory
from tests.siteconfig.conftest import from_cache
from tests.siteconfig.factories import (
    AnnouncementFactory,
    FeaturedItemFactory,
    HomeBlockFactory,
    home_page,
    site_settings,
)
from unionsite import registry

pytestmark = pytest.mark.django_db

BLOCK_HEADINGS = {
    "news": 'id="latest-reports-title"',
    "documents": 'id="home-documents-heading"',
    "faq": 'id="home-faq-heading"',
    "structure": 'id="structure-home-title"',
}


def at(moment):
    """Run as if it were `moment`, for the content and for the page cache's clock."""
    return mock.patch.multiple("django.utils.timezone", now=mock.Mock(return_value=moment)), mock.patch(
        "unionsite.pagecache.time.time", return_value=moment.timestamp()
    )


def get_at(client, path, moment):
    first, second = at(moment)
    with first, second:
        return client.get(path)


# Announcements


def test_an_announcement_shows_only_between_its_start_and_end_even_on_a_cached_page(client):
    now = timezone.now()
    start, end = now + timedelta(hours=2), now + timedelta(hours=4)
    AnnouncementFactory(text_ky="Пленум 5-декабрда", starts_at=start, ends_at=end)

    before = client.get("/ky/")
    assert "Пленум 5-декабрда" not in before.content.decode()
    assert from_cache(client.get("/ky/"))

    during = get_at(client, "/ky/", start + timedelta(minutes=1))
    assert not from_cache(during)
    assert "Пленум 5-декабрда" in during.content.decode()
    assert from_cache(get_at(client, "/ky/", start + timedelta(minutes=2)))

    after = get_at(client, "/ky/", end + timedelta(minutes=1))
    assert not from_cache(after)
    assert "Пленум 5-декабрда" not in after.content.decode()


def test_an_announcement_with_a_link_and_in_one_language_only(client):
    AnnouncementFactory(text_ky="Съезд жөнүндө", text_ru="", link_ky="/ky/news/", link_ru="", ends_at=None)
    kyrgyz = client.get("/ky/").content.decode()
    assert '<a href="/ky/news/">Съезд жөнүндө</a>' in kyrgyz
    russian = client.get("/ru/").content.decode()
    assert '<a href="/ky/news/" lang="ky">Съезд жөнүндө</a>' in russian


def test_an_ended_announcement_is_not_shown(client):
    AnnouncementFactory(
        text_ky="Эски кабар",
        starts_at=timezone.now() - timedelta(days=3),
        ends_at=timezone.now() - timedelta(days=1),
    )
    assert "Эски кабар" not in client.get("/ky/").content.decode()


# Introduction


@pytest.mark.parametrize(
    ("language", "motto"), [("ky", "Биздин күч – бирдикте!"), ("ru", "Наша сила – в единстве!")]
)
def test_the_introduction_and_motto_show_in_both_languages(client, language, motto):
    home_page(
        introduction_ky="<p>Биз мугалимдердин укуктарын коргойбуз.</p><script>alert(1)</script>",
        introduction_ru="",
        motto_ky="Биздин күч – бирдикте!",
        motto_ru="Наша сила – в единстве!",
    )
    text = client.get(f"/{language}/").content.decode()
    assert f'<p class="home-motto">{motto}</p>' in text
    assert "Биз мугалимдердин укуктарын коргойбуз." in text
    assert "<script>alert" not in text
    if language == "ru":
        assert '<div class="home-intro-text" lang="ky">' in text


def test_without_anything_chosen_the_home_page_has_a_default_introduction_and_no_extra_sections(client):
    text = client.get("/ky/").content.decode()
    # The default introduction and the call to join stand in for the staff's own words.
    intro = text.split('<section class="home-intro"', 1)[1].split("</section>", 1)[0]
    assert '<div class="home-intro-text home-intro-default"><p>' in intro
    assert '<a class="button home-join-link" href="/ky/join/">' in intro
    assert 'class="home-motto"' not in intro
    assert 'class="home-featured"' not in text
    assert 'class="announcement"' not in text


@pytest.mark.parametrize("language", ["ky", "ru"])
def test_the_call_to_join_follows_the_staff_introduction(client, language):
    home_page(**{f"introduction_{language}": "<p>Биз бирге күчтүүбүз.</p>"})
    text = client.get(f"/{language}/").content.decode()
    intro = text.split('<section class="home-intro"', 1)[1].split("</section>", 1)[0]
    assert "Биз бирге күчтүүбүз." in intro
    assert "home-intro-default" not in intro
    assert f'<a class="button home-join-link" href="/{language}/join/">' in intro


# Featured items


@pytest.fixture
def featured():
    report = ReportFactory(
        title_ky="Нарындагы семинар", title_ru="Семинар в Нарыне", lead_ky="Семинар өттү.", lead_ru=""
    )
    question = QuestionFactory(question_ky="Өргүү канча күн?", question_ru="Сколько дней отпуск?")
    document = DocumentFactory(title_ky="Жамааттык келишим", title_ru="Коллективный договор")
    FeaturedItemFactory(target=question, position=1)
    FeaturedItemFactory(target=report, position=2)
    FeaturedItemFactory(target=document, position=3)
    return report, question, document


def featured_section(response):
    text = response.content.decode()
    start = text.index('class="home-featured"')
    return text[start : text.index("</section>", start)]


def test_featured_items_show_in_staffs_order_with_their_links(client, featured):
    _report, _question, _document = featured
    part = featured_section(client.get("/ru/"))
    titles = re.findall(r'<h3 class="card-title"><a href="([^"]+)"[^>]*>([^<]+)</a>', part)
    assert [title for _url, title in titles] == [
        "Сколько дней отпуск?",
        "Семинар в Нарыне",
        "Коллективный договор",
    ]
    assert titles[0][0].startswith("/ru/")
    assert "Семинар өттү." in part  # the Kyrgyz lead, for want of a Russian one
    assert '<p lang="ky">Семинар өттү.</p>' in part


@pytest.mark.parametrize(("language", "place"), [("ky", "Ош шаары, №5 мектеп"), ("ru", "г. Ош, школа № 5")])
def test_an_event_is_featured_with_its_dates_and_place(client, language, place):
    from tests.events.factories import EventFactory

    event = EventFactory(title_ky="Облустук семинар", title_ru="Областной семинар")
    FeaturedItemFactory(target=event, position=1)
    part = featured_section(client.get(f"/{language}/"))
    assert {"ky": "Облустук семинар", "ru": "Областной семинар"}[language] in part
    local_start = timezone.localtime(event.start)
    assert f'<time datetime="{local_start.strftime("%Y-%m-%dT%H:%M")}' in part
    assert place in part


def test_an_unpublished_featured_item_is_hidden(client, featured):
    report, _question, _document = featured
    report.status = Report.Status.DRAFT
    report.save()
    part = featured_section(client.get("/ky/"))
    assert "Нарындагы семинар" not in part
    assert "Өргүү канча күн?" in part


def test_a_scheduled_featured_report_is_hidden_until_its_time(client):
    later = timezone.now() + timedelta(hours=1)
    FeaturedItemFactory(target=ReportFactory(title_ky="Келечектеги отчёт", published_at=later))
    assert "Келечектеги отчёт" not in client.get("/ky/").content.decode()
    assert "Келечектеги отчёт" in get_at(client, "/ky/", later + timedelta(minutes=1)).content.decode()


def test_a_deleted_featured_target_is_simply_gone(client, featured):
    _report, question, _document = featured
    question.legal_references.all().delete()
    question.delete()
    assert "Өргүү канча күн?" not in client.get("/ky/").content.decode()


def test_featured_items_cost_one_query_per_kind_whatever_their_number(client, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def count():
        from django.core.cache import cache

        cache.clear()
        with CaptureQueriesContext(connection) as queries:
            client.get("/ky/")
        return len(queries)

    FeaturedItemFactory(target=ReportFactory())
    FeaturedItemFactory(target=QuestionFactory())
    few = count()
    for _ in range(5):
        FeaturedItemFactory(target=ReportFactory())
        FeaturedItemFactory(target=QuestionFactory())
    assert count() == few


# Blocks


def block_order(response):
    text = response.content.decode()
    found = {app: text.find(marker) for app, marker in BLOCK_HEADINGS.items()}
    return [app for app, place in sorted(found.items(), key=lambda item: item[1]) if place >= 0]


def test_with_no_block_chosen_the_order_is_the_registrys():
    assert block_templates([]) == registry.home_block_templates()


@pytest.fixture
def every_block():
    """Content for each app's block: a report, a key document, an FAQ topic, an oblast committee."""
    from structure.models import OrganisationKind
    from tests.structure.factories import OrganisationFactory

    ReportFactory()
    DocumentFactory(is_key=True)
    QuestionFactory()
    OrganisationFactory(kind=OrganisationKind.OBLAST)


def test_staff_reorder_and_hide_blocks(client, every_block):
    default = block_order(client.get("/ky/"))
    assert set(default) == set(BLOCK_HEADINGS)
    HomeBlockFactory(app_label="structure", position=1)
    HomeBlockFactory(app_label="documents", is_visible=False)
    order = block_order(client.get("/ky/"))
    assert order[0] == "structure"
    assert "documents" not in order
    assert [app for app in order if app != "structure"] == [
        app for app in default if app not in ("structure", "documents")
    ]


# JSON-LD


def test_the_home_page_describes_the_organisation_in_json_ld(client):
    site_settings(
        full_name_ru="Профсоюз работников образования",
        short_name_ru="Профсоюз",
        address_ru="720001, г. Бишкек,\nулица Токтогула 1",
        phones="+996 312 11-22-33\n+996 555 44-55-66",
        emails="info@union.test",
        youtube_url="https://www.youtube.com/@union",
        facebook_url="https://www.facebook.com/union",
    )
    text = client.get("/ru/").content.decode()
    raw = re.search(r'<script type="application/ld\+json">(.*?)</script>', text, re.S).group(1)
    data = json.loads(raw)
    assert data["@type"] == "Organization"
    assert data["name"] == "Профсоюз работников образования"
    assert data["alternateName"] == "Профсоюз"
    assert data["address"]["streetAddress"] == "720001, г. Бишкек, улица Токтогула 1"
    assert data["telephone"] == ["+996312112233", "+996555445566"]
    assert data["email"] == "info@union.test"
    assert data["sameAs"] == ["https://www.facebook.com/union", "https://www.youtube.com/@union"]
    assert data["url"] == "http://testserver/ru/"
    assert data["logo"].startswith("http://testserver/static/")


# Query budget


def queries_for(client, path):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200
    return len(queries), response.content.decode()


def test_home_page_with_every_block_filled_stays_within_its_query_budget(client, every_block):
    """What staff's choices add to the home page, measured against the same page with none."""
    from django.core.cache import cache

    cache.clear()
    plain, _text = queries_for(client, "/ky/")

    home_page(introduction_ky="<p>Миссия.</p>", motto_ky="Биздин күч – бирдикте!")
    AnnouncementFactory()
    for _ in range(4):
        FeaturedItemFactory(target=ReportFactory())
        FeaturedItemFactory(target=QuestionFactory())
        FeaturedItemFactory(target=DocumentFactory(is_key=True))
    HomeBlockFactory(app_label="faq", position=1)
    HomeBlockFactory(app_label="news", position=2)

    cache.clear()
    cold, text = queries_for(client, "/ky/")
    assert "Миссия." in text and 'class="announcement"' in text
    assert text.count('class="card featured-card"') == 12
    assert all(marker in text for marker in BLOCK_HEADINGS.values())
    # Cold caches: the four kinds of home page rows were read with the page anyway (the settings
    # and the announcements' schedule too), and each kind of featured content costs one.
    assert cold - plain <= 3

    # The rows come from the shared cache while nothing changes: only the featured content is read.
    from unionsite import pagecache

    pagecache.bump_generation()  # as a report's save would: the page is rendered again
    warm, _text = queries_for(client, "/ky/")
    assert warm <= cold - 5  # no settings, no home page rows
    # And once the page itself is cached, nothing at all.
    again, _text = queries_for(client, "/ky/")
    assert again == 0
