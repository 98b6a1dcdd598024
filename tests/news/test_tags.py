import pytest
from django.template import Context, Template

from news.models import Report
from tests.news.factories import ReportFactory

pytestmark = pytest.mark.django_db


def render(template, **context):
    return Template("{% load news_tags %}" + template).render(Context(context))


def test_organisation_block_lists_reports_of_the_organisation_and_below(
    oblast, district, school, naryn, django_assert_num_queries
):
    ReportFactory(title_ky="Облустун отчёту", organisation=oblast)
    ReportFactory(title_ky="Мектептин отчёту", organisation=school)
    ReportFactory(title_ky="Нарындын отчёту", organisation=naryn)
    ReportFactory(title_ky="Райондун долбоору", organisation=district, status=Report.Status.DRAFT)
    with django_assert_num_queries(1):
        html = render("{% organisation_reports organisation %}", organisation=district)
    assert "Мектептин отчёту" in html
    assert "Облустун отчёту" not in html
    assert "Нарындын отчёту" not in html
    assert "Райондун долбоору" not in html
    assert 'href="/ky/news/?organisation=ozgon-district"' in html


def test_organisation_block_says_when_there_is_nothing(naryn):
    assert "Бул уюмдан азырынча кабарлар жок." in render("{% organisation_reports o %}", o=naryn)


@pytest.mark.parametrize(("language", "text"), [("ky", "Мектептин отчёту"), ("ru", "Отчёт школы")])
def test_organisation_page_shows_the_latest_reports(client, district, school, language, text):
    ReportFactory(title_ky="Мектептин отчёту", title_ru="Отчёт школы", organisation=school)
    response = client.get(f"/{language}/structure/{district.slug}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert text in html
    assert 'id="organisation-reports-title"' in html
