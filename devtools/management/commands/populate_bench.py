"""Fill the benchmark database with a realistic volume of content in both languages.

    manage.py populate_bench                      # var/bench/bench.sqlite3
    manage.py populate_bench --database-url postgres://postgres@127.0.0.1:5432/unionsite_bench

The database is migrated, emptied and filled: by default 2,000 organisations (a tree: the central
committee, nine regional committees, district and city committees, institutions and primary
organisations), 10,000 reports (most with a cover, a third with a gallery), 2,000 documents with
small files, 500 FAQ entries. Texts are drawn from invented Kyrgyz and Russian sentences, with a
share of items in one language only. Rows go in with bulk_create, organisations with paths
computed as treebeard would (`Organisation._get_path`); the pictures are a handful of generated
images whose renditions are made once and shared by every row, as are the document files.
"""

import random
import time
from datetime import date, timedelta

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import connection, transaction
from django.utils import timezone

from devtools.benchdb import bench_database_url, use_bench_database
from documents.files import make_pdf
from documents.models import Document, DocumentFile, DocumentType
from editorial import services
from faq.models import LegalReference, Question, Topic
from news.demo import draw_picture
from news.models import Category, Report, ReportPhoto
from structure.models import GoverningBody, GoverningBodyMember, Organisation, OrganisationKind, Region
from unionsite.pagecache import bump_generation
from unionsite.renditions import COVER_ALIASES, PHOTO_ALIASES, make_renditions

BATCH = 1000
PICTURES = 6

# Invented vocabulary: (Kyrgyz, Russian) pairs that make plausible union news and answers.
SUBJECTS = [
    ("Баштапкы уюмдун төрагалары", "Председатели первичных организаций"),
    ("Райондук комитеттин мүчөлөрү", "Члены районного комитета"),
    ("Жаш мугалимдер", "Молодые учителя"),
    ("Мектептердин директорлору", "Директора школ"),
    ("Колледждин окутуучулары", "Преподаватели колледжа"),
    ("Облустук комитеттин кызматкерлери", "Сотрудники областного комитета"),
    ("Укук боюнча инспекторлор", "Правовые инспекторы"),
    ("Бала бакчалардын тарбиячылары", "Воспитатели детских садов"),
]
ACTIONS = [
    ("семинарга катышышты", "приняли участие в семинаре"),
    ("жамааттык келишимдин долбоорун талкуулашты", "обсудили проект коллективного договора"),
    ("эмгек акы маселесин карашты", "рассмотрели вопрос оплаты труда"),
    ("эмгекти коргоо боюнча тренинг өткөрүштү", "провели тренинг по охране труда"),
    ("пленумдун чечимдерин бекитишти", "утвердили решения пленума"),
    ("ардагер мугалимдерди куттукташты", "поздравили ветеранов педагогического труда"),
    ("жаштар кеңешин шайлашты", "избрали совет молодёжи"),
    ("социалдык өнөктөштүк жөнүндө сүйлөшүштү", "поговорили о социальном партнёрстве"),
    ("спорттук мелдеш уюштурушту", "организовали спортивные соревнования"),
    ("окуу жылынын жыйынтыгын чыгарышты", "подвели итоги учебного года"),
]
PLACES = [
    ("Ош шаарында", "в Оше"),
    ("Бишкекте", "в Бишкеке"),
    ("Нарында", "в Нарыне"),
    ("Каракол шаарында", "в Караколе"),
    ("Талас облусунда", "в Таласской области"),
    ("Жалал-Абадда", "в Джалал-Абаде"),
    ("Баткен районунда", "в Баткенском районе"),
    ("Чүй өрөөнүндө", "в Чуйской долине"),
    ("Өзгөн районунда", "в Узгенском районе"),
]
DETAILS = [
    ("Катышуучулар сунуштарын жазып беришти.", "Участники записали свои предложения."),
    ("Кийинки жыйын күзүндө өтөт.", "Следующая встреча пройдёт осенью."),
    ("Уюм мүчөлөрүнө материалдык жардам көрсөтүлдү.", "Членам организации оказана материальная помощь."),
    ("Жыйынга он беш мектептин өкүлдөрү келишти.", "На встречу пришли представители пятнадцати школ."),
    ("Эмгек кодексинин жаңы беренелери түшүндүрүлдү.", "Разъяснены новые статьи Трудового кодекса."),
    ("Методикалык колдонмолор таратылды.", "Раздали методические пособия."),
    ("Профсоюздук билет алуу тартиби айтылды.", "Рассказали о порядке получения профсоюзного билета."),
    ("Ардак грамоталар тапшырылды.", "Вручены почётные грамоты."),
]
LATIN = [
    "seminar", "plenum", "training", "meeting", "agreement", "youth", "teachers", "school",
    "college", "congress", "forum", "sports", "veterans", "wages", "safety", "contest",
]  # fmt: skip
SURNAMES = ["Асанова", "Токтогулов", "Иманалиева", "Бекназаров", "Осмонова", "Жумабеков", "Сыдыкова"]
REGIONS = [
    (Region.BISHKEK, OrganisationKind.CITY, "Бишкек шаардык комитети", "Бишкекский городской комитет"),
    (Region.OSH_CITY, OrganisationKind.CITY, "Ош шаардык комитети", "Ошский городской комитет"),
    (Region.BATKEN, OrganisationKind.OBLAST, "Баткен облустук комитети", "Баткенский областной комитет"),
    (Region.JALAL_ABAD, OrganisationKind.OBLAST, "Жалал-Абад облустук комитети", "Джалал-Абадский обком"),
    (Region.ISSYK_KUL, OrganisationKind.OBLAST, "Ысык-Көл облустук комитети", "Иссык-Кульский обком"),
    (Region.NARYN, OrganisationKind.OBLAST, "Нарын облустук комитети", "Нарынский областной комитет"),
    (Region.OSH, OrganisationKind.OBLAST, "Ош облустук комитети", "Ошский областной комитет"),
    (Region.TALAS, OrganisationKind.OBLAST, "Талас облустук комитети", "Таласский областной комитет"),
    (Region.CHUI, OrganisationKind.OBLAST, "Чүй облустук комитети", "Чуйский областной комитет"),
]


