# ruff: noqa: E501  (long bilingual content strings read better unwrapped)
"""Demo settings and home page, in both languages. Idempotent: running it again changes nothing.

Loaded after the content apps (unionsite/management/commands/load_demo.py), since the featured
items point at their content: a report and an FAQ answer, found through the content types (the
core imports no content app). The address, phones and emails are invented.
"""

from datetime import timedelta

from django.utils import timezone

from siteconfig.models import Announcement, FeaturedItem, HomePage, SiteSettings
from unionsite import registry

SETTINGS = {
    "full_name_ky": "Кыргыз Республикасынын билим берүү жана илим кызматкерлеринин кесиптик бирлиги",
    "full_name_ru": "Профсоюз работников образования и науки Кыргызской Республики",
    "short_name_ky": "Билим берүү жана илим кызматкерлеринин кесиптик бирлиги",
    "short_name_ru": "Профсоюз работников образования и науки",
    "address_ky": "720040, Бишкек ш., Эркиндик бульвары 58, 4-кабат, 412-кабинет",
    "address_ru": "720040, г. Бишкек, бульвар Эркиндик 58, 4-й этаж, кабинет 412",
    "reception_hours_ky": "Дүйшөмбү – жума, 9:00–18:00 (түшкү тыныгуу 12:30–13:30)",
    "reception_hours_ru": "Понедельник – пятница, 9:00–18:00 (обед 12:30–13:30)",
    "footer_note_ky": "Укуктук суроолор: кесиптик бирликтин юристтери мүчөлөргө акысыз жооп беришет.",
    "footer_note_ru": "Правовые вопросы: юристы профсоюза отвечают членам бесплатно.",
    "phones": "+996 312 61-00-00\n+996 312 61-00-01",
    "emails": "info@union-example.kg\nlawyer@union-example.kg",
    "facebook_url": "https://www.facebook.com/union.example.kg",
    "telegram_url": "https://t.me/union_example_kg",
    "youtube_url": "https://www.youtube.com/@union-example-kg",
}

INTRODUCTION = {
    "introduction_ky": (
        "<p>Кесиптик бирлик мектептердин, бала бакчалардын, колледждердин, жогорку окуу жайларынын жана "
        "илимий мекемелердин кызматкерлерин бириктирет. Биз мүчөлөрүбүздүн эмгек укуктарын коргойбуз, "
        "жамааттык келишимдерди түзөбүз жана мугалимдердин социалдык маселелерин чечүүгө жардам беребиз.</p>"
        "<p>Юристтерибиз мүчөлөргө акысыз кеңеш беришет, ал эми облустук жана райондук комитеттер ар бир "
        "аймакта иштешет.</p>"
    ),
    "introduction_ru": (
        "<p>Профсоюз объединяет работников школ, детских садов, колледжей, вузов и научных учреждений. "
        "Мы защищаем трудовые права своих членов, заключаем коллективные договоры и помогаем решать "
        "социальные вопросы педагогов.</p>"
        "<p>Наши юристы консультируют членов профсоюза бесплатно, а областные и районные комитеты "
        "работают в каждом регионе.</p>"
    ),
    "motto_ky": "Биздин күч – бирдикте!",
    "motto_ru": "Наша сила – в единстве!",
}

ANNOUNCEMENT = {
    "text_ky": "Жамааттык келишимдин үлгүсүн талкуулоо уланууда: сунуштарыңызды облустук комитетке жибериңиз.",
    "text_ru": "Продолжается обсуждение макета коллективного договора: присылайте предложения в областной комитет.",
    "link_ky": "/ky/documents/",
    "link_ru": "/ru/documents/",
}


def load(stdout):
    site_settings = SiteSettings.objects.filter(pk=SiteSettings.singleton_instance_id).first()
    if site_settings is None or any(
        getattr(site_settings, field) != value for field, value in SETTINGS.items()
    ):
        site_settings = site_settings or SiteSettings.defaults()
        for field, value in SETTINGS.items():
            setattr(site_settings, field, value)
        site_settings.save()

    home, _created = HomePage.objects.get_or_create(pk=HomePage.singleton_instance_id)
    if not home.introduction_ky:
        for field, value in INTRODUCTION.items():
            setattr(home, field, value)
        home.save()

    if not Announcement.objects.filter(text_ky=ANNOUNCEMENT["text_ky"]).exists():
        now = timezone.now()
        Announcement.objects.create(
            home_page=home, starts_at=now, ends_at=now + timedelta(days=30), **ANNOUNCEMENT
        )

    if not FeaturedItem.objects.exists():
        # What each content app offers (its demo_featured), in the apps' order: a report, an FAQ answer.
        for position, model in enumerate(registry.demo_featured_models(), start=1):
            target = model._default_manager.published().order_by("pk").first()
            if target is not None:
                FeaturedItem.objects.create(home_page=home, target=target, position=position)
    stdout.write("Site settings and home page: loaded.")
