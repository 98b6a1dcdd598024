import io

import pytest
from django.core.management import call_command
from django.db import transaction
from django.db.models import Q
from django.test.utils import override_settings

from faq import demo
from faq.models import LegalReference, Question, Topic
from tests.faq.factories import QuestionFactory, TopicFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("language", "count"), [("ky", "2 суроо"), ("ru", "2 вопроса")])
def test_home_page_lists_faq_topics_with_their_question_counts(client, language, count):
    topic = TopicFactory(name_ky="Өргүү", name_ru="Отпуск")
    QuestionFactory.create_batch(2, topic=topic)
    QuestionFactory(topic=topic, is_published=False)
    TopicFactory(name_ky="Бош тема", name_ru="Пустая тема")
    page = client.get(f"/{language}/").content.decode()
    assert f'href="/{language}/faq/{topic.slug}/"' in page
    assert count in page
    assert "Бош тема" not in page and "Пустая тема" not in page


def test_home_faq_block_takes_one_query(django_assert_num_queries):
    from faq.templatetags.faq_tags import faq_topics

    for topic in TopicFactory.create_batch(5):
        QuestionFactory.create_batch(3, topic=topic)
    with django_assert_num_queries(1):
        context = faq_topics()
    assert [topic.question_count for topic in context["topics"]] == [3] * 5


def test_demo_content_loads_twice_without_duplicates():
    call_command("load_demo", stdout=io.StringIO())
    counts = (Topic.objects.count(), Question.objects.count(), LegalReference.objects.count())
    call_command("load_demo", stdout=io.StringIO())
    assert (Topic.objects.count(), Question.objects.count(), LegalReference.objects.count()) == counts
    assert counts[0] >= 4 and counts[1] >= 15
    assert Question.objects.published().count() == counts[1]
    # Some answers are in Kyrgyz only, to show the fallback.
    assert Question.objects.filter(Q(answer_ru="") | Q(answer_ru__isnull=True)).exists()
    assert LegalReference.objects.filter(document__isnull=False).exists()


def test_demo_content_works_without_the_document_library(monkeypatch):
    monkeypatch.setattr(demo, "find_documents", lambda slugs: {})
    demo.load(io.StringIO())
    assert Question.objects.count() >= 15
    assert not LegalReference.objects.filter(document__isnull=False).exists()


@pytest.fixture(scope="class")
def demo_content(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo content, loaded once for the tests of a class in a transaction rolled back after
    them (as tests/search/test_judged_set.py does): `load_demo` costs 10 s of CPU or more."""
    media = tmp_path_factory.mktemp("demo-media")
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=media), transaction.atomic():
        call_command("load_demo", stdout=io.StringIO())
        yield
        transaction.set_rollback(True)


class TestDemoPages:
    @pytest.mark.parametrize("language", ["ky", "ru"])
    def test_demo_pages_render(self, demo_content, client, language):
        question = Question.objects.published().select_related("topic").first()
        for url in [f"/{language}/faq/", question.topic.get_absolute_url(), question.get_absolute_url()]:
            assert client.get(url.replace("/ky/", f"/{language}/")).status_code == 200