class Command(BaseCommand):
    help = "Fill a separate benchmark database with a realistic volume of content (see make bench)."

    def add_arguments(self, parser):
        parser.add_argument("--database-url", help="Default: BENCH_DATABASE_URL or var/bench/bench.sqlite3.")
        parser.add_argument("--reports", type=int, default=10_000)
        parser.add_argument("--documents", type=int, default=2_000)
        parser.add_argument("--faq", type=int, default=500, help="FAQ entries (questions).")
        parser.add_argument("--organisations", type=int, default=2_000)
        parser.add_argument("--seed", type=int, default=2024)

    def handle(self, *args, **options):
        url = bench_database_url(options["database_url"])
        use_bench_database(url)
        started = time.monotonic()
        self.stdout.write(f"Bench database: {connection.vendor} {connection.settings_dict['NAME']}")
        call_command("migrate", verbosity=0, interactive=False)
        call_command("flush", verbosity=0, interactive=False)
        BenchContent(seed=options["seed"], stdout=self.stdout).fill(
            reports=options["reports"],
            documents=options["documents"],
            faq=options["faq"],
            organisations=options["organisations"],
        )
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
                # What docs/performance.md recommends for production on SSDs: without it the
                # planner prefers reading every row to the search's GIN index.
                name = connection.ops.quote_name(connection.settings_dict["NAME"])
                cursor.execute(f"ALTER DATABASE {name} SET random_page_cost = 1.1")
        self.stdout.write(f"Done in {time.monotonic() - started:.0f} s.")


