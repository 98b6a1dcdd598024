"""Back up and restore the database and the uploaded files as one dated archive.

An archive `unionsite-backup-<stamp>.tar.gz` holds:

* `manifest.json`: {"format": 1, "app": "unionsite", "database": "sqlite" | "postgresql",
  "migrations": [[app, name], ...] applied in the database, "files": {path: sha256}, "created": iso};
* `database.sqlite3` (a consistent copy made with SQLite's backup API) or `database.pgdump`
  (pg_dump's custom format);
* `media/` with every uploaded file.

Restoring checks the whole archive before it changes anything: only plain files and folders with
safe relative names, each file listed in the manifest with its checksum; the manifest's format,
app, database engine and migrations; and that the dump is a database of this site with exactly
those migrations. The migrations must be the very set this code has on disk: an archive with a
migration the code does not know was made by newer code, one that lacks a migration by older code,
and either would leave the site running on a schema it does not expect. Such an archive is
restored with the release that made it, then upgraded as usual.

The new database and media are prepared aside and swapped in only when complete:

* media are unpacked into `<media>.restore-tmp/` beside the media folder and renamed into place;
  the old folder stays as `<media>.old-<stamp>` until the database has been swapped too, and is put
  back if that fails;
* SQLite: the checked dump is copied into the live database with the backup API, in one
  transaction that other processes see whole. (Replacing the file with os.replace would leave
  running workers reading and writing the old, unlinked file.)
* PostgreSQL: the dump is restored into a new database `<name>_restore_<stamp>` and checked; then
  the live database's connections are closed and the two databases are renamed in one
  transaction; the old one, renamed `<name>_old_<stamp>`, is dropped after the swap. The database
  role needs CREATEDB.

Every refusal raises RestoreRefused with a one-line message, and nothing has been changed.
"""

import hashlib
import io
import json
import logging
import os
import re
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
import zlib
from contextlib import closing, contextmanager
from pathlib import Path, PurePosixPath

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, DatabaseError, connection, connections
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone
from django.utils.translation import gettext as _

FORMAT = 1
APP = "unionsite"
MANIFEST_NAME = "manifest.json"
DUMP_NAMES = {"sqlite": "database.sqlite3", "postgresql": "database.pgdump"}
MEDIA_NAME = "media"
# A table entry of `pg_restore --list`: "215; 1259 16390 TABLE public django_migrations owner".
PG_LIST_TABLE = re.compile(r"^\d+; \d+ \d+ TABLE (?!DATA )\S+ (\S+) ")

logger = logging.getLogger(__name__)


class RestoreRefused(Exception):
    """The archive cannot be restored and nothing was changed; the message is one line."""


class BackupFailed(Exception):
    """The backup could not be written; the message is one line."""


def code_migrations():
    """Every migration this code has on disk: what a fully migrated database has applied."""
    return set(MigrationLoader(None, ignore_no_migrations=True).disk_migrations)


def site_tables():
    return {"django_migrations", *connection.introspection.django_table_names()}


def _supported_vendor(error_class):
    if connection.vendor not in DUMP_NAMES:
        raise error_class(
            _("Backup and restore support SQLite and PostgreSQL, not %(vendor)s.")
            % {"vendor": connection.vendor}
        )
    return connection.vendor


def _one_line(error):
    lines = [line.strip() for line in str(error).splitlines() if line.strip()]
    return lines[0] if lines else repr(error)


def _first_few(names):
    names = list(names)
    return ", ".join(names[:6]) + (", …" if len(names) > 6 else "")


def _postgres_client(command, database_name=None):
    """Run a PostgreSQL client program, against database_name when given, as the site's role."""
    settings_dict = connection.settings_dict
    env = dict(os.environ)
    args = []
    if database_name:
        if settings_dict.get("PASSWORD"):
            env["PGPASSWORD"] = str(settings_dict["PASSWORD"])
        args = ["--dbname", database_name]
        for option, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
            if settings_dict.get(key):
                args += [option, str(settings_dict[key])]
    return subprocess.run([*command, *args], env=env, capture_output=True, text=True, check=False)  # noqa: S603


# --- backup -------------------------------------------------------------------------------------


class _HashingReader:
    """Hands a file to tarfile and hashes exactly the bytes that went into the archive."""

    def __init__(self, file):
        self.file, self.sha256 = file, hashlib.sha256()

    def read(self, size=-1):
        chunk = self.file.read(size)
        self.sha256.update(chunk)
        return chunk


