"""Cards cached as fragments: a page rendered after an edit reuses the cards that did not change.

The page cache is off here (every request renders the page), so what stays the same between
requests comes from the fragment cache. Changes made with queryset.update() bypass both the
signals and updated_at: a card still showing the old text after one was served from the cache.
"""

import pytest

from documents.models import Document
from faq.models import Question
from news.models import Category, Report
from structure.models import Organisation
from tests.documents.factories import DocumentFactory
from tests.faq.factories import LegalReferenceFactory, QuestionFactory
from tests.news.factories import ReportFactory
from unionsite import pagecache

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _pages_not_cached(settings):
    settings.PAGE_CACHE_SECONDS = 0


def test_an_unchanged_card_comes_from_the_cache_and_a_saved_report_renders_its_own_card_again(client):
    first = ReportFactory(title_ky="Биринчи кабар")
    second = ReportFactory(title_ky="Экинчи кабар")
    assert "Биринчи кабар" in client.get("/ky/news/").content.decode()
    Report.objects.filter(pk=first.pk).update(title_ky="Жашыруун өзгөртүү")
    second.title_ky = "Экинчи кабар, оңдолгон"
    second.save()

    html = client.get("/ky/news/").content.decode()
    assert "Биринчи кабар" in html  # its card came from the cache
    assert "Экинчи кабар, оңдолгон" in html  # the saved one was rendered again


def test_each_language_has_its_own_cards(client):
    ReportFactory(title_ky="Нарындагы семинар", title_ru="Семинар в Нарыне")
    assert "Нарындагы семинар" in client.get("/ky/news/").content.decode()
    russian = client.get("/ru/news/").content.decode()
    assert "Семинар в Нарыне" in russian
    assert "Нарындагы семинар" not in russian


def test_renaming_the_organisation_or_the_category_renders_the_cards_again(client):
    report = ReportFactory()
    client.get("/ky/news/")
    organisation = Organisation.objects.get(pk=report.organisation_id)
    organisation.name_ky = "Жаңы аталыштагы комитет"
    organisation.save()
    assert "Жаңы аталыштагы комитет" in client.get("/ky/news/").content.decode()
    category = Category.objects.get(pk=report.category_id)
    category.name_ky = "Жаңы категория"
    category.save()
    assert "Жаңы категория" in client.get("/ky/news/").content.decode()


def test_an_explicit_bump_after_a_bulk_change_renders_the_cards_again(client):
    report = ReportFactory(title_ky="Эски аталыш")
    client.get("/ky/news/")
    Report.objects.filter(pk=report.pk).update(title_ky="Жаңы аталыш")
    assert "Эски аталыш" in client.get("/ky/news/").content.decode()
    pagecache.bump_generation()
    assert "Жаңы аталыш" in client.get("/ky/news/").content.decode()


def test_an_editors_post_keeps_the_cards(client):
    report = ReportFactory(title_ky="Эски аталыш")
    client.get("/ky/news/")
    Report.objects.filter(pk=report.pk).update(title_ky="Жаңы аталыш")
    epoch = pagecache.fragment_epoch()
    pagecache.bump_after_change(fragments=False)
    assert pagecache.fragment_epoch() == epoch
    assert "Эски аталыш" in client.get("/ky/news/").content.decode()


def test_document_items_are_cached_and_a_saved_document_renders_again(client):
    document = DocumentFactory(title_ky="Жамааттык келишим 2026")
    assert "Жамааттык келишим 2026" in client.get("/ky/documents/").content.decode()
    Document.objects.filter(pk=document.pk).update(title_ky="Жашыруун")
    assert "Жамааттык келишим 2026" in client.get("/ky/documents/").content.decode()
    document.refresh_from_db()
    document.save()
    assert "Жашыруун" in client.get("/ky/documents/").content.decode()


def test_faq_answers_are_cached_and_a_new_legal_reference_shows(client):
    question = QuestionFactory(question_ky="Эмгек өргүүсү канча күн?")
    topic_url = question.topic.get_absolute_url()
    assert "Эмгек өргүүсү канча күн?" in client.get(topic_url).content.decode()
    Question.objects.filter(pk=question.pk).update(question_ky="Жашыруун")
    assert "Эмгек өргүүсү канча күн?" in client.get(topic_url).content.decode()
    LegalReferenceFactory(question=Question.objects.get(pk=question.pk), article_ky="777-берене")
    html = client.get(topic_url).content.decode()
    assert "777-берене" in html


def test_the_faq_index_at_volume_caches_each_topics_links_and_shows_a_new_question(client, monkeypatch):
    monkeypatch.setattr("faq.views.INDEX_INLINE_ANSWERS", 0)
    question = QuestionFactory(question_ky="Эмгек өргүүсү канча күн?")
    assert "Эмгек өргүүсү канча күн?" in client.get("/ky/faq/").content.decode()
    Question.objects.filter(pk=question.pk).update(question_ky="Жашыруун")
    assert "Эмгек өргүүсү канча күн?" in client.get("/ky/faq/").content.decode()
    QuestionFactory(topic=question.topic, question_ky="Жаңы суроо?")
    html = client.get("/ky/faq/").content.decode()
    assert "Жаңы суроо?" in html
    assert "Жашыруун" in html
