"""`manage.py restore` refuses every bad archive with one line and leaves the site exactly as it was.

Each forged archive starts from a real backup of the test site, so that exactly one thing is wrong
with it and the test shows which check refuses it.
"""

import hashlib
import io
import json
import os
import sqlite3
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.utils import translation

from news.models import Report
from tests.documents.factories import DocumentFileFactory
from tests.news.factories import ReportFactory, ReportPhotoFactory

pytestmark = pytest.mark.django_db(transaction=True)

postgresql_only = pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL dumps")
sqlite_only = pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite dumps")
DUMP = {"sqlite": "database.sqlite3", "postgresql": "database.pgdump"}[connection.vendor]


# --- the site and its state ---------------------------------------------------------------------


@pytest.fixture
def site():
    report = ReportFactory(title_ru="Съезд профсоюза")
    ReportPhotoFactory(report=report)
    DocumentFileFactory(language="ru")
    return report


@pytest.fixture
def good_archive(site, tmp_path):
    call_command("backup", output_dir=str(tmp_path / "backups"), stdout=io.StringIO())
    (archive,) = (tmp_path / "backups").glob("unionsite-backup-*.tar.gz")
    return archive


def media_hashes():
    media_root = Path(settings.MEDIA_ROOT)
    return {
        path.relative_to(media_root).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in media_root.rglob("*")
        if path.is_file()
    }


def databases_named_after_the_sites():
    """The site's database and any left beside it (<name>_restore_<stamp>, <name>_old_<stamp>)."""
    if connection.vendor != "postgresql":
        return set()
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT datname FROM pg_database WHERE starts_with(datname, %s)",
            [connection.settings_dict["NAME"]],
        )
        return {name for (name,) in cursor.fetchall()}


def site_state():
    data = io.StringIO()
    call_command("dumpdata", stdout=data)
    media_root = Path(settings.MEDIA_ROOT)
    return {
        "data": data.getvalue(),
        "media": media_hashes(),
        "beside media": sorted(path.name for path in media_root.parent.iterdir()),
        "databases": databases_named_after_the_sites(),
    }


def refusal(archive):
    """The one line restore answers, in the untranslated wording."""
    with translation.override(None), pytest.raises(CommandError) as refused:
        call_command("restore", str(archive), yes=True, stdout=io.StringIO())
    message = str(refused.value)
    assert "\n" not in message
    assert message.startswith("Restore refused, nothing was changed: ")
    return message


# --- forging archives ---------------------------------------------------------------------------


class Forgery:
    """A good archive's members and manifest, changed by a test and written back out."""

    def __init__(self, good_archive):
        self.members = []
        with tarfile.open(good_archive, "r:gz") as archive:
            for member in archive.getmembers():
                data = archive.extractfile(member).read() if member.isreg() else None
                if member.name == "manifest.json":
                    self.manifest = json.loads(data)
                else:
                    self.members.append((member, data))

    def data(self, name):
        return next(data for member, data in self.members if member.name == name)

    def media_files(self):
        return [member.name for member, _data in self.members if member.isreg() and member.name != DUMP]

    def put(self, name, data, listed=True):
        """Add or replace a file, listed in the manifest with its true checksum unless listed=False."""
        self.members = [(member, old) for member, old in self.members if member.name != name]
        info = tarfile.TarInfo(name)
        info.size = len(data)
        self.members.append((info, data))
        if listed:
            self.manifest["files"][name] = hashlib.sha256(data).hexdigest()

    def link(self, name, target, kind=tarfile.SYMTYPE):
        info = tarfile.TarInfo(name)
        info.type, info.linkname = kind, target
        self.members.append((info, None))

    def write(self, path, manifest=True):
        with tarfile.open(path, "w:gz") as archive:
            if manifest:
                data = (
                    self.manifest if isinstance(self.manifest, bytes) else json.dumps(self.manifest).encode()
                )
                info = tarfile.TarInfo("manifest.json")
                info.size = len(data)
                archive.addfile(info, io.BytesIO(data))
            for member, data in self.members:
                archive.addfile(member, io.BytesIO(data) if data is not None else None)
        return path


def sqlite_file(tmp_path, sql, start_from=None):
    path = tmp_path / "forged.sqlite3"
    path.unlink(missing_ok=True)
    if start_from is not None:
        path.write_bytes(start_from)
    with sqlite3.connect(path) as database:
        database.executescript(sql)
    database.close()
    return path.read_bytes()


def pg_client_args(name):
    database = connection.settings_dict
    args = ["--dbname", name]
    for option, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
        if database.get(key):
            args += [option, str(database[key])]
    env = {**os.environ, "PGPASSWORD": str(database.get("PASSWORD") or "")}
    return args, env


