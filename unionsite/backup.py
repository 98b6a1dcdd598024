"""Back up and restore the database and the uploaded files as one dated archive.

The archive holds `database.sqlite3` (a consistent copy made with SQLite's backup API) or
`database.pgdump` (pg_dump's custom format), and `media/` with every uploaded file.
"""

import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from pathlib import Path

from django.conf import settings
from django.db import connection, connections
from django.utils import timezone

SQLITE_NAME = "database.sqlite3"
POSTGRES_NAME = "database.pgdump"
MEDIA_NAME = "media"


def _postgres_env_and_args(database):
    env = dict(os.environ)
    if database.get("PASSWORD"):
        env["PGPASSWORD"] = str(database["PASSWORD"])
    args = ["--dbname", database["NAME"]]
    if database.get("HOST"):
        args += ["--host", database["HOST"]]
    if database.get("PORT"):
        args += ["--port", str(database["PORT"])]
    if database.get("USER"):
        args += ["--username", database["USER"]]
    return env, args


def create_backup(output_dir):
    """Write `unionsite-backup-<timestamp>.tar.gz` into output_dir and return its path."""
    output_dir = Path(output_dir)
    output_dir.mkdir(parents=True, exist_ok=True)
    stamp = timezone.now().strftime("%Y%m%d-%H%M%S")
    archive_path = output_dir / f"unionsite-backup-{stamp}.tar.gz"
    database = connection.settings_dict
    with tempfile.TemporaryDirectory() as workdir:
        workdir = Path(workdir)
        if connection.vendor == "sqlite":
            dump_path = workdir / SQLITE_NAME
            connection.ensure_connection()
            with sqlite3.connect(dump_path) as target:
                connection.connection.backup(target)
        elif connection.vendor == "postgresql":
            dump_path = workdir / POSTGRES_NAME
            env, args = _postgres_env_and_args(database)
            subprocess.run(  # noqa: S603
                ["pg_dump", "--format=custom", "--no-owner", "--file", str(dump_path), *args],  # noqa: S607
                env=env,
                check=True,
            )
        else:
            raise RuntimeError(f"Backups are not supported on {connection.vendor}.")
        with tarfile.open(archive_path, "w:gz") as archive:
            archive.add(dump_path, arcname=dump_path.name)
            media_root = Path(settings.MEDIA_ROOT)
            if media_root.exists():
                archive.add(media_root, arcname=MEDIA_NAME)
    return archive_path


def restore_backup(archive_path):
    """Replace the database and the media files with those of the archive."""
    archive_path = Path(archive_path)
    with tempfile.TemporaryDirectory() as workdir:
        workdir = Path(workdir)
        with tarfile.open(archive_path, "r:gz") as archive:
            archive.extractall(workdir, filter="data")
        sqlite_dump = workdir / SQLITE_NAME
        postgres_dump = workdir / POSTGRES_NAME
        if connection.vendor == "sqlite" and sqlite_dump.exists():
            connection.ensure_connection()
            with sqlite3.connect(sqlite_dump) as source:
                source.backup(connection.connection)
        elif connection.vendor == "postgresql" and postgres_dump.exists():
            connections.close_all()
            env, args = _postgres_env_and_args(connection.settings_dict)
            subprocess.run(  # noqa: S603
                ["pg_restore", "--clean", "--if-exists", "--no-owner", "--single-transaction", *args,  # noqa: S607
                 str(postgres_dump)],
                env=env,
                check=True,
            )  # fmt: skip
        else:
            raise RuntimeError(f"{archive_path} holds no database dump for {connection.vendor}.")
        media_root = Path(settings.MEDIA_ROOT)
        restored_media = workdir / MEDIA_NAME
        if restored_media.exists():
            if media_root.exists():
                shutil.rmtree(media_root)
            shutil.copytree(restored_media, media_root)
