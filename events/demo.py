"""Demo events in both languages: some past with their report, some coming up.

All people, places and events are invented. Runs after the news demo: past events link to its
reports by slug. The coming events are dated relative to the day of loading (so the demo stays
fresh), the past ones with a report on the report's day. Running `load` twice on the same day
changes nothing: events are matched by slug and the pictures drawn once.
"""

import datetime

from django.utils import timezone

from editorial import services
from events.models import Event, EventCategory, local_midnight
from news.demo import demo_picture
from news.models import Report
from structure.models import Organisation

# The scene of an event's cover by its category (news/demo_pictures.py); others get one by their slug.
COVER_SCENES = {
    EventCategory.SEMINAR: "classroom",
    EventCategory.TRAINING: "classroom",
    EventCategory.CONGRESS: "hall",
    EventCategory.MEETING: "hall",
    EventCategory.CELEBRATION: "people",
    EventCategory.SPORTS: "mountains",
}


def paragraphs(*texts):
    return "".join(f"<p>{text}</p>" for text in texts)


def next_teachers_day(today):
    """Teachers' Day in Kyrgyzstan: the last Sunday of September, the next one from `today`."""
    for year in (today.year, today.year + 1):
        day = datetime.date(year, 9, 30)
        day -= datetime.timedelta(days=(day.weekday() - 6) % 7)
        if day >= today:
            return day
    raise AssertionError("unreachable")


