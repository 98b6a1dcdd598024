import hashlib
import io
import json
import tarfile
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.db.migrations.recorder import MigrationRecorder

from documents.models import Document, DocumentFile
from news.models import Report, ReportPhoto
from tests.documents.factories import DocumentFileFactory
from tests.news.factories import ReportFactory, ReportPhotoFactory

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
    from django.utils import translation

    with translation.override(None), pytest.raises(CommandError, match="No such backup file"):
        call_command("restore", str(tmp_path / "nope.tar.gz"), yes=True)


def test_backup_lists_every_file_with_its_checksum_and_the_applied_migrations(tmp_path, settings):
    ReportPhotoFactory()
    DocumentFileFactory(language="ky")

    call_command("backup", output_dir=str(tmp_path / "backups"), stdout=io.StringIO())

    (archive_path,) = (tmp_path / "backups").glob("unionsite-backup-*.tar.gz")
    with tarfile.open(archive_path, "r:gz") as archive:
        manifest = json.loads(archive.extractfile("manifest.json").read())
        checksums = {
            member.name: hashlib.sha256(archive.extractfile(member).read()).hexdigest()
            for member in archive.getmembers()
            if member.isreg() and member.name != "manifest.json"
        }
    assert (manifest["format"], manifest["app"]) == (1, "unionsite")
    assert manifest["database"] == connection.vendor
    applied = set(MigrationRecorder(connection).applied_migrations())
    assert {tuple(key) for key in manifest["migrations"]} == applied
    assert manifest["files"] == checksums
    media_root = Path(settings.MEDIA_ROOT)
    media_files = {
        f"media/{path.relative_to(media_root).as_posix()}" for path in media_root.rglob("*") if path.is_file()
    }
    assert len(media_files) >= 2
    assert set(checksums) == media_files | {
        "database.sqlite3" if connection.vendor == "sqlite" else "database.pgdump"
    }


def test_restore_without_a_terminal_or_yes_refuses_in_one_line(tmp_path, monkeypatch):
    archive = tmp_path / "unionsite-backup.tar.gz"
    archive.write_bytes(b"not read")
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    with pytest.raises(CommandError, match="--yes"):
        call_command("restore", str(archive))