def pg_dump_of_scratch_database(tmp_path, sql, start_from=None):
    """pg_dump of a new database made with `sql`, after restoring `start_from` (a dump) into it."""
    name = f"{connection.settings_dict['NAME']}_forged"
    quoted = connection.ops.quote_name(name)
    with connection.cursor() as cursor:
        cursor.execute(f"CREATE DATABASE {quoted}")
    try:
        args, env = pg_client_args(name)
        if start_from is not None:
            (tmp_path / "start.pgdump").write_bytes(start_from)
            subprocess.run(
                ["pg_restore", "--no-owner", *args, str(tmp_path / "start.pgdump")],  # noqa: S607
                env=env,
                check=True,
            )
        subprocess.run(["psql", "--quiet", "--command", sql, *args], env=env, check=True)  # noqa: S607
        subprocess.run(
            ["pg_dump", "--format=custom", "--file", str(tmp_path / "forged.pgdump"), *args],  # noqa: S607
            env=env,
            check=True,
        )
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f"DROP DATABASE {quoted} WITH (FORCE)")
    return (tmp_path / "forged.pgdump").read_bytes()


def first_media_file(forgery):
    return sorted(forgery.media_files())[0]


# Each case: how to forge the archive from (Forgery, tmp_path, good_archive), and what the refusal says.


def random_bytes(forgery, tmp_path, good):
    path = tmp_path / "random.tar.gz"
    path.write_bytes(os.urandom(64 * 1024))
    return path


def truncated_gzip(forgery, tmp_path, good):
    path = tmp_path / "truncated.tar.gz"
    data = good.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    return path


def path_traversal_member(forgery, tmp_path, good):
    forgery.put("media/../../escaped.txt", b"written outside the media folder")
    return forgery.write(tmp_path / "traversal.tar.gz")


def absolute_member(forgery, tmp_path, good):
    forgery.put(str(tmp_path / "absolute.txt"), b"written anywhere on the disk")
    return forgery.write(tmp_path / "absolute.tar.gz")


def symlink_member(forgery, tmp_path, good):
    (tmp_path / "outside").mkdir()
    forgery.link("media/outside", str(tmp_path / "outside"))
    return forgery.write(tmp_path / "symlink.tar.gz")


def hardlink_member(forgery, tmp_path, good):
    forgery.link("media/linked", first_media_file(forgery), kind=tarfile.LNKTYPE)
    return forgery.write(tmp_path / "hardlink.tar.gz")


def device_member(forgery, tmp_path, good):
    forgery.link("media/null", "", kind=tarfile.CHRTYPE)
    return forgery.write(tmp_path / "device.tar.gz")


def member_twice(forgery, tmp_path, good):
    name = first_media_file(forgery)
    data = forgery.data(name)
    info = tarfile.TarInfo(name)
    info.size = len(data)
    forgery.members.append((info, data))
    return forgery.write(tmp_path / "twice.tar.gz")


def member_not_in_manifest(forgery, tmp_path, good):
    forgery.put("media/unlisted.txt", b"slipped in", listed=False)
    return forgery.write(tmp_path / "unlisted.tar.gz")


def listed_file_missing(forgery, tmp_path, good):
    forgery.manifest["files"]["media/ghost.jpg"] = hashlib.sha256(b"ghost").hexdigest()
    return forgery.write(tmp_path / "ghost.tar.gz")


def directory_listed_as_a_file(forgery, tmp_path, good):
    folder = next(member.name for member, _data in forgery.members if member.isdir() and "/" in member.name)
    forgery.manifest["files"][folder] = hashlib.sha256(b"").hexdigest()
    return forgery.write(tmp_path / "directory-listed.tar.gz")


def file_outside_media(forgery, tmp_path, good):
    forgery.put("settings.py", b"DEBUG = True")
    return forgery.write(tmp_path / "outside-media.tar.gz")


def checksum_mismatch(forgery, tmp_path, good):
    name = first_media_file(forgery)
    checksum = forgery.manifest["files"][name]
    forgery.put(name, forgery.data(name) + b"tampered")
    forgery.manifest["files"][name] = checksum
    return forgery.write(tmp_path / "tampered.tar.gz")


def missing_manifest(forgery, tmp_path, good):
    return forgery.write(tmp_path / "no-manifest.tar.gz", manifest=False)


def malformed_manifest(forgery, tmp_path, good):
    forgery.manifest = b"{not json"
    return forgery.write(tmp_path / "malformed.tar.gz")


