"""Demo content for the news app: reports from the regions with generated photos.

All people, schools and events are invented. Runs after structure's demo (it uses the organisations
of structure/fixtures/organisations-example.csv by slug). Running `load` twice creates nothing
new: categories and reports are matched by slug, photos by report and order, and the pictures
(wordless scenes from news/demo_pictures.py) are drawn only when their file is not in the storage yet.
"""

from datetime import datetime, time, timedelta

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils import timezone

from editorial import services
from news.demo_pictures import draw_picture
from news.models import Category, Report, ReportPhoto
from structure.models import Organisation

CATEGORIES = [
    ("events", "Иш-чаралар", "Мероприятия"),
    ("seminars-and-trainings", "Семинарлар жана тренингдер", "Семинары и тренинги"),
    ("congresses-and-plenums", "Съезддер жана пленумдар", "Съезды и пленумы"),
    ("social-partnership", "Социалдык өнөктөштүк", "Социальное партнёрство"),
    ("youth", "Жаштар менен иш", "Работа с молодёжью"),
]

# Where the pictures go, and the scene a report's cover shows by its category (gallery photos vary).
PICTURES_DIR = "news/demo-photos"
COVER_SCENES = {
    "events": "people",
    "seminars-and-trainings": "classroom",
    "congresses-and-plenums": "hall",
    "social-partnership": "hall",
    "youth": "people",
}


def paragraphs(*texts):
    return "".join(f"<p>{text}</p>" for text in texts)


