"""The admin in the staff member's language where Django and the packages leave English.

`install()` runs once, from unionsite/admin.py (admin autodiscovery):

- permissions are stored in English in the database ("Can add log entry"); the user and group
  forms show them as «Отчёт: кошо алат», from the model's translated name;
- the rows of many-to-many links a delete page lists ("Group-permission relationship:
  Group_permissions object (3)") are named after both sides and the linked object;
- history entries name changed translated fields as modeltranslation stores them, "Title [ru]",
  recorded with translation switched off; they are shown as «Аталышы (орусча)»;
- django-axes has no verbose app name ("Axes"), names its records in English ("Attempted Access:
  ...") and heads a column "Status";
- Django's admin password form ends its help in English ("If disabled, the current password...");
- the admin's yes/no icons carry the English alt texts "True"/"False";
- django-reversion stores the history comment rendered in the language of the staff member who
  saved ("Изменено Текст (на кыргызском)." read later in the Kyrgyz admin); it keeps Django's
  record of the change instead, rendered in the reader's language when shown;
- Select2, the admin's autocomplete picker, has no Kyrgyz: Django loads its messages only for the
  languages it lists, so "ky" is listed, and static/admin/js/vendor/select2/i18n/ky.js is ours;
- the language tabs of modeltranslation's forms are titled by the browser, which has no Kyrgyz
  names of languages ("Kyrgyz", "Russian"): static/js/admin-language-names.js names them;
- easy-thumbnails names its models in plain English ("source", "thumbnails").

Every string here is in our catalogue (docs/translations.md).
"""

import json
import re

from django.apps import apps
from django.contrib.admin.models import LogEntry
from django.contrib.auth.models import Permission
from django.templatetags.static import static
from django.utils import formats, timezone
from django.utils.html import format_html
from django.utils.text import capfirst, format_lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from unionsite.translation_labels import language_adverb

PERMISSION_ACTIONS = {
    "add": _("%(model)s: can add"),
    "change": _("%(model)s: can change"),
    "delete": _("%(model)s: can delete"),
    "view": _("%(model)s: can view"),
}

# modeltranslation's "Title [ru]" (MODELTRANSLATION_BUILD_LOCALIZED_VERBOSE_NAME's default).
LOCALIZED_FIELD = re.compile(r"^(?P<name>.+) \[(?P<language>[a-z]{2})\]$")


def permission_label(permission):
    """«Отчёт: кошо алат» for the four default permissions, the translated name for the others."""
    model = permission.content_type.model_class()
    action, _sep, model_name = permission.codename.partition("_")
    if model is not None and action in PERMISSION_ACTIONS and model_name == model._meta.model_name:
        verbose_name = capfirst(gettext(str(model._meta.verbose_name)))
        return PERMISSION_ACTIONS[action] % {"model": verbose_name}
    return gettext(permission.name)


def translated_label(label):
    """A form label as stored in English, "Title" from the verbose name "title", translated."""
    translated = gettext(label)
    if translated == label and label[:1].isupper():
        lowered = label[:1].lower() + label[1:]
        translated = capfirst(gettext(lowered)) if gettext(lowered) != lowered else label
    return translated


def field_label(label):
    """«Аталышы (орусча)» for modeltranslation's stored "Title [ru]"; other labels translated."""
    match = LOCALIZED_FIELD.match(label)
    if match and language_adverb(match["language"]):
        return gettext("%(field)s (%(language)s)") % {
            "field": translated_label(match["name"]),
            "language": language_adverb(match["language"]),
        }
    return translated_label(label)


_django_get_change_message = LogEntry.get_change_message


def get_change_message(self):
    """Django's message, with the stored field labels translated first."""
    message = self.change_message
    if not (message and message.startswith("[")):
        return _django_get_change_message(self)
    try:
        parts = json.loads(message)
    except json.JSONDecodeError:
        return _django_get_change_message(self)
    for part in parts:
        changed = part.get("changed") if isinstance(part, dict) else None
        if isinstance(changed, dict) and isinstance(changed.get("fields"), list):
            changed["fields"] = [field_label(str(name)) for name in changed["fields"]]
    translated = LogEntry(change_message=json.dumps(parts), action_flag=self.action_flag)
    return _django_get_change_message(translated)


def boolean_icon(field_val):
    icon = {True: "yes", False: "no", None: "unknown"}[field_val]
    alt = {True: gettext("Yes"), False: gettext("No"), None: gettext("Unknown")}[field_val]
    return format_html('<img src="{}" alt="{}">', static(f"admin/img/icon-{icon}.svg"), alt)


def when(moment):
    return formats.localize(timezone.localtime(moment)) if moment else ""


