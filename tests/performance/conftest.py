"""Content at a realistic volume, made once per module with the bench generator (bulk inserts).

It lives in a transaction opened around the module and rolled back after it; each test runs in
its own savepoint inside it, as usual.
"""

import pytest
from django.db import transaction
from django.test import override_settings
from django.utils import translation

from devtools.management.commands.populate_bench import BenchContent

VOLUME = {"reports": 1500, "documents": 400, "faq": 120, "organisations": 400}


@pytest.fixture(scope="module")
def bench_content(django_db_setup, django_db_blocker, tmp_path_factory):
    media = tmp_path_factory.mktemp("bench-media")
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=media), transaction.atomic():
        BenchContent(seed=7).fill(**VOLUME)
        yield VOLUME
        transaction.set_rollback(True)


@pytest.fixture
def pages(bench_content, db):
    """One URL of every public page type, in Kyrgyz; tests swap the prefix for Russian."""
    from documents.models import Document
    from faq.models import Question
    from news.models import Report
    from structure.models import Organisation

    translation.activate("ky")
    report = Report.objects.published().filter(photos__isnull=False).exclude(cover="").order_by("pk")[40]
    document = Document.objects.published().filter(files__language="ru").order_by("pk")[10]
    question = Question.objects.published().select_related("topic").order_by("pk")[5]
    committee = Organisation.objects.filter(depth=3).order_by("path")[2]
    return {
        "home": "/ky/",
        "news list": "/ky/news/",
        "news list, filtered": f"/ky/news/?region={committee.region}&page=2",
        "report": report.get_absolute_url(),
        "news feed": "/ky/news/feed/",
        "FAQ": "/ky/faq/",
        "FAQ topic": question.topic.get_absolute_url(),
        "FAQ question": question.get_absolute_url(),
        "documents list": "/ky/documents/",
        "document": document.get_absolute_url(),
        "structure": "/ky/structure/",
        "organisation": committee.get_absolute_url(),
        "search": "/ky/search/?q=семинар",
        "sitemap": "/sitemap.xml",
    }