# (slug, organisation, category, date, title, lead, body, prepared_by, photos); a None text means
# the report is written in the other language only.
REPORTS = [
    {
        "slug": "uzgen-seminar-standing-commissions",
        "organisation": "uzgen-district-committee",
        "category": "seminars-and-trainings",
        "date": (2024, 4, 26),
        "title": (
            "Өзгөндө туруктуу комиссиялардын иши боюнча облустук семинар",
            "Областной семинар в Узгене о работе постоянных комиссий",
        ),
        "lead": (
            "Мектеп-гимназиянын базасында баштапкы уюмдардын төрагалары туруктуу комиссиялардын "
            "ишин кантип жандандырууну талкуулашты.",
            "На базе школы-гимназии председатели первичных организаций обсудили, как оживить работу "
            "постоянных комиссий.",
        ),
        "body": (
            paragraphs(
                "Семинарга облустук комитеттин аппарат кызматкерлери, райондук комитеттердин жана "
                "мектептердин баштапкы уюмдарынын төрагалары катышты.",
                "Катышуучулар топторго бөлүнүп, эмгекти коргоо, маданий-массалык иш жана жаштар "
                "менен иш боюнча комиссиялардын жылдык пландарын түзүштү.",
                "Семинардын аягында ар бир топ өз планын коргоп, мыкты тажрыйбалар жыйнакка киргизилди.",
            ),
            paragraphs(
                "В семинаре участвовали сотрудники аппарата областного комитета, председатели районных "
                "комитетов и первичных организаций школ.",
                "Участники разделились на группы и составили годовые планы комиссий по охране труда, "
                "культурно-массовой работе и работе с молодёжью.",
                "В конце семинара каждая группа защитила свой план, лучшие практики вошли в сборник.",
            ),
        ),
        "prepared_by": (
            ("Айзада Бекмуратова", "облустук комитеттин адиси"),
            ("Айзада Бекмуратова", "специалист обкома"),
        ),
        "photos": 4,
    },
    {
        "slug": "seventh-congress-tasks",
        "organisation": "central-committee",
        "category": "congresses-and-plenums",
        "date": (2024, 3, 3),
        "title": (
            "Кесиптик бирликтин VII съезди: алдыдагы максаттар",
            "VII съезд профсоюза: задачи на ближайшие годы",
        ),
        "lead": (
            "Делегаттар беш жылдык баяндаманы угушуп, жаштар менен иш жана мүчөлүктү көбөйтүү боюнча "
            "милдеттерди бекитишти.",
            "Делегаты заслушали отчёт за пять лет и утвердили задачи по работе с молодёжью и росту членства.",
        ),
        "body": (
            paragraphs(
                "Съездде өткөн мезгилде аткарылган иштер тууралуу баяндама жасалды: уюмдашуу деңгээли өстү, "
                "жамааттык келишимдердин саны көбөйдү.",
                "Делегаттар мугалимдердин эмгек акысын коргоо жана жаш адистерди колдоо боюнча "
                "резолюцияларды кабыл алышты.",
            ),
            paragraphs(
                "На съезде прозвучал отчёт о проделанной работе: вырос уровень организованности, "
                "увеличилось число коллективных договоров.",
                "Делегаты приняли резолюции о защите заработной платы учителей и поддержке молодых "
                "специалистов.",
            ),
        ),
        "prepared_by": (("Пресс-кызмат", ""), ("Пресс-служба", "")),
        "photos": 6,
    },
    {
        "slug": "training-for-trainers-jalal-abad-issyk-kul",
        "organisation": "jalal-abad-oblast-committee",
        "category": "seminars-and-trainings",
        "date": (2024, 1, 18),
        "title": ("Тренерлер үчүн эки күндүк тренинг", "Двухдневный тренинг для тренеров"),
        "lead": (
            "Жалал-Абад жана Ысык-Көл облустарынан келген жергиликтүү консультанттар долбоорлорду "
            "башкарууну үйрөнүштү.",
            "Местные консультанты из Джалал-Абадской и Иссык-Кульской областей учились управлять проектами.",
        ),
        "body": (
            paragraphs(
                "Биринчи күнү долбоордун баскычтары: муктаждыктарды аныктоодон баштап жыйынтыктарды "
                "баалоого чейин түшүндүрүлдү.",
                "Экинчи күнү катышуучулар өз айылдары үчүн чакан долбоорлорду даярдап, бири-бирине "
                "сунушташты.",
            ),
            paragraphs(
                "В первый день разобрали этапы проекта: от выявления потребностей до оценки результатов.",
                "Во второй день участники подготовили небольшие проекты для своих сёл и представили их "
                "друг другу.",
            ),
        ),
        "prepared_by": (("Эрмек Султанов", "тренер"), ("Эрмек Султанов", "тренер")),
        "photos": 3,
    },
    {
        "slug": "methods-office-opened-karakol",
        "organisation": "karakol-city-committee",
        "category": "events",
        "date": (2024, 11, 2),
        "title": ("Караколдо методикалык кабинет ачылды", "В Караколе открыт методический кабинет"),
        "lead": (
            "Баштапкы уюмдардын төрагалары эми бир жерден үлгү документтерди, кеңештерди жана "
            "окуу материалдарын таба алышат.",
            "Председатели первичных организаций теперь находят образцы документов, консультации и "
            "учебные материалы в одном месте.",
        ),
        "body": (
            paragraphs(
                "Кабинетти ачуудан мурун башка шаарлардын тажрыйбасы изилденип, керектүү адабияттар "
                "чогултулду.",
                "Кабинетте ар бейшемби күнү юристтин кабыл алуусу болот.",
            ),
            paragraphs(
                "Перед открытием изучили опыт других городов и собрали нужную литературу.",
                "По четвергам в кабинете принимает юрист.",
            ),
        ),
        "prepared_by": (
            ("Салтанат Иманалиева", "шаардык комитеттин төрайымы"),
            ("Салтанат Иманалиева", "председатель горкома"),
        ),
        "photos": 2,
    },
    {
        "slug": "at-bashy-young-teachers-forum",
        "organisation": "at-bashy-district-committee",
        "category": "youth",
        "date": (2024, 9, 20),
        "title": ("Ат-Башыда жаш мугалимдердин форуму", None),
        "lead": (
            "Райондун жыйырмадан ашык жаш мугалими тажрыйба алмашып, насаатчылары менен таанышты.",
            None,
        ),
        "body": (
            paragraphs(
                "Форумда жаш адистер биринчи жумуш жылында кездешкен кыйынчылыктары жөнүндө айтып беришти.",
                "Райондук комитет ар бир жаш мугалимге тажрыйбалуу насаатчы бекитүүнү сунуштады.",
            ),
            None,
        ),
        "prepared_by": (("Бактыгүл Жумалиева", "жаштар кеңешинин төрайымы"), None),
        "photos": 3,
    },
    {
        "slug": "sokuluk-collective-agreement-signed",
        "organisation": "sokuluk-district-committee",
        "category": "social-partnership",
        "date": (2025, 2, 14),
        "title": (
            "Сокулукта райондук келишимге кол коюлду",
            "В Сокулуке подписано районное соглашение",
        ),
        "lead": (
            "Билим берүү бөлүмү менен райондук комитет үч жылга социалдык өнөктөштүк жөнүндө "
            "келишим түзүштү.",
            "Отдел образования и районный комитет заключили соглашение о социальном партнёрстве на три года.",
        ),
        "body": (
            paragraphs(
                "Келишим мугалимдердин жүктөмүн адилеттүү бөлүштүрүүнү жана эмгек өргүүсүн өз "
                "убагында берүүнү камтыйт.",
            ),
            paragraphs(
                "Соглашение предусматривает справедливое распределение нагрузки учителей и "
                "своевременное предоставление отпусков.",
            ),
        ),
        "prepared_by": (
            ("Таалайбек Осмонов", "райкомдун төрагасы"),
            ("Таалайбек Осмонов", "председатель райкома"),
        ),
        "photos": 2,
    },
    {
        "slug": "bishkek-labour-safety-check",
        "organisation": "bishkek-city-committee",
        "category": "events",
        "date": (2025, 3, 12),
        "title": (None, "Проверка охраны труда в школах Бишкека"),
        "lead": (
            None,
            "Технические инспекторы профсоюза проверили двенадцать школ и детских садов столицы.",
        ),
        "body": (
            None,
            paragraphs(
                "Проверка касалась освещения классов, отопления и состояния спортивных залов.",
                "По итогам руководителям учреждений направлены представления, сроки устранения "
                "нарушений согласованы.",
            ),
        ),
        "prepared_by": (None, ("Ольга Ким", "технический инспектор труда")),
        "photos": 4,
    },
    {
        "slug": "talas-plenum-2025",
        "organisation": "talas-oblast-committee",
        "category": "congresses-and-plenums",
        "date": (2025, 4, 8),
        "title": ("Талас облустук комитетинин пленуму", "Пленум Таласского областного комитета"),
        "lead": (
            "Пленум 2024-жылдын жыйынтыктарын чыгарып, ревизиялык комиссиянын баяндамасын бекитти.",
            "Пленум подвёл итоги 2024 года и утвердил отчёт ревизионной комиссии.",
        ),
        "body": (
            paragraphs("Пленумга облустун бардык райондорунан өкүлдөр катышты."),
            paragraphs("В пленуме участвовали представители всех районов области."),
        ),
        "prepared_by": (
            ("Жылдыз Касымова", "облустук комитеттин төрайымы"),
            ("Жылдыз Касымова", "председатель обкома"),
        ),
        "photos": 2,
    },
    {
        "slug": "batken-kindergarten-teachers-seminar",
        "organisation": "batken-oblast-committee",
        "category": "seminars-and-trainings",
        "date": (2025, 5, 21),
        "title": ("Баткенде тарбиячылар үчүн семинар", None),
        "lead": (
            "Бала бакчалардын тарбиячылары эмгек укуктары жана эмгек акы боюнча суроолорун беришти.",
            None,
        ),
        "body": (
            paragraphs(
                "Семинарды облустук комитеттин юристи өткөрдү.",
                "Катышуучулар эмгек келишиминин үлгүсүн жана өргүү эсептөөнүн тартибин алышты.",
            ),
            None,
        ),
        "prepared_by": (("Нурила Абдырахманова", "юрист"), None),
        "photos": 2,
    },
    {
        "slug": "osh-city-teachers-day",
        "organisation": "osh-city-committee",
        "category": "events",
        "date": (2025, 10, 3),
        "title": ("Ош шаарында Мугалимдер күнү белгиленди", "В Оше отметили День учителя"),
        "lead": (
            "Шаардык комитет ардагер мугалимдерди куттуктап, мыкты баштапкы уюмдарды сыйлады.",
            "Городской комитет поздравил учителей-ветеранов и наградил лучшие первичные организации.",
        ),
        "body": (
            paragraphs("Салтанаттуу жыйынга үч жүздөн ашык мугалим катышты."),
            paragraphs("В торжественном собрании участвовали более трёхсот учителей."),
        ),
        "prepared_by": (
            ("Дилноза Юсупова", "шаардык комитеттин адиси"),
            ("Дилноза Юсупова", "специалист горкома"),
        ),
        "photos": 5,
    },
    {
        "slug": "pedagogical-university-students-council",
        "organisation": "pedagogical-university-committee",
        "category": "youth",
        "date": (2025, 11, 12),
        "title": (None, "В педагогическом университете избран студенческий профсовет"),
        "lead": (None, "Студенты выбрали новый состав профсоюзного совета и наметили план на год."),
        "body": (
            None,
            paragraphs(
                "В план вошли школа профсоюзного актива, юридические консультации для студентов и "
                "спортивные соревнования между факультетами.",
            ),
        ),
        "prepared_by": (None, ("Азамат Турдубаев", "председатель студенческого совета")),
        "photos": 2,
    },
    {
        "slug": "kara-suu-school-seminar",
        "organisation": "school-21-kara-suu",
        "category": "seminars-and-trainings",
        "date": (2025, 12, 5),
        "title": (
            "Кара-Суудагы №21 мектепте баштапкы уюмдун семинары",
            "Семинар первичной организации в школе № 21 Кара-Суу",
        ),
        "lead": (
            "Мектептин мугалимдери жамааттык келишимдин долбоорун талкуулашты.",
            "Учителя школы обсудили проект коллективного договора.",
        ),
        "body": (
            paragraphs("Долбоорго жыйырмадан ашык сунуш киргизилди."),
            paragraphs("В проект внесено более двадцати предложений."),
        ),
        "prepared_by": (
            ("Мирлан Ташиев", "баштапкы уюмдун төрагасы"),
            ("Мирлан Ташиев", "председатель первичной организации"),
        ),
        "photos": 3,
    },
    {
        "slug": "chui-oblast-legal-day",
        "organisation": "chui-oblast-committee",
        "category": "social-partnership",
        "date": (2026, 1, 22),
        "title": ("Чүй облусунда укуктук кеңеш берүү күнү", "День правовых консультаций в Чуйской области"),
        "lead": (
            "Юристтер бир күндө кырктан ашык мугалимге акысыз кеңеш беришти.",
            "Юристы за один день бесплатно проконсультировали более сорока учителей.",
        ),
        "body": (
            paragraphs("Көпчүлүк суроолор жүктөмдү бөлүштүрүү жана өргүү акысы жөнүндө болду."),
            paragraphs("Больше всего вопросов было о распределении нагрузки и отпускных."),
        ),
        "prepared_by": (("Гүлмира Асанова", "юрист"), ("Гульмира Асанова", "юрист")),
        "photos": 2,
    },
    {
        "slug": "naryn-plenum-scheduled",
        "organisation": "naryn-oblast-committee",
        "category": "congresses-and-plenums",
        "date": "future",
        "title": ("Нарын облустук комитетинин кезектеги пленуму", "Очередной пленум Нарынского обкома"),
        "lead": ("Пленумдун жыйынтыктары ушул жерде жарыяланат.", "Итоги пленума будут опубликованы здесь."),
        "body": (paragraphs("Пленумдун күн тартиби."), paragraphs("Повестка пленума.")),
        "prepared_by": (("Пресс-кызмат", ""), ("Пресс-служба", "")),
        "photos": 1,
    },
    {
        "slug": "alamudun-draft-report",
        "organisation": "alamudun-district-committee",
        "category": "events",
        "date": (2026, 2, 1),
        "status": Report.Status.DRAFT,
        "title": ("Аламүдүн: баяндама даярдалууда", "Аламедин: отчёт готовится"),
        "lead": ("Долбоор.", "Черновик."),
        "body": (paragraphs("Текст даярдалууда."), paragraphs("Текст готовится.")),
        "prepared_by": (None, None),
        "photos": 0,
    },
]