def access_attempt_label(attempt):
    return gettext("Login attempt of %(username)s, %(time)s") % {
        "username": attempt.username or "—",
        "time": when(attempt.attempt_time),
    }


def access_log_label(log):
    return gettext("Login of %(username)s, %(time)s") % {
        "username": log.username or "—",
        "time": when(log.attempt_time),
    }


def access_failure_label(failure):
    label = gettext("Failed login of %(username)s, %(time)s, from %(address)s") % {
        "username": failure.username or "—",
        "time": when(failure.attempt_time),
        "address": failure.ip_address or "—",
    }
    if failure.locked_out:
        label = gettext("%(login)s (locked out)") % {"login": label}
    return label


def install_axes():
    from axes.admin import AccessAttemptAdmin
    from axes.models import AccessAttempt, AccessFailureLog, AccessLog

    apps.get_app_config("axes").verbose_name = _("Login protection")
    AccessAttempt.__str__ = access_attempt_label
    AccessLog.__str__ = access_log_label
    AccessFailureLog.__str__ = access_failure_label
    AccessAttemptAdmin.status.short_description = _("status")
    AccessAttemptAdmin.expiration.short_description = _("Expires At")


def install_link_names():
    """The rows linking many-to-many partners, listed on delete pages: named after both sides.

    Django names them "Group-permission relationship: Group_permissions object (3)", from class
    names; here «Топ — уруксаттар: Кабар: кошо алат», from the translated names.
    """
    for through in apps.get_models(include_auto_created=True):
        owner = through._meta.auto_created
        if not owner:
            continue
        for field in owner._meta.local_many_to_many:
            if field.remote_field.through is through:
                through._meta.verbose_name = format_lazy(
                    "{} — {}", capfirst(owner._meta.verbose_name), field.verbose_name
                )
                through._meta.verbose_name_plural = through._meta.verbose_name
                target = field.m2m_reverse_field_name()
                through.__str__ = lambda self, target=target: str(getattr(self, target))


def install_reversion_comments():
    """django-reversion renders the change message into the revision's comment when it is saved,
    in the saver's language; keep the message as Django records it (JSON) instead, so that
    `Revision.get_comment()` renders it, like the admin's own history, in the reader's language."""
    from reversion import revisions
    from reversion.admin import VersionAdmin

    def keep_recorded_message(log):
        def logged(self, request, obj, message):
            entry = log(self, request, obj, message)
            if revisions.is_active():
                revisions.set_comment(entry.change_message)
            return entry

        return logged

    VersionAdmin.log_addition = keep_recorded_message(VersionAdmin.log_addition)
    VersionAdmin.log_change = keep_recorded_message(VersionAdmin.log_change)


def install_select2_kyrgyz():
    """Django's autocomplete widget asks for Select2's messages in the languages it knows only."""
    from django.contrib.admin import widgets

    widgets.SELECT2_TRANSLATIONS.setdefault("ky", "ky")


def install_language_tab_names():
    """Our names of the languages, loaded just before the script that builds the language tabs."""
    from modeltranslation.admin import TabbedDjangoJqueryTranslationAdmin

    media = TabbedDjangoJqueryTranslationAdmin.Media
    tabs = "modeltranslation/js/tabbed_translation_fields.js"
    names = "js/admin-language-names.js"
    if tabs in media.js and names not in media.js:
        position = media.js.index(tabs)
        media.js = (*media.js[:position], names, *media.js[position:])


def install_thumbnail_names():
    """easy-thumbnails names its models with plain strings, never translated."""
    from easy_thumbnails.models import Source, Thumbnail, ThumbnailDimensions

    names = [
        (Source, _("source"), _("sources")),
        (Thumbnail, _("thumbnail"), _("thumbnails")),
        (ThumbnailDimensions, _("thumbnail dimensions"), _("thumbnail dimensions")),
    ]
    for model, name, plural in names:
        model._meta.verbose_name = name
        model._meta.verbose_name_plural = plural


def install():
    from django.contrib.admin.templatetags import admin_list
    from django.contrib.auth.forms import AdminPasswordChangeForm, SetUnusablePasswordMixin

    Permission.__str__ = permission_label
    LogEntry.get_change_message = get_change_message
    admin_list._boolean_icon = boolean_icon

    install_link_names()
    install_reversion_comments()
    install_select2_kyrgyz()
    install_language_tab_names()
    if apps.is_installed("easy_thumbnails"):
        install_thumbnail_names()

    AdminPasswordChangeForm.usable_password_help_text = format_lazy(
        '{}<ul id="id_unusable_warning" class="messagelist"><li class="warning">{}</li></ul>',
        SetUnusablePasswordMixin.usable_password_help_text,
        _("If disabled, the current password for this user will be lost."),
    )

    if apps.is_installed("axes"):
        install_axes()