def _add_file(archive, path, arcname, checksums):
    info = archive.gettarinfo(path, arcname)
    with open(path, "rb") as file:
        reader = _HashingReader(file)
        archive.addfile(info, reader)
    checksums[arcname] = reader.sha256.hexdigest()


def create_backup(output_dir):
    """Write `unionsite-backup-<timestamp>.tar.gz` into output_dir and return its path, and whether
    the database has applied exactly this code's migrations (else only such code restores it)."""
    vendor = _supported_vendor(BackupFailed)
    output_dir = Path(output_dir)
    output_dir.mkdir(parents=True, exist_ok=True)
    now = timezone.now()
    archive_path = output_dir / f"unionsite-backup-{now:%Y%m%d-%H%M%S}.tar.gz"
    connection.ensure_connection()
    migrations = set(MigrationRecorder(connection).applied_migrations())
    with tempfile.TemporaryDirectory() as workdir:
        dump_path = Path(workdir) / DUMP_NAMES[vendor]
        if vendor == "sqlite":
            with closing(sqlite3.connect(dump_path)) as target:
                connection.connection.backup(target)
                target.execute("PRAGMA journal_mode=DELETE")  # one self-contained file, even from WAL
        else:
            result = _postgres_client(
                ["pg_dump", "--format=custom", "--no-owner", "--file", str(dump_path)],
                connection.settings_dict["NAME"],
            )
            if result.returncode:
                raise BackupFailed(_("pg_dump failed: %(error)s") % {"error": _one_line(result.stderr)})
        checksums = {}
        with tarfile.open(archive_path, "w:gz", dereference=True) as archive:
            _add_file(archive, dump_path, dump_path.name, checksums)
            media_root = Path(settings.MEDIA_ROOT)
            if media_root.is_dir():
                archive.add(media_root, arcname=MEDIA_NAME, recursive=False)
                for path in sorted(media_root.rglob("*")):
                    arcname = f"{MEDIA_NAME}/{path.relative_to(media_root).as_posix()}"
                    if path.is_file():
                        _add_file(archive, path, arcname, checksums)
                    elif path.is_dir():
                        archive.add(path, arcname=arcname, recursive=False)
            manifest = {
                "format": FORMAT,
                "app": APP,
                "database": vendor,
                "migrations": sorted([app, name] for app, name in migrations),
                "files": checksums,
                "created": now.isoformat(),
            }
            data = json.dumps(manifest, indent=1, sort_keys=True).encode()
            info = tarfile.TarInfo(MANIFEST_NAME)
            info.size, info.mtime, info.mode = len(data), int(now.timestamp()), 0o644
            archive.addfile(info, io.BytesIO(data))
    return archive_path, migrations == code_migrations()


# --- restore: checks before anything changes ----------------------------------------------------


def _migration_differences(found, expected):
    """'+app.name' for what only `found` has, '-app.name' for what only `expected` has."""
    return _first_few(
        [f"+{app}.{name}" for app, name in sorted(found - expected)]
        + [f"-{app}.{name}" for app, name in sorted(expected - found)]
    )


def _check_member_safety(members):
    seen = set()
    for member in members:
        name = member.name
        path = PurePosixPath(name)
        if path.is_absolute() or ".." in path.parts or path.as_posix() != name:
            raise RestoreRefused(_("The archive member %(name)s has an unsafe path.") % {"name": name})
        if not (member.isreg() or member.isdir()):
            raise RestoreRefused(
                _("The archive member %(name)s is a link or a special file.") % {"name": name}
            )
        if name in seen:
            raise RestoreRefused(_("The archive member %(name)s appears twice.") % {"name": name})
        seen.add(name)


def _read_manifest(archive, members):
    """The manifest's (format, app, database), its migrations and its {path: sha256}."""
    manifest_member = next((member for member in members if member.name == MANIFEST_NAME), None)
    if manifest_member is None:
        raise RestoreRefused(
            _("The archive has no manifest.json: it was not made by this site's backup command.")
        )
    malformed = RestoreRefused(_("The archive's manifest.json is malformed."))
    try:
        manifest = json.loads(archive.extractfile(manifest_member).read())
        fields = (manifest["format"], manifest["app"], manifest["database"])
        migrations = {(app, name) for app, name in manifest["migrations"]}
        checksums = dict(manifest["files"])
    except (ValueError, KeyError, TypeError, AttributeError):
        raise malformed from None
    texts = [*fields[1:], *(part for key in migrations for part in key), *checksums, *checksums.values()]
    if not all(isinstance(text, str) for text in texts):
        raise malformed
    return fields, migrations, checksums


