import io

import pytest
from django.utils import timezone

from news import demo
from news.models import Category, Report, ReportPhoto
from structure import demo as structure_demo

pytestmark = pytest.mark.django_db


def files(root):
    return {path: path.stat().st_mtime_ns for path in root.rglob("*") if path.is_file()}


def test_demo_loads_reports_across_regions_and_is_idempotent(settings, client):
    structure_demo.load(io.StringIO())
    demo.load(io.StringIO())
    first = (Report.objects.count(), ReportPhoto.objects.count(), Category.objects.count())
    stored = files(settings.MEDIA_ROOT)

    demo.load(io.StringIO())
    assert (Report.objects.count(), ReportPhoto.objects.count(), Category.objects.count()) == first
    assert files(settings.MEDIA_ROOT) == stored  # no picture drawn or resized again

    public = Report.objects.published().select_related("organisation")
    assert public.count() >= 12
    assert len({report.organisation.region for report in public}) >= 5
    assert public.values("category").distinct().count() >= 3
    assert public.filter(title_ky="").exists() and public.filter(title_ru="").exists()
    assert Report.objects.filter(status=Report.Status.DRAFT).count() == 1
    assert Report.objects.filter(status="published", published_at__gt=timezone.now()).count() == 1
    assert all(report.cover_sizes.get("card") for report in public)

    report = Report.objects.get(slug="uzgen-seminar-standing-commissions")
    html = client.get(report.get_absolute_url()).content.decode()
    assert html.count('<li id="photo-') == 4
    assert client.get("/ru/news/").status_code == 200