# "when": ("days", offset, start time, hours) for a timed event relative to today; ("all-day",
# offset, number of days); ("report", hours) for the day of the linked report's publication.
EVENTS = [
    {
        "slug": "osh-oblast-seminar-standing-commissions",
        "organisation": "uzgen-district-committee",
        "category": EventCategory.SEMINAR,
        "report": "uzgen-seminar-standing-commissions",
        "when": ("report", 6),
        "title": (
            "Туруктуу комиссиялардын иши боюнча облустук семинар",
            "Областной семинар о работе постоянных комиссий",
        ),
        "place": (
            "Өзгөн шаары, мектеп-гимназия, акт залы",
            "г. Узген, школа-гимназия, актовый зал",
        ),
        "description": (
            paragraphs(
                "Баштапкы уюмдардын төрагалары үчүн туруктуу комиссиялардын ишин пландаштыруу боюнча "
                "семинар. Катышуучулар топтордо иштешет."
            ),
            paragraphs(
                "Семинар для председателей первичных организаций о планировании работы постоянных "
                "комиссий. Участники работают в группах."
            ),
        ),
    },
    {
        "slug": "seventh-congress",
        "organisation": "central-committee",
        "category": EventCategory.CONGRESS,
        "report": "seventh-congress-tasks",
        "when": ("report", 8),
        "title": ("Кесиптик бирликтин VII съезди", "VII съезд профсоюза"),
        "place": ("Бишкек шаары, Чүй проспектиси 207, чоң зал", "г. Бишкек, проспект Чуй 207, большой зал"),
        "description": (
            paragraphs("Делегаттар беш жылдык баяндаманы угушат жана жаңы милдеттерди бекитишет."),
            paragraphs("Делегаты заслушают отчёт за пять лет и утвердят новые задачи."),
        ),
    },
    {
        "slug": "training-for-trainers-jalal-abad",
        "organisation": "jalal-abad-oblast-committee",
        "category": EventCategory.TRAINING,
        "report": "training-for-trainers-jalal-abad-issyk-kul",
        "when": ("report", 7),
        "title": ("Тренерлер үчүн тренинг", "Тренинг для тренеров"),
        "place": ("Жалал-Абад шаары, облустук комитет", "г. Джалал-Абад, областной комитет"),
        "description": (
            paragraphs("Жергиликтүү консультанттар долбоорлорду башкарууну үйрөнүшөт."),
            paragraphs("Местные консультанты учатся управлять проектами."),
        ),
    },
    {
        "slug": "chui-legal-consultations-day",
        "organisation": "chui-oblast-committee",
        "category": EventCategory.MEETING,
        "when": ("days", -20, (10, 0), 6),
        "title": ("Укуктук кеңеш берүү күнү", "День правовых консультаций"),
        "place": ("Сокулук айылы, райондук комитет", "с. Сокулук, районный комитет"),
        "description": (
            paragraphs("Юристтер мугалимдердин суроолоруна акысыз жооп беришет."),
            paragraphs("Юристы бесплатно отвечают на вопросы учителей."),
        ),
    },
    {
        "slug": "osh-oblast-seminar-labour-safety",
        "organisation": "osh-oblast-committee",
        "category": EventCategory.SEMINAR,
        "when": ("days", 6, (10, 0), 6),
        "title": (
            "Эмгекти коргоо боюнча облустук семинар",
            "Областной семинар по охране труда",
        ),
        "place": (
            "Ош шаары, Ленин көчөсү 221; №5 мектеп, акт залы",
            "г. Ош, улица Ленина 221; школа № 5, актовый зал",
        ),
        "map_url": "https://www.openstreetmap.org/#map=16/40.5140/72.8160",
        "contact": ("Облустук комитет: +996 3222 0-00-00", "Областной комитет: +996 3222 0-00-00"),
        "description": (
            paragraphs(
                "Баштапкы уюмдардын эмгекти коргоо боюнча ыйгарым укуктуу адамдары үчүн семинар.",
                "Программада: класстардын жарыгы жана жылуулугу, текшерүү актысын түзүү, "
                "бузууларды четтетүү мөөнөттөрү.",
            ),
            paragraphs(
                "Семинар для уполномоченных по охране труда первичных организаций.",
                "В программе: освещение и отопление классов, составление акта проверки, сроки "
                "устранения нарушений.",
            ),
        ),
    },
    {
        "slug": "training-for-trainers-issyk-kul",
        "organisation": "issyk-kul-oblast-committee",
        "category": EventCategory.TRAINING,
        "when": ("days", 13, (9, 30), 32),
        "title": ("Тренерлер үчүн эки күндүк тренинг", "Двухдневный тренинг для тренеров"),
        "place": ("Каракол шаары, методикалык кабинет", "г. Каракол, методический кабинет"),
        "registration_url": "https://example.kg/register/issyk-kul-training",
        "contact": ("Каттоо: training@example.kg", "Регистрация: training@example.kg"),
        "description": (
            paragraphs(
                "Райондук комитеттердин тренерлери жамааттык сүйлөшүүлөрдү өткөрүүнү үйрөнүшөт. "
                "Биринчи күнү – теория, экинчи күнү – ролдук оюндар."
            ),
            paragraphs(
                "Тренеры районных комитетов учатся вести коллективные переговоры. Первый день – "
                "теория, второй – ролевые игры."
            ),
        ),
    },
    {
        "slug": "naryn-sports-day",
        "organisation": "naryn-oblast-committee",
        "category": EventCategory.SPORTS,
        "when": ("all-day", 20, 1),
        "title": ("Мугалимдердин спорт күнү", "День спорта учителей"),
        "place": ("Нарын шаары, борбордук стадион", "г. Нарын, центральный стадион"),
        "description": (
            paragraphs("Волейбол, шахмат жана тогуз коргоол боюнча райондор аралык мелдештер."),
            paragraphs("Межрайонные соревнования по волейболу, шахматам и тогуз коргоол."),
        ),
    },
    {
        "slug": "bishkek-young-teachers-meeting",
        "organisation": "bishkek-city-committee",
        "category": EventCategory.MEETING,
        "when": ("days", 27, (15, 0), 2),
        "title": (None, "Встреча молодых учителей Бишкека"),
        "place": (None, "г. Бишкек, городской комитет, зал заседаний"),
        "description": (
            None,
            paragraphs("Молодые учителя встретятся с наставниками и юристом профсоюза."),
        ),
    },
    {
        "slug": "twelfth-plenum-central-committee",
        "organisation": "central-committee",
        "category": EventCategory.CONGRESS,
        "when": ("days", 41, (10, 0), 7),
        "title": ("Борбордук комитеттин пленуму", "Пленум Центрального комитета"),
        "place": ("Бишкек шаары, Чүй проспектиси 207", "г. Бишкек, проспект Чуй 207"),
        "description": (
            paragraphs("Күн тартибинде: жылдын жыйынтыктары жана бюджет."),
            paragraphs("На повестке: итоги года и бюджет."),
        ),
    },
    {
        "slug": "osh-city-teachers-day-celebration",
        "organisation": "osh-city-committee",
        "category": EventCategory.CELEBRATION,
        "when": ("teachers-day",),
        "title": ("Мугалимдер күнүнө арналган салтанат", "Торжество ко Дню учителя"),
        "place": ("Ош шаары, драма театры", "г. Ош, драматический театр"),
        "description": (
            paragraphs("Ардагер мугалимдерди куттуктоо жана мыкты баштапкы уюмдарды сыйлоо."),
            paragraphs("Поздравление учителей-ветеранов и награждение лучших первичных организаций."),
        ),
    },
    {
        "slug": "talas-plenum-draft",
        "organisation": "talas-oblast-committee",
        "category": EventCategory.MEETING,
        "status": Event.Status.DRAFT,
        "when": ("days", 33, (10, 0), 3),
        "title": ("Талас облустук комитетинин жыйыны", "Собрание Таласского обкома"),
        "place": ("Талас шаары", "г. Талас"),
        "description": (paragraphs("Долбоор."), paragraphs("Черновик.")),
    },
]