def _check_manifest(fields, migrations, checksums, vendor):
    format_version, app, database = fields
    if format_version != FORMAT:
        raise RestoreRefused(
            _("The archive's format version is %(found)s; this site reads version %(expected)s.")
            % {"found": format_version, "expected": FORMAT}
        )
    if app != APP:
        raise RestoreRefused(
            _("The archive belongs to the application %(found)s, not %(expected)s.")
            % {"found": app, "expected": APP}
        )
    if database != vendor:
        raise RestoreRefused(
            _("The archive holds a %(found)s database; this site runs on %(expected)s.")
            % {"found": database, "expected": vendor}
        )
    expected = code_migrations()
    if migrations != expected:
        raise RestoreRefused(
            _(
                "The archive's migrations differ from this code's (%(differences)s; + only in the archive, "
                "- only in the code): restore it with the release that made it."
            )
            % {"differences": _migration_differences(migrations, expected)}
        )
    dump_name = DUMP_NAMES[vendor]
    if dump_name not in checksums:
        raise RestoreRefused(_("The archive's manifest lists no %(name)s.") % {"name": dump_name})
    for name in checksums:
        if name != dump_name and not name.startswith(f"{MEDIA_NAME}/"):
            raise RestoreRefused(
                _("The archive's manifest lists %(name)s, which is neither the database nor a media file.")
                % {"name": name}
            )


def _check_listing(members, checksums):
    """Every file in the archive is in the manifest, and the other way round."""
    for member in members:
        name = member.name
        if member.isdir():
            listed = name == MEDIA_NAME or name.startswith(f"{MEDIA_NAME}/")
        else:
            listed = name == MANIFEST_NAME or name in checksums
        if not listed:
            raise RestoreRefused(
                _("The archive member %(name)s is not listed in its manifest.") % {"name": name}
            )
    files = {member.name for member in members if member.isfile()}
    for name in checksums:
        if name not in files:
            raise RestoreRefused(
                _("The file %(name)s is listed in the manifest but missing from the archive.")
                % {"name": name}
            )


def _unpack_verified(archive_path, staging, vendor):
    """Check the archive, unpack it into staging and check every file; return its migrations."""
    try:
        with tarfile.open(archive_path, "r:gz") as archive:
            members = archive.getmembers()  # reads to the end: a truncated archive fails here
            _check_member_safety(members)
            fields, migrations, checksums = _read_manifest(archive, members)
            _check_manifest(fields, migrations, checksums, vendor)
            _check_listing(members, checksums)
            archive.extractall(staging, members=members, filter="data")
    except (tarfile.TarError, EOFError, zlib.error, OSError) as error:
        raise RestoreRefused(
            _("Could not unpack %(path)s: %(error)s") % {"path": archive_path, "error": _one_line(error)}
        ) from None
    for name, checksum in checksums.items():
        with open(staging / name, "rb") as file:
            if hashlib.file_digest(file, "sha256").hexdigest() != checksum.lower():
                raise RestoreRefused(
                    _("The file %(name)s does not match its checksum in the manifest.") % {"name": name}
                )
    return migrations


@contextmanager
def _database(name):
    """A connection, outside Django's registry, to another database of the same engine and server."""
    wrapper_class = type(connections[DEFAULT_DB_ALIAS])
    wrapper = wrapper_class({**connection.settings_dict, "NAME": name}, alias=f"restore:{name}")
    try:
        yield wrapper
    finally:
        wrapper.close()


def _refuse_missing_tables(label, tables):
    missing = sorted(site_tables() - tables, key=lambda table: (table != "django_migrations", table))
    if missing:
        raise RestoreRefused(
            _("%(name)s is not a database of this site: it lacks this site's tables (%(tables)s).")
            % {"name": label, "tables": _first_few(missing)}
        )


