import pytest

from tests.documents.factories import DocumentFactory
from tests.faq.factories import QuestionFactory
from tests.news.factories import ReportFactory
from tests.structure.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def test_sitemap_lists_public_pages_in_both_languages_with_alternates(client):
    report = ReportFactory(slug="ozgon-seminar")
    draft = ReportFactory(slug="secret-draft", status="draft")
    question = QuestionFactory()
    document = DocumentFactory()
    organisation = OrganisationFactory(slug="osh-oblast")
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    xml = response.content.decode()
    for obj in (report, question, document, organisation):
        path = obj.get_absolute_url()
        assert path.startswith("/ky/")
        assert f"<loc>http://testserver{path}</loc>" in xml
        assert f"<loc>http://testserver/ru/{path[4:]}</loc>" in xml
    assert 'hreflang="ru"' in xml and 'hreflang="x-default"' in xml
    assert "secret-draft" not in xml and draft.pk
    assert "<loc>http://testserver/ky/news/</loc>" in xml


def test_robots_txt_points_to_the_sitemap_and_keeps_the_admin_out(client):
    text = client.get("/robots.txt").content.decode()
    assert "Sitemap: http://testserver/sitemap.xml" in text
    assert "Disallow: /ky/admin/" in text


@pytest.mark.parametrize("language", ["ky", "ru"])
def test_every_page_has_canonical_and_opengraph(client, language):
    page = client.get(f"/{language}/search/", {"q": "x"}).content.decode()
    assert f'<link rel="canonical" href="http://testserver/{language}/search/">' in page
    assert '<meta property="og:title"' in page
    assert f'<meta property="og:url" content="http://testserver/{language}/search/">' in page
    assert '<meta property="og:site_name"' in page


def test_a_report_has_one_set_of_opengraph_tags_of_its_own(client):
    report = ReportFactory(title_ru="Съезд профсоюза", lead_ru="Делегаты избрали президиум.")
    page = client.get(report.get_absolute_url().replace("/ky/", "/ru/", 1)).content.decode()
    assert page.count('property="og:title"') == 1
    assert '<meta property="og:title" content="Съезд профсоюза">' in page
    assert page.count('rel="canonical"') == 1
    assert page.count('property="og:image"') == 1


def test_detail_pages_name_themselves_in_opengraph(client):
    question = QuestionFactory(question_ru="Можно ли отказать в отпуске?")
    page = client.get(question.get_absolute_url().replace("/ky/", "/ru/", 1)).content.decode()
    assert '<meta property="og:title" content="Можно ли отказать в отпуске?">' in page


def test_sitemap_leaves_out_topics_without_published_questions(client):
    from tests.faq.factories import TopicFactory

    empty = TopicFactory(slug="empty-topic")
    QuestionFactory(topic=TopicFactory(slug="full-topic"))
    xml = client.get("/sitemap.xml").content.decode()
    assert "full-topic" in xml
    assert empty.slug not in xml
