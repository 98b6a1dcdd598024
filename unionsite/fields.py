"""The model fields every app uses for plain text and dates, so each rule is written once.

* `LineField`: single-line text (titles, names, labels, menu entries, settings). A form refuses a
  control character other than tab with a message; the model drops any on save (an import or a
  shell cannot store one either). See unionsite/text.py.
* `PlainTextField`: multi-line plain text; line breaks and tabs are kept, other control
  characters refused and dropped the same way.
* `WebLinkField`: an http(s) link to another site, read as a browser reads it; links that may
  also point inside the site use `unionsite.links.validate_link` on a `LineField`.
* `DateField`, `DateTimeField`: a date in settings.VALID_DATE_RANGE (1900 to 2100). Forms and
  `full_clean` refuse others with a message in the reader's language, and the model's Meta
  carries a CHECK constraint per column (`date_range_constraints`) so that a shell, an import or
  a restore cannot store them either. The constraint on a date and time is a day wider on each
  side: the range is of dates in Bishkek, and the database compares instants in UTC.

A test (tests/unionsite/test_field_policy.py) fails when a model of the project declares a plain
Django CharField, TextField, DateField or DateTimeField that these should replace, or a date
column without its constraint.
"""

import datetime

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.db import migrations, models
from django.db.models import Q
from django.utils import formats, timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from unionsite.links import validate_web_link
from unionsite.text import single_line, validate_plain_text, validate_single_line, without_controls


def valid_date_range():
    return settings.VALID_DATE_RANGE


def _local_date(value):
    if isinstance(value, datetime.datetime):
        if timezone.is_aware(value):
            try:
                return timezone.localtime(value).date()
            except OverflowError:
                return value.date()
        return value.date()
    return value


def is_in_date_range(value):
    first, last = valid_date_range()
    return value is not None and first <= _local_date(value) <= last


def validate_date_in_range(value):
    """Refuse a date (or the date of a datetime, in Bishkek) outside settings.VALID_DATE_RANGE."""
    if value is not None and not is_in_date_range(value):
        first, last = valid_date_range()
        raise ValidationError(
            _("Enter a date between %(first)s and %(last)s."),
            code="date_out_of_range",
            params={
                "first": formats.date_format(first, "SHORT_DATE_FORMAT"),
                "last": formats.date_format(last, "SHORT_DATE_FORMAT"),
            },
        )


def _datetime_bounds():
    """The instants the database accepts: the date range with a day's margin for time zones."""
    first, last = valid_date_range()
    low = datetime.datetime.combine(first - datetime.timedelta(days=1), datetime.time.min, datetime.UTC)
    high = datetime.datetime.combine(last + datetime.timedelta(days=2), datetime.time.min, datetime.UTC)
    return low, high


class _FormValidatorsMixin:
    """The model field's own validators run in its form field too, before the model's clean()."""

    def formfield(self, **kwargs):
        field = super().formfield(**kwargs)
        if field is not None:
            field.validators = [*field.validators, *self.default_validators]
        return field


class DateField(_FormValidatorsMixin, models.DateField):
    default_validators = [validate_date_in_range]


class DateTimeField(_FormValidatorsMixin, models.DateTimeField):
    default_validators = [validate_date_in_range]


def _in_range(name, is_datetime):
    """The condition the database holds a date column to: the range, a day wider for a datetime."""
    if is_datetime:
        low, high = _datetime_bounds()
        return Q(**{f"{name}__gte": low, f"{name}__lt": high})
    first, last = valid_date_range()
    return Q(**{f"{name}__gte": first, f"{name}__lte": last})


def date_range_constraints(dates=(), datetimes=()):
    """CHECK constraints for a model's Meta: each named date column lies in the valid range.

    Names use Django's %(app_label)s_%(class)s placeholders, so an abstract base can declare them
    for its subclasses. An empty (NULL) date passes, in the database as in `full_clean`.
    """
    conditions = [(name, _in_range(name, False)) for name in dates]
    conditions += [(name, _in_range(name, True)) for name in datetimes]
    return [
        models.CheckConstraint(
            condition=condition,
            name=f"%(app_label)s_%(class)s_{name}_in_range",
            violation_error_message=_("A date is outside the years this site accepts."),
        )
        for name, condition in conditions
    ]


class WebLinkField(_FormValidatorsMixin, models.URLField):
    """An http(s) address of another site, checked as a browser reads it (unionsite/links.py)."""

    default_validators = [*models.URLField.default_validators, validate_web_link]

    def formfield(self, **kwargs):
        # An address typed without a scheme is taken as https://, as Django 6 will do by default.
        return super().formfield(**{"assume_scheme": "https", **kwargs})


class _CleanOnSave:
    cleaner = None

    def pre_save(self, model_instance, add):
        # Through __dict__, as RichTextField does: on a translated model the plain field's
        # descriptor reads the fallback language and writes the active one.
        value = model_instance.__dict__.get(self.attname)
        if isinstance(value, str):
            value = type(self).cleaner(value)
            model_instance.__dict__[self.attname] = value
        return value


class LineField(_CleanOnSave, _FormValidatorsMixin, models.CharField):
    default_validators = [validate_single_line]
    cleaner = staticmethod(single_line)


class PlainTextFormField(forms.CharField):
    """Line breaks as the site stores them: a browser posts a textarea's as CRLF, which would
    make every multi-line field look changed (and be listed in the history) on every save."""

    def to_python(self, value):
        value = super().to_python(value)
        return value.replace("\r\n", "\n").replace("\r", "\n") if isinstance(value, str) else value


class PlainTextField(_CleanOnSave, _FormValidatorsMixin, models.TextField):
    default_validators = [validate_plain_text]
    cleaner = staticmethod(without_controls)

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": PlainTextFormField, **kwargs})

    @cached_property
    def validators(self):
        # A TextField's max_length only sizes the form's textarea; here the model holds it too.
        extra = [MaxLengthValidator(self.max_length)] if self.max_length else []
        return [*super().validators, *extra]


def dates_out_of_range(model, field_names):
    """Rows of `model` holding a date outside the range in one of `field_names`: [(pk, name)].

    Only the keys are read: a stored year 0001 may not even load as a Python datetime in UTC.
    """
    found = []
    for name in field_names:
        is_datetime = isinstance(model._meta.get_field(name), models.DateTimeField)
        # Negated in Python's sense, not SQL's: an empty date is not outside the range.
        outside = ~_in_range(name, is_datetime) & Q(**{f"{name}__isnull": False})
        found.extend(
            (pk, name) for pk in model._default_manager.filter(outside).values_list("pk", flat=True)[:20]
        )
    return found


def require_dates_in_range(app_label, model_name, *field_names):
    """A migration step, before the CHECK constraints are added: stop, naming the rows to fix."""

    def check(apps, schema_editor):
        model = apps.get_model(app_label, model_name)
        found = dates_out_of_range(model, field_names)
        if found:
            first, last = valid_date_range()
            rows = ", ".join(f"{app_label}.{model_name} id={pk} ({name})" for pk, name in found)
            raise RuntimeError(
                f"Dates outside {first} to {last} must be corrected before this migration: {rows}. "
                "Edit them in the admin (or the shell) and run migrate again."
            )

    return migrations.RunPython(check, migrations.RunPython.noop, elidable=True)
