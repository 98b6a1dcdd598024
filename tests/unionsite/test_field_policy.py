"""Every field staff can type into follows the site's one policy (unionsite/fields.py).

A plain Django CharField or TextField lets a control character through to RSS, iCalendar and mail
headers; a plain DateField or DateTimeField lets 01.01.0001 and 31.12.9999 through to every page
that computes with dates; a plain URLField lets `https://evil.example\\@facebook.com/` through.
A new field of the project's models that forgets the policy fails here, by name.
"""

import pytest
from django.apps import apps
from django.db import models

from unionsite import fields
from unionsite.richtext import RichTextField

APPS = [
    "news",
    "faq",
    "documents",
    "structure",
    "pages",
    "events",
    "inbox",
    "siteconfig",
    "editorial",
    "search",
]

# Text columns that no one types into, each with the reason it is not a LineField or PlainTextField.
INTERNAL_TEXT = {
    "search.Entry.section": "the search index's own key, written by search/indexing.py from the registry",
    "search.Entry.strong": "the search index: folded text derived from already cleaned fields",
    "search.Entry.middle": "the search index: folded text derived from already cleaned fields",
    "search.Entry.weak": "the search index: folded text derived from already cleaned fields",
    "search.Term.term": "the search index's vocabulary, folded from indexed text",
    "search.Term.shown": "the search index's vocabulary, as shown in suggestions",
    "structure.Organisation.path": "treebeard's materialised path (only treebeard writes it)",
    "pages.Page.path": "treebeard's materialised path (only treebeard writes it)",
    "pages.Page.url_path": "a page's address, computed from the slugs on save (not editable)",
    "pages.Page.url_path_ky": "the Kyrgyz address, computed from the slugs on save (not editable)",
    "pages.Page.url_path_ru": "the Russian address, computed from the slugs on save (not editable)",
    "faq.IncomingQuestion.ip_hash": "a keyed hash of the sender's address (hex), set by the view",
    "inbox.Submission.ip_hash": "a keyed hash of the sender's address (hex), set by the service",
    "inbox.Submission.consent_text_version": "the version of the consent text, a constant of inbox/models.py",
}

EXEMPT_TEXT_TYPES = (models.SlugField, models.EmailField, models.URLField)


def project_fields():
    for app_label in APPS:
        for model in apps.get_app_config(app_label).get_models():
            for field in model._meta.concrete_fields:
                yield f"{model._meta.label}.{field.name}", model, field


def text_fields_to_check():
    for name, _model, field in project_fields():
        if not isinstance(field, models.CharField | models.TextField):
            continue
        if isinstance(field, EXEMPT_TEXT_TYPES) or field.choices:
            continue
        yield name, field


def test_every_typed_text_field_is_a_line_or_plain_text_field():
    wrong = sorted(
        f"{name} ({type(field).__name__})"
        for name, field in text_fields_to_check()
        if name not in INTERNAL_TEXT
        and not isinstance(field, fields.LineField | fields.PlainTextField | RichTextField)
    )
    assert not wrong, f"use unionsite.fields.LineField or PlainTextField (or list with a reason): {wrong}"


def test_every_internal_text_field_is_internal_and_still_exists():
    """The allow-list names real fields, none of them offered to staff in a form by accident."""
    checked = dict(text_fields_to_check())
    assert set(INTERNAL_TEXT) <= set(checked), set(INTERNAL_TEXT) - set(checked)
    typed_by_staff = {
        name for name in INTERNAL_TEXT if checked[name].editable and not name.startswith("search.")
    }
    # treebeard's path and the consent version are editable=True columns, but no admin form shows them.
    assert typed_by_staff <= {
        "structure.Organisation.path",
        "pages.Page.path",
        "inbox.Submission.consent_text_version",
    }


def date_fields():
    for name, model, field in project_fields():
        if isinstance(field, models.DateField):  # DateTimeField is a DateField too
            yield name, model, field


def test_the_project_has_date_fields_to_check():
    assert len(list(date_fields())) >= 20


@pytest.mark.parametrize(("name", "model", "field"), list(date_fields()), ids=lambda value: str(value))
def test_every_date_field_is_range_checked_in_forms_and_the_database(name, model, field):
    expected_class = fields.DateTimeField if isinstance(field, models.DateTimeField) else fields.DateField
    assert isinstance(field, expected_class), f"{name} is a {type(field).__name__}"
    constraint = f"{model._meta.app_label}_{model._meta.model_name}_{field.name}_in_range"
    names = {item.name for item in model._meta.constraints}
    assert constraint in names, f"{name} has no CheckConstraint {constraint}"
    (check,) = [item for item in model._meta.constraints if item.name == constraint]
    assert isinstance(check, models.CheckConstraint)
    assert field.name in str(check.condition)


def test_every_url_field_is_a_web_link_field():
    wrong = sorted(
        f"{name} ({type(field).__name__})"
        for name, _model, field in project_fields()
        if isinstance(field, models.URLField) and not isinstance(field, fields.WebLinkField)
    )
    assert not wrong, f"use unionsite.fields.WebLinkField: {wrong}"