def _check_database(wrapper, label, migrations):
    """Refuse unless the database is readable, has this site's tables and the archive's migrations."""
    try:
        with wrapper.cursor() as cursor:
            if wrapper.vendor == "sqlite":
                cursor.execute("PRAGMA quick_check")
                (result,) = cursor.fetchone()
                if result != "ok":
                    raise DatabaseError(result)
            _refuse_missing_tables(label, set(wrapper.introspection.table_names(cursor)))
            cursor.execute("SELECT app, name FROM django_migrations")
            applied = {(app, name) for app, name in cursor.fetchall()}
    except DatabaseError as error:
        raise RestoreRefused(
            _("%(name)s is not a readable database: %(error)s") % {"name": label, "error": _one_line(error)}
        ) from None
    if applied != migrations:
        raise RestoreRefused(
            _(
                "%(name)s has not applied the migrations its manifest lists (%(differences)s; "
                "+ only in the database, - only in the manifest)."
            )
            % {"name": label, "differences": _migration_differences(applied, migrations)}
        )


def _check_pg_dump_listing(dump):
    try:
        result = _postgres_client(["pg_restore", "--list", str(dump)])
    except OSError as error:
        raise RestoreRefused(_("pg_restore could not run: %(error)s") % {"error": _one_line(error)}) from None
    if result.returncode:
        raise RestoreRefused(
            _("%(name)s is not a pg_dump archive: %(error)s")
            % {"name": dump.name, "error": _one_line(result.stderr)}
        )
    _refuse_missing_tables(
        dump.name, {match[1] for line in result.stdout.splitlines() if (match := PG_LIST_TABLE.match(line))}
    )


# --- restore: prepare aside, then swap ----------------------------------------------------------


def _postgres_name(live, kind, stamp):
    suffix = f"_{kind}_{stamp}"
    return live[: 63 - len(suffix)] + suffix  # PostgreSQL cuts names at 63 bytes


def _quote_literal(text):
    return "'" + str(text).replace("'", "''") + "'"


def _drop_postgres_database(name):
    with _database("postgres") as server, server.cursor() as cursor:
        cursor.execute(f"DROP DATABASE IF EXISTS {connection.ops.quote_name(name)} WITH (FORCE)")


def _restore_postgres_aside(dump, migrations, stamp):
    """Restore the dump into a new database with the live one's encoding, check it, return its name."""
    live = connection.settings_dict["NAME"]
    scratch = _postgres_name(live, "restore", stamp)
    try:
        with _database("postgres") as server, server.cursor() as cursor:
            cursor.execute(
                "SELECT pg_encoding_to_char(encoding), datcollate, datctype "
                "FROM pg_database WHERE datname = %s",
                [live],
            )
            row = cursor.fetchone()
            like_live = (
                " ENCODING {} LC_COLLATE {} LC_CTYPE {}".format(*map(_quote_literal, row)) if row else ""
            )
            cursor.execute(
                f"CREATE DATABASE {connection.ops.quote_name(scratch)} TEMPLATE template0{like_live}"
            )
            _copy_database_settings(cursor, live, scratch)
    except DatabaseError as error:
        raise RestoreRefused(
            _("Could not create the database %(name)s to restore into: %(error)s")
            % {"name": scratch, "error": _one_line(error)}
        ) from None
    try:
        result = _postgres_client(
            ["pg_restore", "--no-owner", "--exit-on-error", "--single-transaction", str(dump)], scratch
        )
        if result.returncode:
            raise RestoreRefused(
                _("pg_restore could not restore %(name)s: %(error)s")
                % {"name": dump.name, "error": _one_line(result.stderr)}
            )
        with _database(scratch) as restored:
            _check_database(restored, dump.name, migrations)
    except BaseException:
        _drop_postgres_database(scratch)
        raise
    return scratch


def _copy_database_settings(cursor, live, scratch):
    """The live database's own settings (ALTER DATABASE ... SET, such as random_page_cost), which
    pg_dump does not carry, set on the new one too."""
    cursor.execute(
        "SELECT unnest(setting.setconfig) FROM pg_db_role_setting setting "
        "JOIN pg_database db ON db.oid = setting.setdatabase WHERE db.datname = %s AND setting.setrole = 0",
        [live],
    )
    for (entry,) in cursor.fetchall():
        name, value = entry.split("=", 1)
        quoted_name = ".".join(connection.ops.quote_name(part) for part in name.split("."))
        cursor.execute(
            f"ALTER DATABASE {connection.ops.quote_name(scratch)} SET {quoted_name} = {_quote_literal(value)}"
        )


