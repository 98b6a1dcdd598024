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


# --- news --------------------------------------------------------------------------------------

import io  # noqa: E402

from django.core.files.uploadedfile import SimpleUploadedFile  # noqa: E402
from django.utils import timezone  # noqa: E402
from PIL import Image  # noqa: E402

from news.models import Category, Report, ReportPhoto  # noqa: E402


def image_upload(name="photo.jpg", size=(64, 48), color=(30, 90, 160), image_format="JPEG"):
    """A small real image as an uploaded file."""
    buffer = io.BytesIO()
    Image.new("RGB", size, color).save(buffer, format=image_format)
    content_type = {"JPEG": "image/jpeg", "PNG": "image/png"}.get(image_format, "application/octet-stream")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type=content_type)


class CategoryFactory(DjangoModelFactory):
    class Meta:
        model = Category
        django_get_or_create = ("slug",)

    name_ky = factory.Sequence(lambda n: f"Иш-чаралар {n}")
    name_ru = factory.Sequence(lambda n: f"Мероприятия {n}")
    slug = factory.Sequence(lambda n: f"category-{n}")


class ReportFactory(DjangoModelFactory):
    """A published report in both languages, published an hour ago; pass cover=image_upload()."""

    class Meta:
        model = Report

    title_ky = factory.Sequence(lambda n: f"Райондук семинар {n}")
    title_ru = factory.Sequence(lambda n: f"Районный семинар {n}")
    slug = factory.Sequence(lambda n: f"report-{n}")
    lead_ky = "Семинар мектепте өттү."
    lead_ru = "Семинар прошёл в школе."
    body_ky = "<p>Катышуучулар тажрыйба алмашышты.</p>"
    body_ru = "<p>Участники обменялись опытом.</p>"
    status = Report.Status.PUBLISHED
    published_at = factory.LazyFunction(lambda: timezone.now() - timezone.timedelta(hours=1))
    organisation = factory.SubFactory(OrganisationFactory)
    category = factory.SubFactory(CategoryFactory)
    prepared_by_name_ky = "А. Асанова"
    prepared_by_name_ru = "А. Асанова"
    prepared_by_position_ky = "райкомдун төрайымы"
    prepared_by_position_ru = "председатель райкома"


class ReportPhotoFactory(DjangoModelFactory):
    class Meta:
        model = ReportPhoto

    report = factory.SubFactory(ReportFactory)
    image = factory.LazyFunction(image_upload)
    caption_ky = factory.Sequence(lambda n: f"Сүрөт {n}")
    caption_ru = factory.Sequence(lambda n: f"Фото {n}")
    alt_text_ky = "Катышуучулар залда"
    alt_text_ru = "Участники в зале"
    order = factory.Sequence(int)


# --- documents ---------------------------------------------------------------------------------

from django.core.files.base import ContentFile  # noqa: E402

from documents.files import make_pdf  # noqa: E402
from documents.models import Document, DocumentFile, DocumentType  # noqa: E402


class DocumentTypeFactory(DjangoModelFactory):
    class Meta:
        model = DocumentType
        django_get_or_create = ("slug",)

    name_ky = factory.Sequence(lambda n: f"Документтин түрү {n}")
    name_ru = factory.Sequence(lambda n: f"Тип документа {n}")
    slug = factory.Sequence(lambda n: f"document-type-{n}")
    order = factory.Sequence(int)


class DocumentFactory(DjangoModelFactory):
    class Meta:
        model = Document

    title_ky = factory.Sequence(lambda n: f"Жамааттык келишим {n}")
    title_ru = factory.Sequence(lambda n: f"Коллективный договор {n}")
    slug = factory.Sequence(lambda n: f"document-{n}")
    document_type = factory.SubFactory(DocumentTypeFactory)
    number = factory.Sequence(lambda n: f"{n}-К")
    status = Document.Status.PUBLISHED


class DocumentFileFactory(DjangoModelFactory):
    """A real small PDF holding the document's title (pass file=ContentFile(...) for another format)."""

    class Meta:
        model = DocumentFile

    document = factory.SubFactory(DocumentFactory)
    language = "ky"
    file = factory.LazyAttribute(
        lambda o: ContentFile(make_pdf(o.document.title_ky or o.document.title_ru or "Doc"), name="f.pdf")
    )
