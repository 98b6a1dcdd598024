"""The demo pictures: wordless, reproducible from their seed, different per report, on disk."""

import io
from pathlib import Path

import pytest
from PIL import Image, ImageChops, ImageDraw, ImageFont, ImageStat

from events import demo as events_demo
from events.models import Event
from news import demo, demo_pictures
from news.models import Report, ReportPhoto
from structure import demo as structure_demo


def picture(data):
    image = Image.open(io.BytesIO(data))
    image.load()
    return image


def difference(first, second):
    """Mean absolute difference per channel, 0 (identical) to 255."""
    delta = ImageChops.difference(picture(first).convert("RGB"), picture(second).convert("RGB"))
    return sum(ImageStat.Stat(delta).mean) / 3


@pytest.fixture
def no_words(monkeypatch):
    """Any attempt to draw text or load a font fails the test."""

    def refuse(*args, **kwargs):
        raise AssertionError("a demo picture must carry no words")

    for name in ("text", "multiline_text", "textbbox", "textlength"):
        monkeypatch.setattr(ImageDraw.ImageDraw, name, refuse)
    for name in ("truetype", "load_default", "load", "load_path"):
        monkeypatch.setattr(ImageFont, name, refuse)
    # draw_picture keeps its pictures for the test suite's many demo loads: draw them afresh here.
    demo_pictures.draw_picture.cache_clear()


@pytest.mark.parametrize("scene", demo_pictures.SCENES)
def test_every_scene_is_a_full_size_jpeg_drawn_without_words(scene, no_words):
    data = demo_pictures.draw_picture("uzgen-seminar-standing-commissions", scene=scene)
    image = picture(data)
    assert image.format == "JPEG" and image.size == demo_pictures.SIZE
    # A scene, not a flat fill: many colours and a real spread of light and dark.
    assert len(image.convert("RGB").getcolors(maxcolors=1 << 20)) > 2000
    assert max(ImageStat.Stat(image.convert("L")).stddev) > 15
    assert len(data) < 200_000  # small enough for a demo repository's media and quick renditions


def test_the_same_seed_gives_the_same_picture_and_other_seeds_other_ones(no_words):
    first = demo_pictures.draw_picture("talas-plenum-2025")
    assert demo_pictures.draw_picture("talas-plenum-2025") == first
    others = [demo_pictures.draw_picture(seed) for seed in ("osh-city-teachers-day", "talas-plenum-2025 1")]
    assert all(difference(first, other) > 8 for other in others)
    # The same scene for two reports still differs (colours, people, ridges).
    same_scene = [demo_pictures.draw_picture(seed, scene="hall") for seed in ("a", "b")]
    assert difference(*same_scene) > 8


@pytest.mark.django_db
def test_demo_reports_and_events_get_distinct_wordless_pictures_on_disk(settings, no_words):
    structure_demo.load(io.StringIO())
    demo.load(io.StringIO())
    events_demo.load(io.StringIO())
    media = Path(settings.MEDIA_ROOT)

    covers = [report.cover.name for report in Report.objects.order_by("slug")]
    photos = list(ReportPhoto.objects.values_list("image", flat=True))
    event_covers = [event.cover.name for event in Event.objects.order_by("slug")]
    names = covers + photos + event_covers
    assert len(photos) >= 30 and len(event_covers) >= 10
    assert len(set(names)) == len(names)
    for name in names:
        path = media / name
        assert path.is_file(), name
        assert picture(path.read_bytes()).size == demo_pictures.SIZE
    assert all(name.startswith(demo.PICTURES_DIR + "/") for name in covers + photos)
    # No two covers are the same picture.
    contents = [(media / name).read_bytes() for name in covers + event_covers]
    assert len(set(contents)) == len(contents)
    # A picture drawn again from its seed is the stored one: `load_demo` is reproducible.
    report = Report.objects.get(slug="uzgen-seminar-standing-commissions")
    redrawn = demo_pictures.draw_picture(report.slug, scene=demo.COVER_SCENES[report.category.slug])
    assert (media / report.cover.name).read_bytes() == redrawn