def _swap_postgres_databases(scratch, stamp):
    """Give the scratch database the live name; return the name the old database has now."""
    live = connection.settings_dict["NAME"]
    old = _postgres_name(live, "old", stamp)
    quote = connection.ops.quote_name
    connections.close_all()  # Django reconnects by name, to the new database
    with _database("postgres") as server, server.cursor() as cursor:
        # No new connections while the site's are closed and the names move.
        cursor.execute(f"ALTER DATABASE {quote(live)} ALLOW_CONNECTIONS false")
        try:
            cursor.execute(
                "SELECT pg_terminate_backend(pid, 10000) FROM pg_stat_activity "
                "WHERE datname = %s AND pid <> pg_backend_pid()",
                [live],
            )
            cursor.execute("BEGIN")
            cursor.execute(f"ALTER DATABASE {quote(live)} RENAME TO {quote(old)}")
            cursor.execute(f"ALTER DATABASE {quote(scratch)} RENAME TO {quote(live)}")
            cursor.execute("COMMIT")
        except DatabaseError:
            cursor.execute("ROLLBACK")
            cursor.execute(f"ALTER DATABASE {quote(live)} ALLOW_CONNECTIONS true")
            raise
    return old


def _copy_into_live_sqlite(dump):
    connection.ensure_connection()
    with closing(sqlite3.connect(f"{dump.as_uri()}?mode=ro", uri=True)) as source:
        source.backup(connection.connection)


def _swap_media(new_media, media_root, stamp):
    """Put new_media in media_root's place; return where the old folder went (None if there was none)."""
    if not media_root.exists():
        os.rename(new_media, media_root)
        return None
    old_media = media_root.with_name(f"{media_root.name}.old-{stamp}")
    os.rename(media_root, old_media)
    try:
        os.rename(new_media, media_root)
    except OSError:
        os.rename(old_media, media_root)
        raise
    return old_media


def _unswap_media(new_media, media_root, old_media):
    os.rename(media_root, new_media)
    if old_media is not None:
        os.rename(old_media, media_root)


def restore_backup(archive_path):
    """Replace the database and the media files with those of the archive, or refuse, changing nothing."""
    vendor = _supported_vendor(RestoreRefused)
    stamp = timezone.now().strftime("%Y%m%d%H%M%S")
    media_root = Path(settings.MEDIA_ROOT).resolve()
    staging = media_root.with_name(f"{media_root.name}.restore-tmp")
    shutil.rmtree(staging, ignore_errors=True)  # left over by an interrupted restore
    try:
        staging.mkdir(parents=True)
    except OSError as error:
        raise RestoreRefused(
            _("Could not prepare the restore in %(path)s: %(error)s")
            % {"path": staging, "error": _one_line(error)}
        ) from None
    scratch = old_database = None
    try:
        migrations = _unpack_verified(archive_path, staging, vendor)
        dump = staging / DUMP_NAMES[vendor]
        if vendor == "sqlite":
            with _database(f"{dump.as_uri()}?mode=ro") as restored:
                _check_database(restored, dump.name, migrations)
        else:
            _check_pg_dump_listing(dump)
            scratch = _restore_postgres_aside(dump, migrations, stamp)
        new_media = staging / MEDIA_NAME
        new_media.mkdir(exist_ok=True)
        try:
            old_media = _swap_media(new_media, media_root, stamp)
        except OSError as error:
            raise RestoreRefused(
                _("Could not put the restored media folder in place: %(error)s") % {"error": _one_line(error)}
            ) from None
        try:
            if vendor == "sqlite":
                _copy_into_live_sqlite(dump)
            else:
                old_database, scratch = _swap_postgres_databases(scratch, stamp), None
        except (DatabaseError, sqlite3.Error) as error:
            _unswap_media(new_media, media_root, old_media)
            raise RestoreRefused(
                _("Could not put the restored database in place: %(error)s") % {"error": _one_line(error)}
            ) from None
    finally:
        if scratch:
            _drop_postgres_database(scratch)
        shutil.rmtree(staging, ignore_errors=True)
    # The swap succeeded: the old copies can go.
    if old_media is not None:
        shutil.rmtree(old_media, ignore_errors=True)
    if old_database:
        try:
            _drop_postgres_database(old_database)
        except DatabaseError:
            logger.exception("Restored, but could not drop the old database %s", old_database)