def wrong_format_version(forgery, tmp_path, good):
    forgery.manifest["format"] = 2
    return forgery.write(tmp_path / "format-2.tar.gz")


def wrong_app(forgery, tmp_path, good):
    forgery.manifest["app"] = "someothersite"
    return forgery.write(tmp_path / "other-app.tar.gz")


def wrong_database_engine(forgery, tmp_path, good):
    forgery.manifest["database"] = "mysql"
    return forgery.write(tmp_path / "mysql.tar.gz")


def migration_newer_than_the_code(forgery, tmp_path, good):
    forgery.manifest["migrations"].append(["news", "9999_from_the_future"])
    return forgery.write(tmp_path / "newer.tar.gz")


def migration_missing_from_the_archive(forgery, tmp_path, good):
    forgery.manifest["migrations"].remove(["news", "0001_initial"])
    return forgery.write(tmp_path / "older.tar.gz")


def sqlite_of_another_application(forgery, tmp_path, good):
    forgery.put(
        DUMP, sqlite_file(tmp_path, "CREATE TABLE foo (id integer PRIMARY KEY); INSERT INTO foo VALUES (1);")
    )
    return forgery.write(tmp_path / "foreign.tar.gz")


def sqlite_with_other_migrations(forgery, tmp_path, good):
    dump = sqlite_file(
        tmp_path, "DELETE FROM django_migrations WHERE app = 'news';", start_from=forgery.data(DUMP)
    )
    forgery.put(DUMP, dump)
    return forgery.write(tmp_path / "other-migrations.tar.gz")


def foreign_pg_dump(forgery, tmp_path, good):
    forgery.put(DUMP, pg_dump_of_scratch_database(tmp_path, "CREATE TABLE foo (id integer PRIMARY KEY);"))
    return forgery.write(tmp_path / "foreign.tar.gz")


def pg_dump_with_other_migrations(forgery, tmp_path, good):
    dump = pg_dump_of_scratch_database(
        tmp_path, "DELETE FROM django_migrations WHERE app = 'news';", start_from=forgery.data(DUMP)
    )
    forgery.put(DUMP, dump)
    return forgery.write(tmp_path / "other-migrations.tar.gz")


BAD_ARCHIVES = [
    pytest.param(random_bytes, "Could not unpack", id="random bytes"),
    pytest.param(truncated_gzip, "Could not unpack", id="truncated gzip"),
    pytest.param(path_traversal_member, "has an unsafe path", id="path traversal member"),
    pytest.param(absolute_member, "has an unsafe path", id="absolute path member"),
    pytest.param(symlink_member, "is a link or a special file", id="symlink member"),
    pytest.param(hardlink_member, "is a link or a special file", id="hardlink member"),
    pytest.param(device_member, "is a link or a special file", id="device member"),
    pytest.param(member_twice, "appears twice", id="member twice"),
    pytest.param(member_not_in_manifest, "is not listed in its manifest", id="member not in manifest"),
    pytest.param(listed_file_missing, "missing from the archive", id="listed file missing"),
    pytest.param(directory_listed_as_a_file, "missing from the archive", id="directory listed as a file"),
    pytest.param(file_outside_media, "neither the database nor a media file", id="file outside media"),
    pytest.param(checksum_mismatch, "does not match its checksum", id="checksum mismatch"),
    pytest.param(missing_manifest, "has no manifest.json", id="missing manifest"),
    pytest.param(malformed_manifest, "manifest.json is malformed", id="malformed manifest"),
    pytest.param(wrong_format_version, "format version is 2", id="wrong format version"),
    pytest.param(wrong_app, "application someothersite", id="wrong app"),
    pytest.param(wrong_database_engine, "holds a mysql database", id="wrong database engine"),
    pytest.param(migration_newer_than_the_code, "+news.9999_from_the_future", id="migration newer than code"),
    pytest.param(migration_missing_from_the_archive, "-news.0001_initial", id="migration missing"),
    pytest.param(
        sqlite_of_another_application,
        "lacks this site's tables",
        id="sqlite of another app",
        marks=sqlite_only,
    ),
    pytest.param(
        sqlite_with_other_migrations,
        "has not applied the migrations",
        id="sqlite other migrations",
        marks=sqlite_only,
    ),
    pytest.param(foreign_pg_dump, "lacks this site's tables", id="foreign pg_dump", marks=postgresql_only),
    pytest.param(
        pg_dump_with_other_migrations,
        "has not applied the migrations",
        id="pg_dump other migrations",
        marks=postgresql_only,
    ),
]


