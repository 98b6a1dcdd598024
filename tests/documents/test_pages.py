import datetime
import html

import pytest
from django.core.files.base import ContentFile
from django.template import Context, Template
from django.utils import translation

from documents.files import make_docx
from tests.documents.factories import DocumentFactory, DocumentFileFactory, DocumentTypeFactory
from tests.structure.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def text(response):
    return html.unescape(response.content.decode())


@pytest.fixture
def agreement_type():
    return DocumentTypeFactory(slug="agreement", name_ky="Келишим", name_ru="Соглашение")


@pytest.fixture
def booklet_type():
    return DocumentTypeFactory(slug="booklet", name_ky="Буклет", name_ru="Буклет")


@pytest.fixture
def template_type():
    return DocumentTypeFactory(
        slug="collective-agreement-template",
        name_ky="Жамааттык келишимдин үлгүсү",
        name_ru="Типовой коллективный договор",
    )


@pytest.fixture
def agreement(agreement_type):
    document = DocumentFactory(
        slug="labour-inspection-2022",
        document_type=agreement_type,
        title_ky="Эмгек инспекциясы боюнча келишим",
        title_ru="Соглашение по инспекции труда",
        number="12/22",
        date_signed=datetime.date(2022, 6, 8),
        valid_from=datetime.date(2022, 7, 1),
        valid_until=datetime.date(2099, 6, 30),
        parties_ky="Федерация\nЭмгек министрлиги",
        parties_ru="Федерация\nМинистерство труда",
    )
    DocumentFileFactory(document=document, language="ky")
    DocumentFileFactory(document=document, language="ru")
    return document


@pytest.fixture
def booklet(booklet_type):
    document = DocumentFactory(
        slug="booklet-rights",
        document_type=booklet_type,
        title_ky="Мугалимдин укуктары",
        title_ru=None,
        number="",
        date_signed=datetime.date(2023, 9, 1),
    )
    DocumentFileFactory(document=document, language="ky")
    return document


# --- the library list ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "heading", "title", "type_name"),
    [
        ("ky", "Документтер", "Эмгек инспекциясы боюнча келишим", "Келишим"),
        ("ru", "Документы", "Соглашение по инспекции труда", "Соглашение"),
    ],
)
def test_library_lists_published_documents_in_the_visitors_language(
    client, agreement, language, heading, title, type_name
):
    DocumentFactory(title_ky="Жашыруун долбоор", title_ru="Секретный черновик", status="draft")
    response = client.get(f"/{language}/documents/")
    assert response.status_code == 200
    page = text(response)
    assert f"<h1>{heading}</h1>" in page
    assert title in page
    assert type_name in page
    assert "№ 12/22" in page
    assert "Жашыруун долбоор" not in page
    assert "Секретный черновик" not in page
    assert f'href="/{language}/documents/labour-inspection-2022/download/ru/"' in page


def test_library_shows_the_file_format_and_size(client, agreement):
    agreement.files.filter(language="ru").update(size=2_621_440)
    page = text(client.get("/ru/documents/"))
    assert "Русский: PDF, 2,5\xa0МБ" in page


def test_library_filters_by_type(client, agreement, booklet):
    page = text(client.get("/ky/documents/?type=booklet"))
    assert "Мугалимдин укуктары" in page
    assert "Эмгек инспекциясы боюнча келишим" not in page


def test_library_filters_by_year(client, agreement, booklet):
    page = text(client.get("/ru/documents/?year=2022"))
    assert "Соглашение по инспекции труда" in page
    assert "Мугалимдин укуктары" not in page
    assert '<option value="2022" selected>2022</option>' in page


def test_library_filters_by_file_language(client, agreement, booklet):
    page = text(client.get("/ru/documents/?language=ru"))
    assert "Соглашение по инспекции труда" in page
    assert "Мугалимдин укуктары" not in page