def event_times(spec, report, today):
    kind = spec["when"][0]
    if kind == "report":
        day = timezone.localdate(report.published_at)
        start = timezone.make_aware(datetime.datetime.combine(day, datetime.time(10, 0)))
        return start, start + datetime.timedelta(hours=spec["when"][1]), False
    if kind == "all-day":
        _, offset, length = spec["when"]
        first = today + datetime.timedelta(days=offset)
        return (*Event.day_span(first, first + datetime.timedelta(days=length - 1)), True)
    if kind == "teachers-day":
        return (*Event.day_span(next_teachers_day(today), next_teachers_day(today)), True)
    _, offset, (hour, minute), hours = spec["when"]
    day = today + datetime.timedelta(days=offset)
    if day.weekday() >= 5:  # seminars and meetings take place on working days
        day += datetime.timedelta(days=7 - day.weekday())
    start = timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))
    return start, start + datetime.timedelta(hours=hours), False


def load(stdout):
    today = timezone.localdate()
    organisations = Organisation.objects.in_bulk([spec["organisation"] for spec in EVENTS], field_name="slug")
    report_slugs = [spec["report"] for spec in EVENTS if "report" in spec]
    reports = Report.objects.in_bulk(report_slugs, field_name="slug")
    created = 0
    for spec in EVENTS:
        report = reports.get(spec.get("report"))
        if "report" in spec and report is None:
            stdout.write(f"events: report {spec['report']} missing, {spec['slug']} skipped\n")
            continue
        start, end, all_day = event_times(spec, report, today)
        (title_ky, title_ru), (place_ky, place_ru), (text_ky, text_ru) = (
            spec["title"],
            spec["place"],
            spec["description"],
        )
        contact_ky, contact_ru = spec.get("contact", ("", ""))
        cover = demo_picture(
            f"events/demo-photos/{spec['slug']}-cover.jpg", spec["slug"], COVER_SCENES.get(spec["category"])
        )
        event, was_created = Event.objects.update_or_create(
            slug=spec["slug"],
            defaults={
                "organisation": organisations[spec["organisation"]],
                "category": spec["category"],
                # Announced a month before it takes place (or at once for the coming ones).
                "published_at": min(start - datetime.timedelta(days=30), local_midnight(today)),
                "start": start,
                "end": end,
                "all_day": all_day,
                "title_ky": title_ky or "",
                "title_ru": title_ru or "",
                "place_ky": place_ky or "",
                "place_ru": place_ru or "",
                "description_ky": text_ky or "",
                "description_ru": text_ru or "",
                "contact_ky": contact_ky,
                "contact_ru": contact_ru,
                "map_url": spec.get("map_url", ""),
                "registration_url": spec.get("registration_url", ""),
                "report": report,
                "cover": cover,
            },
        )
        created += was_created
        if spec.get("status", Event.Status.PUBLISHED) == Event.Status.PUBLISHED:
            services.publish(event, services.SYSTEM)
    stdout.write(f"events: {len(EVENTS)} events ({created} new)\n")
