import pytest
from django.core.management import call_command

from news.models import Report, ReportPhoto
from tests.news.factories import ReportFactory, ReportPhotoFactory
from tests.uploads import image_upload

pytestmark = pytest.mark.django_db


def test_renditions_are_made_once_on_save_and_stored_with_their_sizes(district, settings):
    report = ReportFactory(organisation=district, cover=image_upload("c.jpg", size=(2000, 1000)))
    stored = Report.objects.get(pk=report.pk).cover_renditions
    assert stored["source"] == report.cover.name
    assert stored["card"][1:] == [480, 320]
    assert stored["detail"][1:] == [960, 480]
    assert all((settings.MEDIA_ROOT / stored[alias][0]).exists() for alias in ("card", "card_2x", "detail"))


def test_replacing_a_photo_makes_new_renditions(district):
    photo = ReportPhotoFactory(image=image_upload("a.jpg", size=(300, 200)))
    old = photo.renditions["large"][0]
    photo.image = image_upload("b.jpg", size=(500, 250))
    photo.save()
    photo.refresh_from_db()
    assert photo.renditions["source"] == photo.image.name
    assert photo.renditions["large"][0] != old
    assert photo.sizes["large"].width == 500


def test_deleting_a_photo_removes_its_files(district, settings, django_capture_on_commit_callbacks):
    photo = ReportPhotoFactory()
    files = [settings.MEDIA_ROOT / photo.image.name] + [
        settings.MEDIA_ROOT / rendition.name for rendition in photo.sizes.values()
    ]
    assert all(path.exists() for path in files)
    with django_capture_on_commit_callbacks(execute=True):
        photo.delete()
    assert not any(path.exists() for path in files)


def test_refresh_command_rebuilds_lost_renditions(district, settings):
    photo = ReportPhotoFactory()
    thumb = settings.MEDIA_ROOT / photo.sizes["gallery_thumb"].name
    thumb.unlink()
    ReportPhoto.objects.filter(pk=photo.pk).update(renditions={})
    call_command("refresh_news_renditions", stdout=open("/dev/null", "w"))  # noqa: SIM115
    photo.refresh_from_db()
    assert thumb.exists()
    assert photo.renditions["gallery_thumb"][0] == thumb.relative_to(settings.MEDIA_ROOT).as_posix()