def test_library_searches_titles_in_both_languages_and_numbers(client, agreement, booklet):
    by_russian_title = text(client.get("/ky/documents/?q=инспекции"))
    assert "Эмгек инспекциясы боюнча келишим" in by_russian_title
    assert "Мугалимдин укуктары" not in by_russian_title
    by_number = text(client.get("/ru/documents/?q=12/22"))
    assert "Соглашение по инспекции труда" in by_number
    assert "Мугалимдин укуктары" not in by_number


def test_library_says_when_nothing_matches(client, agreement):
    page = text(client.get("/ru/documents/?q=несуществующий"))
    assert "Нет документов по этим фильтрам" in page
    assert "Сбросить фильтры" in page


@pytest.mark.parametrize(
    "query",
    [
        "?year=abc",
        "?year=99999999999999999999",
        "?type=%00",
        "?type=<script>",
        "?language=en",
        "?page=abc",
        "?page=-1",
        "?page=999",
        "?q=" + "x" * 500,
        "?q=%00%ff",
        "?year=2022&year=abc&type=",
    ],
)
def test_bad_query_strings_never_break_the_library(client, agreement, query):
    response = client.get(f"/ky/documents/{query}")
    assert response.status_code == 200
    assert "<script>" not in response.content.decode().split("<main", 1)[1]


def test_a_bad_filter_value_is_reported_and_the_good_ones_still_apply(client, agreement, booklet):
    page = text(client.get("/ru/documents/?type=booklet&year=abc"))
    assert "Мугалимдин укуктары" in page
    assert "Соглашение по инспекции труда" not in page
    assert 'class="errorlist"' in page


def test_library_is_paginated_and_keeps_the_filters(client, agreement_type):
    DocumentFactory.create_batch(25, document_type=agreement_type, date_signed=datetime.date(2021, 1, 1))
    page = text(client.get("/ru/documents/?type=agreement"))
    assert "Найдено 25 документов" in page
    assert page.count('class="document-item"') == 20
    assert 'href="?type=agreement&page=2"' in page
    second = text(client.get("/ru/documents/?type=agreement&page=2"))
    assert second.count('class="document-item"') == 5


def test_library_marks_expired_agreements_without_hiding_them(client, agreement_type):
    DocumentFactory(
        document_type=agreement_type,
        title_ru="Отраслевое соглашение 2019–2021",
        valid_until=datetime.date(2021, 12, 31),
    )
    page = text(client.get("/ru/documents/"))
    assert "Отраслевое соглашение 2019–2021" in page
    assert "Срок истёк" in page


def test_library_query_count_does_not_grow_with_documents(
    client, django_assert_max_num_queries, agreement_type, booklet_type
):
    organisation = OrganisationFactory()
    for index in range(30):
        document = DocumentFactory(
            document_type=agreement_type if index % 2 else booklet_type,
            organisation=organisation,
            date_signed=datetime.date(2000 + index % 10, 1, 1),
        )
        DocumentFileFactory(document=document, language="ky")
        DocumentFileFactory(document=document, language="ru")
    with django_assert_max_num_queries(6):
        response = client.get("/ky/documents/?language=ru&q=келишим")
    assert response.status_code == 200
    assert text(response).count('class="document-item"') == 20


# --- the detail page ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "ky",
            [
                "Эмгек инспекциясы боюнча келишим",
                "Номери",
                "12/22",
                "Тараптар",
                "Федерация<br>Эмгек министрлиги",
                "Кыргызча жүктөп алуу",
                "Орусча жүктөп алуу",
            ],
        ),
        (
            "ru",
            [
                "Соглашение по инспекции труда",
                "Номер",
                "Стороны",
                "Федерация<br>Министерство труда",
                "Скачать на кыргызском",
                "Скачать на русском",
            ],
        ),
    ],
)
def test_detail_shows_the_metadata_and_a_button_per_language(client, agreement, language, expected):
    response = client.get(f"/{language}/documents/labour-inspection-2022/")
    assert response.status_code == 200
    page = text(response)
    for fragment in expected:
        assert fragment in page
    assert '<time datetime="2022-06-08">' in page
    assert page.count('class="button download-button"') == 2
    assert "Срок истёк" not in page