@pytest.mark.parametrize(("forge", "reason"), BAD_ARCHIVES)
def test_bad_archive_is_refused_in_one_line_and_changes_nothing(forge, reason, good_archive, tmp_path):
    archive = forge(Forgery(good_archive), tmp_path, good_archive)
    before = site_state()

    message = refusal(archive)

    assert reason in message
    assert site_state() == before
    assert not (tmp_path / "escaped.txt").exists()
    assert not (tmp_path / "absolute.txt").exists()


@pytest.mark.parametrize(
    ("dump", "reason"),
    [
        pytest.param(b"", "lacks this site's tables (django_migrations, ", id="empty", marks=sqlite_only),
        pytest.param(b"", "is not a pg_dump archive", id="empty", marks=postgresql_only),
        pytest.param(b"garbage", "is not a readable database", id="garbage", marks=sqlite_only),
        pytest.param(b"PGDMPgarbage", "is not a pg_dump archive", id="garbage", marks=postgresql_only),
    ],
)
def test_database_part_that_is_not_this_sites_database_is_refused(dump, reason, good_archive, tmp_path):
    forgery = Forgery(good_archive)
    forgery.put(DUMP, dump)
    archive = forgery.write(tmp_path / "bad-dump.tar.gz")
    before = site_state()

    assert reason in refusal(archive)
    assert site_state() == before


def test_site_still_answers_after_a_refused_restore(good_archive, tmp_path, client):
    forgery = Forgery(good_archive)
    forgery.put(DUMP, b"")
    refusal(forgery.write(tmp_path / "empty-database.tar.gz"))

    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}
    assert Report.objects.count() == 1


def test_backup_then_restore_brings_data_and_media_back(good_archive, site):
    before = site_state()
    Report.objects.filter(pk=site.pk).update(title_ru="Изменено после резервной копии")
    ReportFactory()
    media_root = Path(settings.MEDIA_ROOT)
    (media_root / "added-after-backup.txt").write_text("new")
    next(path for path in media_root.rglob("*") if path.is_file() and path.suffix != ".txt").unlink()

    call_command("restore", str(good_archive), yes=True, stdout=io.StringIO())

    assert site_state() == before
    assert Report.objects.get(pk=site.pk).title_ru == "Съезд профсоюза"


def test_command_line_prints_one_line_and_exits_1_for_random_bytes(tmp_path):
    archive = tmp_path / "random.tar.gz"
    archive.write_bytes(os.urandom(4096))
    env = {
        **os.environ,
        "DJANGO_DEBUG": "1",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "DJANGO_MEDIA_ROOT": str(tmp_path / "media"),
        # django-axes logs a start-up line at INFO; this test is about the command's own output.
        "DJANGO_LOG_LEVEL": "WARNING",
    }

    result = subprocess.run(
        [sys.executable, "manage.py", "restore", str(archive), "--yes"],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )

    assert result.returncode == 1
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("CommandError: ")
    assert str(archive) in lines[0]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL database settings")
def test_a_restored_postgresql_database_keeps_the_live_ones_settings(good_archive, site):
    name = connection.settings_dict["NAME"]
    quoted = connection.ops.quote_name(name)
    with connection.cursor() as cursor:
        cursor.execute(f"ALTER DATABASE {quoted} SET random_page_cost = 1.1")
    try:
        call_command("restore", str(good_archive), yes=True, stdout=io.StringIO())
        with connection.cursor() as cursor:
            cursor.execute("SHOW random_page_cost")
            assert cursor.fetchone()[0] == "1.1"
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f"ALTER DATABASE {quoted} RESET random_page_cost")


def test_failed_database_swap_puts_everything_back(good_archive, site, client, monkeypatch):
    """The media are swapped first; when the database swap then fails, the old media come back."""
    import backups.archive

    if connection.vendor == "sqlite":

        def locked(dump):
            raise sqlite3.OperationalError("database is locked")

        monkeypatch.setattr(backups.archive, "_copy_into_live_sqlite", locked)
    else:
        # Renaming the live database to a name that is taken fails inside the swap's transaction.
        real_name = backups.archive._postgres_name
        monkeypatch.setattr(
            backups.archive,
            "_postgres_name",
            lambda live, kind, stamp: "postgres" if kind == "old" else real_name(live, kind, stamp),
        )
    Report.objects.filter(pk=site.pk).update(title_ru="Изменено после резервной копии")
    (Path(settings.MEDIA_ROOT) / "added-after-backup.txt").write_text("new")
    before = site_state()

    assert "Could not put the restored database in place" in refusal(good_archive)

    assert site_state() == before
    assert client.get("/healthz").status_code == 200
