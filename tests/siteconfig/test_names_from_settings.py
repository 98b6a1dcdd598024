"""The union's name and contacts come from the site settings: no template writes them itself."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from siteconfig.models import SiteSettings

BASE_DIR = Path(settings.BASE_DIR)
TEMPLATES = sorted(
    path
    for pattern in (
        "templates/**/*.html",
        "templates/**/*.txt",
        "*/templates/**/*.html",
        "*/templates/**/*.txt",
    )
    for path in BASE_DIR.glob(pattern)
    if ".venv" not in path.parts and "node_modules" not in path.parts
)
PHONE = re.compile(r"\+?\d[\d ()\-]{6,}\d")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")
UNION_NAME = re.compile(
    r"Trade Union of Education|Workers' Union|кесиптик бирлиги|Профсоюз работников", re.IGNORECASE
)


def literal_text(source):
    """The template's own text: tags' and variables' contents replaced by nothing, so that
    `{{ phone.display }}` is not text but `{% translate "..." %}` strings are."""
    without_comments = re.sub(r"{#.*?#}", "", source, flags=re.S)
    translated = " ".join(
        re.findall(r'{%\s*(?:translate|trans|blocktranslate)[^%]*?"([^"]*)"', without_comments)
    )
    blocks = " ".join(
        re.findall(r"{%\s*blocktranslate[^%]*%}(.*?){%\s*endblocktranslate", without_comments, re.S)
    )
    bare = re.sub(r"{%.*?%}|{{.*?}}", " ", without_comments, flags=re.S)
    return f"{bare} {translated} {blocks}"


def test_the_scanner_sees_literal_names_and_contacts():
    text = literal_text(
        '<p>{% translate "Trade Union of Education and Science Workers" %}</p> +996 312 00-00-00'
    )
    assert UNION_NAME.search(text) and PHONE.search(text)
    assert EMAIL.search(literal_text("<a>info@example.kg</a>"))
    assert not PHONE.search(literal_text("{{ site_settings.phones }} {% cache 3600 card %}"))


def test_no_template_writes_a_phone_an_email_or_the_unions_name():
    assert len(TEMPLATES) > 50
    offenders = []
    for path in TEMPLATES:
        text = literal_text(path.read_text(encoding="utf-8"))
        for kind, pattern in (("phone", PHONE), ("e-mail", EMAIL), ("union's name", UNION_NAME)):
            offenders += [
                f"{path.relative_to(BASE_DIR)}: {kind} {match!r}" for match in pattern.findall(text)
            ]
    assert offenders == []


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["ky", "ru"])
def test_the_names_staff_give_reach_pages_print_headings_and_feeds(client, language):
    from tests.events.factories import EventFactory
    from tests.faq.factories import QuestionFactory
    from tests.news.factories import ReportFactory

    site_settings = SiteSettings.get_solo()
    names = {"ky": "Билим кызматкерлеринин союзу", "ru": "Союз работников образования"}
    site_settings.full_name_ky, site_settings.full_name_ru = names["ky"], names["ru"]
    site_settings.short_name_ky = site_settings.short_name_ru = "БИКС"
    site_settings.save()
    pages = [ReportFactory(), EventFactory()]
    topic = QuestionFactory().topic
    with translation.override(language):
        urls = [page.get_absolute_url() for page in pages] + [reverse("faq:sheet", args=[topic.slug])]
    for url in urls:
        html = client.get(url).content.decode()
        assert re.search(rf'<p class="(print-only|faq-print-union)">{names[language]}</p>', html), url
        assert "БИКС</title>" in html
    home = client.get(f"/{language}/").content.decode()
    assert re.search(rf'<span class="brand-name">{names[language]}</span>', home)
    assert f'content="{names[language]}: ' in home  # the description
    feed = client.get(f"/{language}/news/feed/").content.decode()
    assert f"<description>{names[language]}:" in feed
