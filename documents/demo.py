"""Demo content for the document library. Idempotent: a second run creates and rewrites nothing.

Names and numbers are invented. Files are generated here (small PDF and DOCX), each holding the
document's title; a file already stored is left alone.
"""

import datetime

from django.core.files.base import ContentFile

from documents.files import make_docx, make_pdf
from documents.models import Document, DocumentFile, DocumentType
from editorial import services
from structure.models import Organisation

TYPES = [
    ("collective-agreement-template", "Жамааттык келишимдин үлгүсү", "Типовой коллективный договор", 10),
    ("agreement", "Келишим", "Соглашение", 20),
    ("charter", "Устав", "Устав", 30),
    ("booklet", "Буклет", "Буклет", 40),
    ("law", "Мыйзам же ченемдик акт", "Закон или нормативный акт", 50),
    ("report", "Баяндама", "Отчёт", 60),
    ("membership-form", "Мүчөлүккө арыз формасы", "Форма заявления о вступлении", 70),
    ("newspaper", "Гезиттин саны", "Выпуск газеты", 80),
]

# Organisations are looked up by the slugs structure/demo.py creates (from its example CSV); if
# one is absent, the document is simply left without an issuing organisation.
CENTRAL = "central-committee"
OSH_OBLAST = "osh-oblast-committee"

DOCUMENTS = [
    {
        "slug": "model-collective-agreement",
        "type": "collective-agreement-template",
        "title_ky": "Калыптык жамааттык келишим",
        "title_ru": "Типовой коллективный договор",
        "description_ky": "<p>Билим берүү уюмунун жетекчилиги менен баштапкы профсоюз уюмунун ортосундагы "
        "жамааттык келишимдин үлгүсү. Өз мекемеңиздин шартына ылайыкташтырып толтуруңуз.</p>",
        "description_ru": "<p>Образец коллективного договора между руководством образовательной "
        "организации и первичной профсоюзной организацией. Заполните его под условия своего учреждения.</p>",
        "number": "ТКД-2024",
        "date_signed": datetime.date(2024, 2, 15),
        "organisation": CENTRAL,
        "is_key": True,
        "order": 0,
        "files": {"ky": "docx", "ru": "docx"},
    },
    {
        "slug": "labour-inspection-agreement-2022",
        "type": "agreement",
        "title_ky": "Эмгек инспекциясы боюнча тармактык келишим (2022)",
        "title_ru": "Отраслевое соглашение по инспекции труда (2022)",
        "description_ky": "<p>Федерация менен Эмгек министрлигинин ортосунда билим берүү мекемелериндеги "
        "эмгекти коргоону биргелешип текшерүү тууралуу келишим.</p>",
        "description_ru": "<p>Соглашение федерации и Министерства труда о совместных проверках охраны "
        "труда в учреждениях образования.</p>",
        "number": "12/22",
        "date_signed": datetime.date(2022, 6, 8),
        "valid_from": datetime.date(2022, 7, 1),
        "valid_until": datetime.date(2027, 6, 30),
        "parties_ky": "Кыргыз Республикасынын кесиптик бирликтер федерациясы\n"
        "Кыргыз Республикасынын Эмгек, социалдык камсыздоо жана миграция министрлиги",
        "parties_ru": "Федерация профсоюзов Кыргызской Республики\n"
        "Министерство труда, социального обеспечения и миграции Кыргызской Республики",
        "organisation": CENTRAL,
        "is_key": True,
        "order": 1,
        "files": {"ky": "pdf", "ru": "pdf"},
    },
    {
        "slug": "union-charter",
        "type": "charter",
        "title_ky": "Билим берүү жана илим кызматкерлеринин кесиптик бирлигинин уставы",
        "title_ru": "Устав профсоюза работников образования и науки",
        "description_ky": "<p>VII съезд тарабынан кабыл алынган уставдын учурдагы редакциясы.</p>",
        "description_ru": "<p>Действующая редакция устава, принятая VII съездом.</p>",
        "date_signed": datetime.date(2020, 3, 3),
        "organisation": CENTRAL,
        "is_key": True,
        "order": 2,
        "files": {"ky": "pdf", "ru": "pdf"},
    },
    {
        "slug": "booklet-know-your-rights",
        "type": "booklet",
        "title_ky": "Буклет: мугалимдин эмгек укуктары",
        "title_ru": "",
        "description_ky": "<p>Иш убактысы, өргүү жана эмгек акы тууралуу кыскача маалымат.</p>",
        "description_ru": "",
        "date_signed": datetime.date(2023, 9, 1),
        "organisation": OSH_OBLAST,
        "files": {"ky": "pdf"},
    },
    {
        "slug": "law-on-trade-unions",
        "type": "law",
        "title_ky": "«Кесиптик бирликтер жөнүндө» Мыйзам",
        "title_ru": "Закон «О профессиональных союзах»",
        "description_ky": "<p>Кесиптик бирликтердин укуктары жана кепилдиктери (маалымат үчүн көчүрмө).</p>",
        "description_ru": "<p>Права и гарантии профессиональных союзов (копия для сведения).</p>",
        "number": "130",
        "date_signed": datetime.date(2003, 10, 16),
        "files": {"ru": "pdf"},
    },
    {
        "slug": "membership-application-form",
        "type": "membership-form",
        "title_ky": "Кесиптик бирликке мүчө болуу тууралуу арыз",
        "title_ru": "Заявление о вступлении в профсоюз",
        "description_ky": "<p>Толтуруп, баштапкы уюмдун төрагасына тапшырыңыз.</p>",
        "description_ru": "<p>Заполните и передайте председателю первичной организации.</p>",
        "date_signed": datetime.date(2024, 1, 10),
        "organisation": CENTRAL,
        "is_key": True,
        "order": 3,
        "files": {"ky": "docx", "ru": "docx"},
    },
    {
        "slug": "newspaper-2024-03",
        "type": "newspaper",
        "title_ky": "«Билим жана эмгек» гезити, 2024-жыл, № 3",
        "title_ru": "Газета «Билим жана эмгек», 2024 год, № 3",
        "description_ky": "<p>Санда: райондук семинарлар, жаш мугалимдер мектеби, юристтин жооптору.</p>",
        "description_ru": "",
        "number": "3 (118)",
        "date_signed": datetime.date(2024, 3, 20),
        "files": {"ky": "pdf"},
    },
    {
        "slug": "sector-agreement-2019-2021",
        "type": "agreement",
        "title_ky": "Билим берүү тармагындагы тармактык келишим, 2019–2021",
        "title_ru": "Отраслевое соглашение в сфере образования на 2019–2021 годы",
        "description_ky": "<p>Мөөнөтү бүткөн келишим, маалымат үчүн сакталат.</p>",
        "description_ru": "<p>Соглашение, срок которого истёк; хранится для справки.</p>",
        "number": "4/19",
        "date_signed": datetime.date(2019, 1, 25),
        "valid_from": datetime.date(2019, 1, 1),
        "valid_until": datetime.date(2021, 12, 31),
        "parties_ky": "Билим берүү жана илим кызматкерлеринин кесиптик бирлиги\n"
        "Кыргыз Республикасынын Билим берүү жана илим министрлиги",
        "parties_ru": "Профсоюз работников образования и науки\n"
        "Министерство образования и науки Кыргызской Республики",
        "organisation": CENTRAL,
        "files": {"ru": "pdf"},
    },
    {
        "slug": "annual-report-2023",
        "type": "report",
        "title_ky": "",
        "title_ru": "Отчёт о работе Центрального комитета за 2023 год",
        "description_ky": "",
        "description_ru": "<p>Итоги года: численность, обучение профактива, правовая помощь.</p>",
        "date_signed": datetime.date(2024, 2, 28),
        "organisation": CENTRAL,
        "files": {"ru": "docx"},
    },
]

