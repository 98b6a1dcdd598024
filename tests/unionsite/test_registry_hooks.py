"""Every per-app hook lives on the app's AppConfig (unionsite/registry.py): nothing else lists apps."""

import ast
import tomllib
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.urls import reverse
from django.utils import translation

from editorial import groups
from unionsite import registry

BASE_DIR = Path(settings.BASE_DIR)
PROJECT_APPS = [config for config in apps.get_app_configs() if Path(config.path).parent == BASE_DIR]
# Where the list of apps may be written by hand (the rule): settings and the import contracts.
ALLOWED = {"unionsite/settings.py"}


def project_python_files():
    packages = [path.parent for path in BASE_DIR.glob("*/__init__.py") if path.parent.name != "tests"]
    assert {Path(config.path) for config in PROJECT_APPS} <= set(packages)
    for package in packages:
        for path in package.rglob("*.py"):
            relative = path.relative_to(BASE_DIR).as_posix()
            if "/migrations/" not in relative and relative not in ALLOWED:
                yield relative, path.read_text(encoding="utf-8")


def first_string(node):
    """The app label a literal names: "news" or "news.report", or ("news", "report")."""
    if isinstance(node, ast.Tuple | ast.List) and node.elts:
        node = node.elts[0]
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value.split(".")[0]
    return None


def app_lists(source, labels):
    """Line numbers of literal lists, tuples, sets and dict keys naming two or more of `labels`
    (as "news" or as "news.report")."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.List | ast.Tuple | ast.Set):
            elements = node.elts
        elif isinstance(node, ast.Dict):
            elements = [key for key in node.keys if key is not None]
        else:
            continue
        strings = [label for label in map(first_string, elements) if label is not None]
        named = {label for label in strings if label in labels}
        # Two apps or more, and apps are most of what it lists (a list of the guide's tasks that
        # happens to hold "pages" and "events" is not a list of apps).
        if len(named) >= 2 and 2 * sum(label in labels for label in strings) >= len(strings):
            found.append(node.lineno)
    return found


def test_the_scanner_finds_a_hand_written_list_of_apps():
    labels = {"news", "faq", "documents"}
    assert app_lists('SECTIONS = {"news": 1, "faq": 2}', labels) == [1]
    assert app_lists('FEATURED = [("news", "report"), ("faq", "question")]', labels) == [1]
    assert app_lists('x = ("news.report", "documents.document")', labels) == [1]
    assert app_lists('x = ["news", "something else"]', labels) == []
    assert (
        app_lists('TASKS = ("news", "faq", "review", "settings", "home", "users", "backups")', labels) == []
    )


def test_no_module_lists_the_apps_by_hand():
    labels = {config.label for config in registry.content_apps()}
    assert len(labels) >= 6
    offenders = [
        f"{path}:{line}" for path, source in project_python_files() for line in app_lists(source, labels)
    ]
    assert offenders == [], "Ask unionsite.registry instead of listing apps: " + ", ".join(offenders)


def test_every_project_app_is_named_in_the_import_contracts():
    config = tomllib.loads((BASE_DIR / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["importlinter"]
    named = set(config["root_packages"])
    for contract in config["contracts"]:
        for key in ("source_modules", "forbidden_modules", "modules"):
            named.update(contract.get(key, []))
    missing = {app.name for app in PROJECT_APPS} - named
    assert missing == set()
    content_named = set()
    for contract in config["contracts"]:
        content_named.update(contract.get("forbidden_modules", []))
    assert {app.name for app in registry.content_apps()} <= content_named


@pytest.mark.django_db
def test_role_groups_hold_what_every_app_declares():
    checked = 0
    for config in apps.get_app_configs():
        for name, codenames in groups.declared_role_permissions(config.label).items():
            held = set(
                Group.objects.get(name=name)
                .permissions.filter(content_type__app_label=config.label)
                .values_list("codename", flat=True)
            )
            assert set(codenames) <= held, (config.label, name, set(codenames) - held)
            assert Permission.objects.filter(
                content_type__app_label=config.label, codename__in=codenames
            ).count() == len(set(codenames))
            checked += len(codenames)
    assert checked > 100


@pytest.mark.django_db
def test_grant_role_permissions_keeps_what_administrators_changed():
    migration = SimpleNamespace(connection=connection)

    reviewer = Group.objects.get(name=groups.REVIEWER)
    reviewer.permissions.remove(Permission.objects.get(codename="publish_event"))
    custom = Group.objects.create(name="Only events")
    grant, revoke = groups.grant_role_permissions("events", {"Only events": ["view_event"]})
    grant(apps, migration)
    assert list(custom.permissions.values_list("codename", flat=True)) == ["view_event"]
    assert not reviewer.permissions.filter(codename="publish_event").exists()
    revoke(apps, migration)
    assert not custom.permissions.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["ky", "ru"])
def test_every_content_app_is_served_under_its_prefix(client, language):
    for config in registry.sections():
        with translation.override(language):
            url = reverse(config.index_url_name)
        assert url.startswith(f"/{language}/{config.url_prefix}")
        assert client.get(url).status_code == 200


def test_share_sections_come_from_the_registry():
    sections = registry.share_sections()
    assert set(sections) == {config.label for config in registry.content_apps()}
    with translation.override("ru"):
        assert str(sections["pages"]) == "Информация"
        assert str(sections["news"]) == "Новости"
    with translation.override("ky"):
        assert str(sections["pages"]) == "Маалымат"


def test_demo_pins_a_report_then_an_answer():
    assert [model._meta.label for model in registry.demo_featured_models()] == ["news.Report", "faq.Question"]
