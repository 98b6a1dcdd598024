from pathlib import Path

import pytest
from django.core.management import call_command

from documents.models import Document, DocumentFile
from news.models import Report, ReportPhoto
from tests.factories import DocumentFileFactory, ReportFactory, ReportPhotoFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_backup_and_restore_bring_back_every_report_document_and_file(tmp_path, settings):
    report = ReportFactory(title_ru="Съезд профсоюза")
    photo = ReportPhotoFactory(report=report)
    document_file = DocumentFileFactory(language="ru")
    document = document_file.document
    files_before = {
        path.relative_to(settings.MEDIA_ROOT): path.read_bytes()
        for path in Path(settings.MEDIA_ROOT).rglob("*")
        if path.is_file()
    }
    assert files_before, "the fixtures should have written photos to disk"

    call_command("backup", output_dir=str(tmp_path / "backups"))
    (archive,) = (tmp_path / "backups").glob("unionsite-backup-*.tar.gz")

    ReportPhoto.objects.all().delete()
    Report.objects.all().delete()
    DocumentFile.objects.all().delete()
    Document.objects.all().delete()
    for path in Path(settings.MEDIA_ROOT).rglob("*"):
        if path.is_file():
            path.unlink()

    call_command("restore", str(archive), yes=True)

    assert Report.objects.get(pk=report.pk).title_ru == "Съезд профсоюза"
    assert ReportPhoto.objects.filter(pk=photo.pk).exists()
    assert Document.objects.filter(pk=document.pk).exists()
    restored_file = DocumentFile.objects.get(pk=document_file.pk)
    assert restored_file.file.name == document_file.file.name
    files_after = {
        path.relative_to(settings.MEDIA_ROOT): path.read_bytes()
        for path in Path(settings.MEDIA_ROOT).rglob("*")
        if path.is_file()
    }
    assert files_after == files_before


def test_restore_refuses_a_missing_archive(tmp_path):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="No such backup file"):
        call_command("restore", str(tmp_path / "nope.tar.gz"), yes=True)
