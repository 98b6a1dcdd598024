"""Factories for the FAQ app's models."""

import factory
from factory.django import DjangoModelFactory

from faq.models import IncomingQuestion, LegalReference, Question, Topic


class TopicFactory(DjangoModelFactory):
    class Meta:
        model = Topic

    name_ky = factory.Sequence(lambda n: f"Тема {n}")
    name_ru = factory.Sequence(lambda n: f"Тема ru {n}")
    slug = factory.Sequence(lambda n: f"topic-{n}")
    order = factory.Sequence(lambda n: n)


class QuestionFactory(DjangoModelFactory):
    class Meta:
        model = Question

    topic = factory.SubFactory(TopicFactory)
    question_ky = factory.Sequence(lambda n: f"Суроо {n}?")
    question_ru = factory.Sequence(lambda n: f"Вопрос {n}?")
    slug = factory.Sequence(lambda n: f"question-{n}")
    answer_ky = "<p>Жооп.</p>"
    answer_ru = "<p>Ответ.</p>"
    order = factory.Sequence(lambda n: n)
    is_published = True


class LegalReferenceFactory(DjangoModelFactory):
    class Meta:
        model = LegalReference

    question = factory.SubFactory(QuestionFactory)
    act_ky = "Кыргыз Республикасынын Эмгек кодекси"
    act_ru = "Трудовой кодекс Кыргызской Республики"
    article_ky = "194-берене"
    article_ru = "статья 194"


class IncomingQuestionFactory(DjangoModelFactory):
    class Meta:
        model = IncomingQuestion

    text = factory.Sequence(lambda n: f"Иш берүүчү өргүү бербей жатат {n}")
    language = "ky"
