import io

import pytest
from django.utils import timezone

from events import demo
from events.models import Event
from news import demo as news_demo
from structure import demo as structure_demo
from unionsite import registry

pytestmark = pytest.mark.django_db


def test_demo_events_link_their_reports_are_fresh_and_idempotent(client):
    structure_demo.load(io.StringIO())
    news_demo.load(io.StringIO())
    demo.load(io.StringIO())
    fields = ("slug", "start", "end", "report", "status", "published_at")
    first = list(Event.objects.order_by("slug").values_list(*fields))
    demo.load(io.StringIO())
    assert list(Event.objects.order_by("slug").values_list(*fields)) == first

    public = Event.objects.published()
    now = timezone.now()
    assert public.filter(end__lt=now, report__isnull=False).count() >= 3
    assert public.filter(start__gt=now).count() >= 5
    assert public.filter(all_day=True).exists()
    assert public.filter(title_ky="").exists()  # one in Russian only: the Kyrgyz page falls back
    assert Event.objects.filter(status=Event.Status.DRAFT).count() == 1
    assert {event.category for event in public} >= {"seminar", "training", "congress", "celebration"}

    seminar = Event.objects.get(slug="osh-oblast-seminar-standing-commissions")
    html = client.get(seminar.get_absolute_url()).content.decode()
    assert 'id="event-report-title"' in html and seminar.report.get_absolute_url() in html
    assert client.get("/ru/events/").status_code == 200


def test_demo_events_load_after_the_news_they_link_to():
    loaders = registry.demo_loaders()
    assert loaders.index(news_demo.load) < loaders.index(demo.load)