MAKERS = {"pdf": make_pdf, "docx": make_docx}


def _organisation(slug):
    return Organisation.objects.filter(slug=slug).first() if slug else None


def _ensure_file(document, language, file_format):
    """Create the file once; a stored file is kept as it is (a missing one is written again)."""
    existing = DocumentFile.objects.filter(document=document, language=language).first()
    if existing and existing.file and existing.file.storage.exists(existing.file.name):
        return False
    title = getattr(document, f"title_{language}") or document.title_ky or document.title_ru
    kind = "Demo document" if file_format == "pdf" else "Демо-документ"
    content = MAKERS[file_format](title, [kind, document.number or ""])
    document_file = existing or DocumentFile(document=document, language=language)
    document_file.file = ContentFile(content, name=f"{document.slug}.{file_format}")
    document_file.save()
    return True


def load(stdout):
    types = {}
    for slug, name_ky, name_ru, order in TYPES:
        types[slug], _ = DocumentType.objects.update_or_create(
            slug=slug, defaults={"name_ky": name_ky, "name_ru": name_ru, "order": order}
        )
    created = files = 0
    for data in DOCUMENTS:
        data = dict(data)
        file_formats = data.pop("files")
        slug = data.pop("slug")
        data["document_type"] = types[data.pop("type")]
        data["organisation"] = _organisation(data.pop("organisation", None))
        data["title_ky"] = data["title_ky"] or None
        data["title_ru"] = data["title_ru"] or None
        document, was_created = Document.objects.update_or_create(slug=slug, defaults=data)
        created += was_created
        for language, file_format in file_formats.items():
            files += _ensure_file(document, language, file_format)
        services.publish(document, services.SYSTEM)
    stdout.write(f"documents: {created} documents and {files} files created, {len(DOCUMENTS)} in all")
