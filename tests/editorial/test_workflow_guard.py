"""Only editorial/services.py writes what the public sees: a publication status or an `is_published`
tick. The guard reads every module of the project's packages (migrations and tests aside) and
fails on a write anywhere else; the planted examples show that it finds each kind of write."""

import ast
from pathlib import Path

import pytest
from django.conf import settings

PROJECT = Path(settings.BASE_DIR)
ALLOWED = {Path("editorial/services.py")}

PUBLICATION_NAMES = {"DRAFT", "SUBMITTED", "RETURNED", "PUBLISHED"}
PUBLICATION_VALUES = {"draft", "submitted", "returned", "published"}
# Calls that store rows; reads (filter, exclude, get, Q, When...) may name a status freely.
WRITING_METHODS = {"create", "update", "update_or_create", "get_or_create", "bulk_create"}


def names_a_publication_status(node):
    """Does the expression mention a publication status (Report.Status.PUBLISHED, "draft", ...)?"""
    for part in ast.walk(node):
        if isinstance(part, ast.Attribute) and part.attr in PUBLICATION_NAMES:
            return True
        if isinstance(part, ast.Constant) and part.value in PUBLICATION_VALUES:
            return True
    return False


def writes(field, value):
    """Is giving `field` this value a write of what the public sees?"""
    if field == "is_published":
        return True
    return field == "status" and names_a_publication_status(value)


def _targets(node):
    if isinstance(node, ast.Assign):
        targets = node.targets
    elif isinstance(node, ast.AnnAssign | ast.AugAssign):
        targets = [node.target]
    else:
        return
    for target in targets:
        yield from (target.elts if isinstance(target, ast.Tuple | ast.List) else [target])


def _written_field(target):
    """`item.status = ...` → "status"; `data["status"] = ...` → "status"; else None."""
    if isinstance(target, ast.Attribute):
        return target.attr
    if isinstance(target, ast.Subscript) and isinstance(target.slice, ast.Constant):
        return target.slice.value
    return None


def _callable_name(call):
    if isinstance(call.func, ast.Attribute):
        return call.func.attr
    if isinstance(call.func, ast.Name):
        return call.func.id
    return ""


def _stores(call):
    """Does the call store rows (QuerySet.create, update...) or build one to store (Model(...))?"""
    name = _callable_name(call)
    return name in WRITING_METHODS or (name[:1].isupper() and name not in {"Q", "When", "Case", "Exists"})


def _stored_dicts(node):
    """Dict literals whose keys become fields of stored rows: defaults={...} or **{...} of a call
    that stores, and dicts a name is given or a function returns (fields for a constructor, as
    demo loaders build them)."""
    if isinstance(node, ast.Call) and _stores(node):
        yield from (keyword.value for keyword in node.keywords if isinstance(keyword.value, ast.Dict))
    if isinstance(node, ast.Return | ast.Assign) and isinstance(node.value, ast.Dict):
        yield node.value


def violations(source, filename="<code>"):
    """(line, what) for every write of a publication status or tick in `source`."""
    found = []
    for node in ast.walk(ast.parse(source, filename)):
        for target in _targets(node):
            field = _written_field(target)
            value = node.value if node.value is not None else target
            if field and writes(field, value):
                found.append((node.lineno, f"assigns {field}"))
        if isinstance(node, ast.Call):
            name = _callable_name(node)
            if _stores(node):
                for keyword in node.keywords:
                    if keyword.arg and writes(keyword.arg, keyword.value):
                        found.append((node.lineno, f"{name}({keyword.arg}=...)"))
            named = name == "setattr" and len(node.args) == 3 and isinstance(node.args[1], ast.Constant)
            if named and writes(node.args[1].value, node.args[2]):
                found.append((node.lineno, f"setattr {node.args[1].value}"))
        for fields in _stored_dicts(node):
            for key, value in zip(fields.keys, fields.values, strict=True):
                if isinstance(key, ast.Constant) and writes(key.value, value):
                    found.append((fields.lineno, f"{{{key.value!r}: ...}}"))
    return found


def project_modules():
    """Every module of the project's packages, but migrations, tests and the services."""
    for package in sorted(PROJECT.iterdir()):
        if not (package / "__init__.py").exists() or package.name == "tests":
            continue
        for path in sorted(package.rglob("*.py")):
            relative = path.relative_to(PROJECT)
            if "migrations" in relative.parts or relative in ALLOWED:
                continue
            yield relative


def test_the_guard_reads_the_content_apps_and_the_loaders():
    modules = set(project_modules())
    for expected in ("news/admin.py", "faq/admin.py", "news/demo.py", "pages/demo.py", "faq/demo.py"):
        assert Path(expected) in modules
    assert Path("devtools/management/commands/populate_bench.py") in modules
    assert Path("editorial/services.py") not in modules
    assert not any("migrations" in path.parts for path in modules)


def test_no_module_but_the_services_writes_a_publication_status():
    found = [
        f"{path}:{line}: {what}"
        for path in project_modules()
        for line, what in violations((PROJECT / path).read_text(encoding="utf-8"), str(path))
    ]
    assert found == [], "Write through editorial/services.py:\n" + "\n".join(found)


@pytest.mark.parametrize(
    "code",
    [
        "report.status = Report.Status.PUBLISHED",
        "item.status = 'published'",
        "item.status, item.review_comment = PublicationStatus.RETURNED, 'x'",
        "question.is_published = True",
        "setattr(page, 'status', Page.Status.DRAFT)",
        "data['status'] = Document.Status.PUBLISHED",
        "Report.objects.filter(pk=1).update(status=PublicationStatus.DRAFT)",
        "Report.objects.create(title='x', status='submitted')",
        "Question.objects.filter(pk=1).update(is_published=False)",
        "Report.objects.update_or_create(slug='x', defaults={'status': spec.get('s', Status.PUBLISHED)})",
        "Question(topic=topic, is_published=True)",
        "Event(slug='x', status=Event.Status.PUBLISHED)",
        "Page(published_at=now, **{'status': 'published'})",
        "def fields(data):\n    return {'page_type': data['type'], 'status': Page.Status.PUBLISHED}",
        "def visibility(visible):\n    return {'is_published': visible}",
        "fields = {'page_type': data['type'], 'status': Page.Status.PUBLISHED}",
    ],
)
def test_the_guard_finds_a_planted_write(code):
    assert violations(code) != []


@pytest.mark.parametrize(
    "code",
    [
        "Report.objects.filter(status=PublicationStatus.PUBLISHED)",
        "Q(status=PublicationStatus.SUBMITTED) | Q(is_published=True)",
        "page.status = response.status_code",
        "incoming.status = IncomingQuestion.Status.ANSWERED",
        "IncomingQuestion.objects.filter(pk=1).update(status=IncomingQuestion.Status.REJECTED)",
        "if report.status == Report.Status.PUBLISHED: pass",
        "services.publish(report, services.SYSTEM)",
        "SPECS = [{'slug': 'draft-report', 'status': Report.Status.DRAFT}]",
        "fields.update({'title_ky': title, 'status': 'published'})  # an admin form to post",
        "raise ValidationError({'is_published': problems})",
    ],
)
def test_the_guard_leaves_reads_and_other_statuses_alone(code):
    assert violations(code) == []
