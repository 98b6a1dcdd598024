"""Factories shared by the test suite. Each app appends its own section; keep sections apart."""

import factory
from factory.django import DjangoModelFactory

from structure.models import GoverningBody, GoverningBodyMember, Organisation, OrganisationKind, Region

# --- structure ---------------------------------------------------------------------------------


class OrganisationFactory(DjangoModelFactory):
    """Builds a root organisation; pass parent=<Organisation> to build a child in the tree."""

    class Meta:
        model = Organisation

    kind = OrganisationKind.DISTRICT
    region = Region.OSH
    name_ky = factory.Sequence(lambda n: f"Райондук комитет {n}")
    name_ru = factory.Sequence(lambda n: f"Районный комитет {n}")
    slug = factory.Sequence(lambda n: f"organisation-{n}")

    @classmethod
    def _create(cls, model_class, *args, parent=None, **kwargs):
        if parent is None:
            return model_class.objects.add_root(create_kwargs=kwargs)
        # Re-read the parent: an earlier add_child changed its numchild in the database.
        return model_class.objects.add_child(model_class.objects.get(pk=parent.pk), create_kwargs=kwargs)


class GoverningBodyFactory(DjangoModelFactory):
    class Meta:
        model = GoverningBody

    organisation = factory.SubFactory(OrganisationFactory, kind=OrganisationKind.CENTRAL, region="")
    kind = GoverningBody.Kind.PRESIDIUM
    name_ky = "Президиум"
    name_ru = "Президиум"


class GoverningBodyMemberFactory(DjangoModelFactory):
    class Meta:
        model = GoverningBodyMember

    body = factory.SubFactory(GoverningBodyFactory)
    name_ky = factory.Sequence(lambda n: f"Мүчө {n}")
    name_ru = factory.Sequence(lambda n: f"Член {n}")


# --- faq ---------------------------------------------------------------------------------------

from faq.models import IncomingQuestion, LegalReference, Question, Topic  # noqa: E402


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
