"""Who may see and change the content of which organisations: the scope rule.

A staff member with `editorial.edit_all_organisations` (federation editors) works on the content
of every organisation. Anyone else works on the content of the organisations assigned to them on
their user page (EditorProfile) and of every organisation below those, in the tree of
organisations; content without an organisation is federation editors' only. The rules ask for
permissions, never for a group's name, so a site can shape its own groups.
"""

from functools import reduce
from operator import or_

from django.apps import apps
from django.db.models import Q

ALL_ORGANISATIONS_PERMISSION = "editorial.edit_all_organisations"


def organisation_model():
    """The organisations of the tree (structure.Organisation), which editors are assigned to."""
    return apps.get_model("editorial", "EditorProfile")._meta.get_field("organisations").related_model


def sees_all_organisations(user):
    return user.is_active and (user.is_superuser or user.has_perm(ALL_ORGANISATIONS_PERMISSION))


def scope_paths(user):
    """Tree paths of the organisations whose content `user` edits; None means every organisation.

    Cached on the user object for the request: the admin asks many times per page.
    """
    if sees_all_organisations(user):
        return None
    cached = getattr(user, "_editor_scope_paths", None)
    if cached is None:
        paths = organisation_model().objects.filter(editor_profiles__user=user).values_list("path", flat=True)
        # An organisation below another assigned one adds nothing.
        cached = []
        for path in sorted(paths):
            if not any(path.startswith(prefix) for prefix in cached):
                cached.append(path)
        user._editor_scope_paths = cached
    return cached


def scope_filter(user, field="organisation"):
    """A Q for rows whose organisation (reached through `field`) is in the user's subtrees.

    None when the user sees everything. A user with no organisation matches nothing.
    """
    paths = scope_paths(user)
    if paths is None:
        return None
    prefix = f"{field}__path__startswith" if field else "path__startswith"
    if not paths:
        return Q(pk__in=[])
    return reduce(or_, (Q(**{prefix: path}) for path in paths))


def limit_to_scope(queryset, user, field="organisation"):
    condition = scope_filter(user, field)
    return queryset if condition is None else queryset.filter(condition)


def organisations_for(user):
    """The organisations `user` may assign content to (the choices of an organisation field)."""
    return limit_to_scope(organisation_model().objects.all(), user, field="")


def in_scope(user, organisation):
    """May `user` work on content of this organisation? Content without one: federation only."""
    paths = scope_paths(user)
    if paths is None:
        return True
    if organisation is None:
        return False
    return any(organisation.path.startswith(path) for path in paths)
