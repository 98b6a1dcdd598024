"""The two records a fresh site starts with: settings that look like the footer before them, and
an empty home page (the home page then looks as it did before it could be edited)."""

from django.db import migrations

DEFAULTS = {
    "full_name_ky": "Кыргыз Республикасынын билим берүү жана илим кызматкерлеринин кесиптик бирлиги",
    "full_name_ru": "Профсоюз работников образования и науки Кыргызской Республики",
    "short_name_ky": "Билим берүү жана илим кызматкерлеринин кесиптик бирлиги",
    "short_name_ru": "Профсоюз работников образования и науки",
    "address_ky": "720040, Бишкек ш., Чүй проспекти 207, 301-кабинет",
    "address_ru": "720040, г. Бишкек, проспект Чуй 207, кабинет 301",
    "footer_note_ky": "Укуктук суроолор: кесиптик бирликтин юристтери мүчөлөргө акысыз жооп беришет.",
    "footer_note_ru": "Правовые вопросы: юристы профсоюза отвечают членам бесплатно.",
    "phones": "+996 312 00-00-00",
    "emails": "info@example.kg",
}


def create(apps, schema_editor):
    SiteSettings = apps.get_model("siteconfig", "SiteSettings")
    HomePage = apps.get_model("siteconfig", "HomePage")
    if not SiteSettings.objects.filter(pk=1).exists():
        SiteSettings.objects.create(pk=1, **DEFAULTS)
    HomePage.objects.get_or_create(pk=1)


class Migration(migrations.Migration):
    dependencies = [("siteconfig", "0001_initial")]

    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