class BenchContent:
    """The generator, also used by tests/performance at a smaller volume in the test database."""

    def __init__(self, seed=2024, stdout=None):
        self.random = random.Random(seed)
        self.stdout = stdout

    def fill(self, reports, documents, faq, organisations):
        with transaction.atomic():
            nodes = self.make_organisations(organisations)
            self.make_reports(reports, nodes)
            self.make_documents(documents, nodes)
            self.make_faq(faq)
            call_command("rebuild_search_index", verbosity=0)  # bulk_create sends no signal to index
        bump_generation()

    def say(self, text):
        if self.stdout is not None:
            self.stdout.write(text)
            self.stdout.flush()

    # --- texts -------------------------------------------------------------------------------

    def sentence(self, language, topic):
        """One sentence about `topic` (an index into ACTIONS): each item keeps to one subject, as a
        real report does, so a word such as "семинар" is in some texts and not in all of them."""
        index = 0 if language == "ky" else 1
        choice = self.random.choice
        subject, action, place = choice(SUBJECTS)[index], ACTIONS[topic][index], choice(PLACES)[index]
        if language == "ky":
            return f"{place} {subject[0].lower()}{subject[1:]} {action}."
        return f"{subject} {place} {action}."

    def paragraph(self, language, sentences, topic):
        index = 0 if language == "ky" else 1
        parts = [self.sentence(language, topic)]
        parts += [self.random.choice(DETAILS)[index] for _ in range(sentences)]
        return f"<p>{' '.join(parts)}</p>"

    def topic(self):
        return self.random.randrange(len(ACTIONS))

    def languages(self):
        """Both languages mostly; one in ten items only in Kyrgyz, one in twenty only in Russian."""
        roll = self.random.random()
        return ("ky",) if roll < 0.10 else ("ru",) if roll < 0.15 else ("ky", "ru")

    # --- structure ---------------------------------------------------------------------------

    def make_organisations(self, total):
        get_path = Organisation._get_path
        rows = []
        central = Organisation(
            path=get_path("", 1, 1),
            depth=1,
            kind=OrganisationKind.CENTRAL,
            region="",
            name_ky="Борбордук комитет",
            name_ru="Центральный комитет",
            slug="central-committee",
            members=120,
        )
        rows.append(central)
        regions = []
        for number, (region, kind, name_ky, name_ru) in enumerate(REGIONS, start=1):
            node = Organisation(
                path=get_path(central.path, 2, number),
                depth=2,
                kind=kind,
                region=region,
                name_ky=name_ky,
                name_ru=name_ru,
                slug=f"{region}-committee",
                members=40,
                phone="+996 312 00 00 00",
            )
            regions.append(node)
        rows += regions
        remaining = max(total - len(rows), 0)
        # A fifth of the rest are district committees, the others primary organisations below them.
        district_count = max(len(regions), remaining // 25)
        districts = []
        for number in range(district_count):
            parent = regions[number % len(regions)]
            index = len([d for d in districts if d.path.startswith(parent.path)]) + 1
            districts.append(
                Organisation(
                    path=get_path(parent.path, 3, index),
                    depth=3,
                    kind=OrganisationKind.DISTRICT,
                    region=parent.region,
                    name_ky=f"{number + 1}-райондук комитет ({parent.name_ky})",
                    name_ru=f"Районный комитет № {number + 1} ({parent.name_ru})",
                    slug=f"district-committee-{number + 1}",
                    members=self.random.randint(10, 30),
                )
            )
        rows += districts
        primaries = []
        children = {}
        for number in range(remaining - len(districts)):
            parent = districts[number % len(districts)]
            index = children[parent.path] = children.get(parent.path, 0) + 1
            school = number % 7 != 0
            name_ky, name_ru = (
                (f"{number + 1}-мектептин баштапкы уюму", f"Первичная организация школы № {number + 1}")
                if school
                else (
                    f"{number + 1}-колледждин баштапкы уюму",
                    f"Первичная организация колледжа № {number + 1}",
                )
            )
            primaries.append(
                Organisation(
                    path=get_path(parent.path, 4, index),
                    depth=4,
                    kind=OrganisationKind.PRIMARY,
                    region=parent.region,
                    name_ky=name_ky,
                    name_ru=name_ru if number % 10 else "",
                    slug=f"primary-{number + 1}",
                    members=self.random.randint(8, 160),
                    leader_name_ky=f"{self.random.choice(SURNAMES)} А.",
                )
            )
        rows += primaries
        counts = {}
        for node in rows:
            parent_path = node.path[: -Organisation.steplen]
            if parent_path:
                counts[parent_path] = counts.get(parent_path, 0) + 1
        for node in rows:
            node.numchild = counts.get(node.path, 0)
            node.youth_members = node.members // 4 if node.members else None
        Organisation.objects.bulk_create(rows, batch_size=BATCH)
        body = GoverningBody.objects.create(
            organisation=Organisation.objects.get(slug="central-committee"),
            kind=GoverningBody.Kind.PRESIDIUM,
            name_ky="Президиум",
            name_ru="Президиум",
        )
        GoverningBodyMember.objects.bulk_create(
            GoverningBodyMember(
                body=body, name_ky=f"{surname} Б.", position_ky="Мүчө", position_ru="Член", order=number
            )
            for number, surname in enumerate(SURNAMES)
        )
        self.say(f"{len(rows)} organisations")
        return list(Organisation.objects.filter(depth__gte=3).only("pk"))

    # --- news --------------------------------------------------------------------------------

    def pictures(self, folder, aliases):
        """A handful of generated pictures, stored once, with their renditions made once."""
        made = []
        for number in range(PICTURES):
            name = f"bench/{folder}/picture-{number}.jpg"
            if not default_storage.exists(name):
                default_storage.save(name, ContentFile(draw_picture(f"Bench {number}", number)))
            fieldfile = Report(cover=name).cover
            made.append((name, make_renditions(fieldfile, aliases)))
        return made

    def make_reports(self, total, organisations):
        categories = Category.objects.bulk_create(
            Category(slug=slug, name_ky=ky, name_ru=ru, order=number)
            for number, (slug, ky, ru) in enumerate(
                [
                    ("events", "Иш-чаралар", "Мероприятия"),
                    ("seminars", "Семинарлар", "Семинары"),
                    ("congresses", "Съезддер жана пленумдар", "Съезды и пленумы"),
                    ("social-partnership", "Социалдык өнөктөштүк", "Социальное партнёрство"),
                    ("youth", "Жаштар менен иш", "Работа с молодёжью"),
                    ("sports", "Спорт", "Спорт"),
                ]
            )
        )
        covers = self.pictures("covers", COVER_ALIASES)
        photos = self.pictures("photos", PHOTO_ALIASES)
        now = timezone.now()
        span = timedelta(days=8 * 365).total_seconds()
        reports = []
        for number in range(total):
            languages, topic = self.languages(), self.topic()
            report = Report(
                slug=f"{self.random.choice(LATIN)}-{self.random.choice(LATIN)}-{number + 1}",
                organisation_id=self.random.choice(organisations).pk,
                category=categories[number % len(categories)],
                # Newest first by number; a handful of drafts and reports scheduled for later.
                published_at=now - timedelta(seconds=span * (number + 1) / total),
            )
            services.prepare_for_bulk_create(report, published=number % 97 != 5)
            if number % 211 == 7:
                report.published_at = now + timedelta(days=1 + number % 30)
            for language in languages:
                setattr(report, f"title_{language}", self.sentence(language, topic)[:-1])
                setattr(report, f"lead_{language}", self.sentence(language, topic))
                paragraphs = self.random.randint(2, 5)
                body = "".join(self.paragraph(language, 3, topic) for _ in range(paragraphs))
                setattr(report, f"body_{language}", body)
                setattr(report, f"prepared_by_name_{language}", f"{self.random.choice(SURNAMES)} А.")
            if number % 5:
                report.cover, report.cover_renditions = covers[number % len(covers)]
            reports.append(report)
        Report.objects.bulk_create(reports, batch_size=BATCH)
        self.say(f"{total} reports")
        gallery = []
        for report in Report.objects.only("pk").order_by("pk")[::3]:
            for order in range(3):
                name, renditions = photos[(report.pk + order) % len(photos)]
                gallery.append(
                    ReportPhoto(
                        report_id=report.pk,
                        image=name,
                        renditions=renditions,
                        order=order,
                        caption_ky="Жыйындын катышуучулары",
                        caption_ru="Участники встречи",
                    )
                )
        ReportPhoto.objects.bulk_create(gallery, batch_size=BATCH)
        self.say(f"{len(gallery)} gallery photos")

    # --- documents ---------------------------------------------------------------------------

    def make_documents(self, total, organisations):
        types = DocumentType.objects.bulk_create(
            DocumentType(slug=slug, name_ky=ky, name_ru=ru, order=number)
            for number, (slug, ky, ru) in enumerate(
                [
                    (
                        "collective-agreement-template",
                        "Үлгү жамааттык келишим",
                        "Типовой коллективный договор",
                    ),
                    ("agreements", "Келишимдер", "Соглашения"),
                    ("laws", "Мыйзамдар", "Законы"),
                    ("booklets", "Китепчелер", "Брошюры"),
                    ("forms", "Бланктар", "Бланки"),
                    ("decisions", "Токтомдор", "Постановления"),
                ]
            )
        )
        files = []
        for number in range(4):
            name = f"bench/documents/document-{number}.pdf"
            if not default_storage.exists(name):
                default_storage.save(name, ContentFile(make_pdf(f"Bench document {number}", ["Demo"])))
            files.append((name, default_storage.size(name)))
        documents = []
        for number in range(total):
            languages, topic = self.languages(), self.topic()
            document = Document(
                slug=f"document-{number + 1}",
                document_type=types[number % len(types)],
                number=f"№ {number + 1}-К",
                date_signed=date(2010, 1, 1) + timedelta(days=(number * 37) % 5400),
                is_key=number < 6,
                order=number,
                organisation_id=self.random.choice(organisations).pk if number % 3 == 0 else None,
            )
            services.prepare_for_bulk_create(document, published=number % 50 != 3)
            for language in languages:
                title = self.sentence(language, topic)[:-1]
                setattr(document, f"title_{language}", title)
                setattr(document, f"description_{language}", self.paragraph(language, 2, topic))
            if not document.title_ky:
                document.title_ky = document.title_ru
            documents.append(document)
        Document.objects.bulk_create(documents, batch_size=BATCH)
        rows = []
        for number, document in enumerate(Document.objects.only("pk").order_by("pk")):
            for language in ("ky", "ru") if number % 2 else ("ky",):
                name, size = files[(number + len(language)) % len(files)]
                rows.append(
                    DocumentFile(document=document, language=language, file=name, format="pdf", size=size)
                )
        DocumentFile.objects.bulk_create(rows, batch_size=BATCH)
        self.say(f"{total} documents, {len(rows)} files")

    # --- FAQ ---------------------------------------------------------------------------------

    def make_faq(self, total):
        topics = Topic.objects.bulk_create(
            Topic(
                slug=f"topic-{number + 1}",
                name_ky=f"{ky} ({number + 1})",
                name_ru=f"{ru} ({number + 1})",
                order=number,
            )
            for number, (ky, ru) in enumerate(
                [("Эмгек акы", "Оплата труда"), ("Өргүү", "Отпуск"), ("Ооруу баракчасы", "Больничный лист")]
                * 4
            )
        )
        questions = []
        for number in range(total):
            languages, topic = self.languages(), self.topic()
            question = Question(
                topic=topics[number % len(topics)],
                slug=f"question-{number + 1}",
                order=number,
                answer_checked_on=date.today() - timedelta(days=number % 500),
            )
            services.prepare_for_bulk_create(question, published=number % 40 != 9)
            for language in languages:
                asked = self.sentence(language, topic)[:-1]
                setattr(question, f"question_{language}", f"{asked}?")
                setattr(
                    question,
                    f"answer_{language}",
                    self.paragraph(language, 3, topic) + self.paragraph(language, 2, topic),
                )
            questions.append(question)
        Question.objects.bulk_create(questions, batch_size=BATCH)
        references = [
            LegalReference(
                question=question,
                act_ky="Кыргыз Республикасынын Эмгек кодекси",
                act_ru="Трудовой кодекс Кыргызской Республики",
                article_ky=f"{100 + number % 300}-берене",
                article_ru=f"Статья {100 + number % 300}",
                order=0,
            )
            for number, question in enumerate(Question.objects.only("pk").order_by("pk"))
        ]
        LegalReference.objects.bulk_create(references, batch_size=BATCH)
        self.say(f"{total} FAQ entries in {len(topics)} topics")