def demo_picture(name, seed, scene=None):
    """Store a wordless picture under a stable name once; later runs reuse the file.

    The name carries PICTURES_DIR, so a media folder holding the old placeholders (with English
    words drawn on them) gets new pictures instead of keeping those.
    """
    if not default_storage.exists(name):
        saved = default_storage.save(name, ContentFile(draw_picture(seed, scene=scene)))
        assert saved == name, f"{name} was stored as {saved}"
    return name


def publication_time(spec):
    if spec == "future":
        day = timezone.localdate() + timedelta(days=30)
        return timezone.make_aware(datetime.combine(day, time(10, 0)))
    return timezone.make_aware(datetime(*spec, 10, 0))


def load(stdout):
    categories = {}
    for order, (slug, name_ky, name_ru) in enumerate(CATEGORIES):
        categories[slug], _ = Category.objects.update_or_create(
            slug=slug, defaults={"name_ky": name_ky, "name_ru": name_ru, "order": order}
        )
    organisations = Organisation.objects.in_bulk(
        [spec["organisation"] for spec in REPORTS], field_name="slug"
    )

    created = photos_created = 0
    for spec in REPORTS:
        (title_ky, title_ru), (lead_ky, lead_ru), (body_ky, body_ru) = (
            spec["title"],
            spec["lead"],
            spec["body"],
        )
        by_ky, by_ru = spec["prepared_by"]
        cover = demo_picture(
            f"{PICTURES_DIR}/{spec['slug']}-cover.jpg", spec["slug"], COVER_SCENES[spec["category"]]
        )
        report, was_created = Report.objects.update_or_create(
            slug=spec["slug"],
            defaults={
                "organisation": organisations[spec["organisation"]],
                "category": categories[spec["category"]],
                "published_at": publication_time(spec["date"]),
                "title_ky": title_ky or "",
                "title_ru": title_ru or "",
                "lead_ky": lead_ky or "",
                "lead_ru": lead_ru or "",
                "body_ky": body_ky or "",
                "body_ru": body_ru or "",
                "prepared_by_name_ky": by_ky[0] if by_ky else "",
                "prepared_by_position_ky": by_ky[1] if by_ky else "",
                "prepared_by_name_ru": by_ru[0] if by_ru else "",
                "prepared_by_position_ru": by_ru[1] if by_ru else "",
                "cover": cover,
            },
        )
        created += was_created
        for order in range(1, spec["photos"] + 1):
            image = demo_picture(f"{PICTURES_DIR}/{spec['slug']}-{order}.jpg", f"{spec['slug']} {order}")
            _, photo_created = ReportPhoto.objects.update_or_create(
                report=report,
                order=order,
                defaults={
                    "image": image,
                    "caption_ky": f"{order}-сүрөт: иш-чаранын катышуучулары" if title_ky else "",
                    "caption_ru": f"Фото {order}: участники мероприятия" if title_ru else "",
                    "alt_text_ky": "Залда отурган катышуучулар" if title_ky else "",
                    "alt_text_ru": "Участники сидят в зале" if title_ru else "",
                },
            )
            photos_created += photo_created
        # New reports are drafts; the site publishes them once their photos have captions.
        if spec.get("status", Report.Status.PUBLISHED) == Report.Status.PUBLISHED:
            services.publish(report, services.SYSTEM)
    stdout.write(
        f"news: {len(REPORTS)} reports ({created} new), {photos_created} new photos, "
        f"{len(CATEGORIES)} categories\n"
    )