def test_detail_button_shows_format_and_size_with_a_translated_unit(client, agreement_type):
    document = DocumentFactory(slug="big", document_type=agreement_type)
    DocumentFileFactory(document=document, language="ru")
    document.files.update(size=1_258_291)
    assert "PDF, 1,2\xa0МБ" in text(client.get("/ru/documents/big/"))
    assert "PDF, 1,2\xa0МБ" in text(client.get("/ky/documents/big/"))


def test_detail_says_when_the_file_is_only_in_the_other_language(client, booklet):
    russian = text(client.get("/ru/documents/booklet-rights/"))
    assert "Только на кыргызском языке" in russian
    assert 'href="/ru/documents/booklet-rights/download/ky/"' in russian
    assert "Скачать на русском" not in russian
    kyrgyz = text(client.get("/ky/documents/booklet-rights/"))
    assert "Кыргыз тилинде гана" not in kyrgyz
    assert "Орус тилинде гана" not in kyrgyz


def test_detail_marks_the_russian_fallback_title(client, booklet):
    page = text(client.get("/ru/documents/booklet-rights/"))
    assert '<h1 lang="ky">Мугалимдин укуктары</h1>' in page


def test_detail_marks_an_expired_agreement(client, agreement_type):
    DocumentFactory(slug="old", document_type=agreement_type, valid_until=datetime.date(2021, 12, 31))
    page = text(client.get("/ru/documents/old/"))
    assert "Срок истёк" in page
    assert "Срок действия этого соглашения истёк 31 декабря 2021 г." in page


def test_detail_links_the_issuing_organisation(client, agreement_type):
    organisation = OrganisationFactory(name_ky="Ош облустук комитети", name_ru="Ошский обком", slug="osh-ok")
    DocumentFactory(slug="osh-doc", document_type=agreement_type, organisation=organisation)
    page = text(client.get("/ru/documents/osh-doc/"))
    assert "Ошский обком" in page
    assert 'href="/ru/structure/osh-ok/"' in page


@pytest.mark.parametrize("slug", ["no-such-document", "hidden"])
def test_unknown_or_unpublished_document_is_404(client, agreement_type, slug):
    DocumentFactory(slug="hidden", document_type=agreement_type, status="draft")
    assert client.get(f"/ky/documents/{slug}/").status_code == 404


def test_detail_query_count_is_fixed(client, django_assert_max_num_queries, agreement):
    with django_assert_max_num_queries(6):
        response = client.get("/ru/documents/labour-inspection-2022/")
    assert response.status_code == 200


def test_detail_shows_a_docx_file_as_docx(client, agreement_type):
    document = DocumentFactory(slug="form", document_type=agreement_type)
    DocumentFileFactory(document=document, language="ky", file=ContentFile(make_docx("Арыз"), name="a.docx"))
    assert "DOCX, " in text(client.get("/ky/documents/form/"))


# --- home block ---------------------------------------------------------------------------------


def test_home_lists_key_documents_with_the_model_collective_agreement_first(
    client, agreement_type, template_type
):
    DocumentFactory(document_type=agreement_type, title_ru="Ключевое соглашение", is_key=True, order=0)
    DocumentFactory(
        document_type=template_type, title_ru="Типовой коллективный договор", is_key=True, order=5
    )
    DocumentFactory(document_type=agreement_type, title_ru="Не ключевой", is_key=False)
    page = text(client.get("/ru/"))
    assert "Ключевые документы" in page
    assert "Не ключевой" not in page
    assert page.index("Типовой коллективный договор") < page.index("Ключевое соглашение")


def test_home_block_takes_one_query(django_assert_num_queries, template_type):
    DocumentFactory.create_batch(4, document_type=template_type, is_key=True)
    with translation.override("ky"), django_assert_num_queries(1):
        rendered = Template("{% load documents_tags %}{% key_documents %}").render(Context())
    assert rendered.count("<li>") == 4
