"""Strings of django-reversion's admin (history, revert, recover) that it has no Kyrgyz for.

Nothing imports this module; it exists so that `makemessages` keeps these msgids in our
catalogue (locale/*/LC_MESSAGES/django.po), which translates them into Kyrgyz, and into Russian
too, as our catalogue comes first (docs/translations.md).
"""

from django.utils.translation import gettext_noop

HISTORY_STRINGS = [
    gettext_noop("Initial version."),
    gettext_noop("Recover deleted %(name)s"),
    gettext_noop("Recover %(name)s"),
    gettext_noop("Revert %(name)s"),
    gettext_noop("Revert %(verbose_name)s"),
    gettext_noop("Recover deleted %(verbose_name)s"),
    gettext_noop("Reverted to previous version, saved on %(datetime)s"),
    gettext_noop('The %(model)s "%(name)s" was reverted successfully. You may edit it again below.'),
    gettext_noop("Choose a date from the list below to revert to a previous version of this object."),
    gettext_noop("Choose a date from the list below to recover a deleted version of an object."),
    gettext_noop("Press the save button below to revert to this version of the object."),
    gettext_noop("Press the save button below to recover this version of the object."),
    gettext_noop("There are no deleted objects to recover."),
    gettext_noop("This object doesn't have a change history. It probably wasn't added via this admin site."),
    gettext_noop("Could not load %(object_repr)s version - not found"),
]

# The names of django-reversion's models and fields, shown in the user and group permission lists.
HISTORY_MODEL_NAMES = [
    gettext_noop("revision"),
    gettext_noop("revisions"),
    gettext_noop("version"),
    gettext_noop("versions"),
    gettext_noop("date created"),
    gettext_noop("comment"),
]
