import os
import re
import subprocess
import sys
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parents[2]
PRODUCTION_ENV = {
    "DJANGO_SECRET_KEY": "a-long-random-production-secret-9f8e7d6c5b4a39281706f5e4d3c2b1a0",
    "DJANGO_ALLOWED_HOSTS": "kesipbirlik.example.kg",
    "DJANGO_HTTPS": "1",
    "DJANGO_SITE_URL": "https://kesipbirlik.example.kg",
}


def run_manage(*args, env_overrides):
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_") and k != "DATABASE_URL"}
    env.update(env_overrides)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_check_deploy_is_clean_with_production_settings():
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", env_overrides=PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_missing_secret_in_production_stops_the_server_at_start_up_with_a_clear_message():
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_") and k != "DATABASE_URL"}
    env.update({k: v for k, v in PRODUCTION_ENV.items() if k != "DJANGO_SECRET_KEY"})
    env["DJANGO_SETTINGS_MODULE"] = "unionsite.settings"
    result = subprocess.run(
        [sys.executable, "-c", "import unionsite.wsgi"],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY is not set" in result.stderr


def test_missing_secret_in_production_fails_the_deploy_check():
    env = dict(PRODUCTION_ENV)
    del env["DJANGO_SECRET_KEY"]
    result = run_manage("check", "--deploy", env_overrides=env)
    assert result.returncode != 0
    assert "unionsite.E001" in result.stderr + result.stdout
    assert "DJANGO_SECRET_KEY is not set" in result.stderr + result.stdout


def test_deploy_check_requires_the_site_address_for_mail_links():
    env = {key: value for key, value in PRODUCTION_ENV.items() if key != "DJANGO_SITE_URL"}
    result = run_manage("check", "--deploy", env_overrides=env)
    assert result.returncode != 0
    assert "unionsite.E002" in result.stderr and "DJANGO_SITE_URL" in result.stderr
    result = run_manage("check", "--deploy", env_overrides={**env, "DJANGO_SITE_URL": "union.kg/ky/"})
    assert "unionsite.E003" in result.stderr


def test_tooling_runs_before_the_secret_is_set():
    result = run_manage("makemigrations", "--check", "--dry-run", env_overrides={})
    assert result.returncode == 0, result.stderr


def test_development_runs_without_a_secret():
    result = run_manage("check", env_overrides={"DJANGO_DEBUG": "1"})
    assert result.returncode == 0, result.stderr


def test_environment_selects_database_cache_and_paths():
    code = (
        "from django.conf import settings as s;"
        "print(s.DATABASES['default']['ENGINE']);print(s.CACHES['default']['BACKEND']);"
        "print(s.MEDIA_ROOT);print(s.STATIC_ROOT);print(s.ALLOWED_HOSTS);print(s.CSRF_TRUSTED_ORIGINS);"
        "print(s.DEBUG)"
    )
    env = {
        **PRODUCTION_ENV,
        "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/unionsite",
        "REDIS_URL": "redis://127.0.0.1:6379/1",
        "DJANGO_MEDIA_ROOT": "/srv/union/media",
        "DJANGO_STATIC_ROOT": "/srv/union/static",
        "DJANGO_CSRF_TRUSTED_ORIGINS": "https://kesipbirlik.example.kg",
    }
    result = run_manage("shell", "--no-imports", "-c", code, env_overrides=env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split("\n")[:7] == [
        "django.db.backends.postgresql",
        "django.core.cache.backends.redis.RedisCache",
        "/srv/union/media",
        "/srv/union/static",
        "['kesipbirlik.example.kg']",
        "['https://kesipbirlik.example.kg']",
        "False",
    ]


def test_default_database_is_sqlite_under_var():
    code = "from django.conf import settings as s;print(s.DATABASES['default']['NAME'])"
    result = run_manage("shell", "--no-imports", "-c", code, env_overrides={"DJANGO_DEBUG": "1"})
    assert result.stdout.strip() == str(BASE_DIR / "var" / "db.sqlite3")


DEV_COMMANDS = {"populate_bench", "run_bench", "loadtest", "run_lighthouse"}


def listed_commands(env_overrides):
    result = run_manage("help", "--commands", env_overrides=env_overrides)
    assert result.returncode == 0, result.stderr
    return set(result.stdout.split())


def test_production_lists_no_benchmark_or_load_test_commands():
    commands = listed_commands({"DJANGO_SECRET_KEY": PRODUCTION_ENV["DJANGO_SECRET_KEY"]})
    assert "migrate" in commands
    assert "backup" in commands
    assert commands.isdisjoint(DEV_COMMANDS)


def test_dev_tools_setting_lists_the_benchmark_and_load_test_commands():
    commands = listed_commands(
        {"DJANGO_SECRET_KEY": PRODUCTION_ENV["DJANGO_SECRET_KEY"], "DJANGO_DEV_TOOLS": "1"}
    )
    assert commands >= DEV_COMMANDS


def test_no_site_module_imports_the_dev_tools():
    packages = [init.parent for init in BASE_DIR.glob("*/__init__.py")]
    site_packages = [package for package in packages if package.name not in {"devtools", "tests"}]
    assert {"unionsite", "news", "faq", "documents", "structure"} <= {p.name for p in site_packages}
    importers = [
        str(path.relative_to(BASE_DIR))
        for package in site_packages
        for path in package.rglob("*.py")
        if re.search(r"^\s*(from|import)\s+devtools\b", path.read_text(encoding="utf-8"), re.MULTILINE)
    ]
    assert importers == []
