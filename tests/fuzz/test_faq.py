"""The FAQ: topics, questions with their legal references, and incoming questions (staff only)."""

from hypothesis import given
from hypothesis import strategies as st

from faq.models import IncomingQuestion, Question, Topic
from tests.documents.factories import DocumentFactory
from tests.faq.factories import IncomingQuestionFactory, QuestionFactory, TopicFactory
from tests.fuzz.harness import AdminFormFuzz, both_languages


def question_outputs(question, site):
    topic = question.topic
    for url in both_languages(lambda language: question.get_absolute_url()):
        site.page(url)
        site.page(f"{url}?print=1")
    for url in both_languages(lambda language: topic.get_absolute_url()):
        site.page(url)
        site.page(f"{url}?print=1")
        site.page(f"{url}sheet/")
    for language in ("ky", "ru"):
        site.page(f"/{language}/")
        site.page(f"/{language}/faq/")
        site.search(language, question.question_ky or question.question_ru)
        site.search(language, question.question_ky or question.question_ru, path="faq/search/")
    site.xml("/sitemap.xml")


class TopicAdminFuzz(AdminFormFuzz):
    url = "/ky/admin/faq/topic/add/"

    def model(self):
        return Topic

    def outputs(self, topic, site):
        question_outputs(QuestionFactory(topic=topic, slug="fz-question"), site)

    @given(data=st.data())
    def test_add_topic(self, data):
        self.fuzz(data)


class QuestionAdminFuzz(AdminFormFuzz):
    url = "/ky/admin/faq/question/add/"
    inline_counts = {"legal_references": 2}

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        TopicFactory(slug="base-leave")
        DocumentFactory(slug="base-labour-code")

    def model(self):
        return Question

    def outputs(self, question, site):
        question_outputs(question, site)

    @given(data=st.data())
    def test_add_question_with_legal_references(self, data):
        self.fuzz(data)


class IncomingQuestionAdminFuzz(AdminFormFuzz):
    """Staff only: no page shows it. The change form (status, notes, FAQ entry) must not fail."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.incoming = IncomingQuestionFactory()
        QuestionFactory(slug="base-question")

    def setUp(self):
        super().setUp()
        self.url = f"/ky/admin/faq/incomingquestion/{self.incoming.pk}/change/"

    def model(self):
        return IncomingQuestion

    def outputs(self, incoming, site):
        site.page("/ky/faq/")

    @given(data=st.data())
    def test_change_incoming_question(self, data):
        self.fuzz(data)
