"""Editorial roles: who may see, edit and publish the content of which organisations.

Roles are Django groups (created by unionsite/migrations/0003_editorial_roles.py); the rules below
never ask for a group's name, only for permissions, so a site can shape its own groups:

- `unionsite.edit_all_organisations`: the content of every organisation (federation editors).
  Without it, a staff member sees and edits only the content of the organisations assigned to
  them on their user page (EditorProfile) and of everything below those organisations.
- `news.publish_report` / `documents.publish_document`: publish, unpublish and return with a
  comment (reviewers and federation editors). Without it, an editor saves drafts and submits them.
"""

from functools import reduce
from operator import or_

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

ALL_ORGANISATIONS_PERMISSION = "unionsite.edit_all_organisations"

# The groups' names (created by the migration; bilingual, as staff of both languages pick them).
FEDERATION_EDITOR = "Федерациянын редактору / Редактор федерации"
REGIONAL_EDITOR = "Аймактык редактор / Региональный редактор"
REVIEWER = "Текшерүүчү / Рецензент"
FAQ_EDITOR = "FAQ редактору / Редактор FAQ"


class PublicationStatus(models.TextChoices):
    """The review workflow of reports and documents: draft → submitted → published, and back."""

    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted for review")
    RETURNED = "returned", _("Returned for changes")
    PUBLISHED = "published", _("Published")


# What an editor without the publish permission may choose.
EDITOR_STATUSES = (PublicationStatus.DRAFT, PublicationStatus.SUBMITTED)


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
        from structure.models import Organisation

        paths = Organisation.objects.filter(editor_profiles__user=user).values_list("path", flat=True)
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
    from structure.models import Organisation

    return limit_to_scope(Organisation.objects.all(), user, field="")


def in_scope(user, organisation):
    """May `user` work on content of this organisation? Content without one: federation only."""
    paths = scope_paths(user)
    if paths is None:
        return True
    if organisation is None:
        return False
    return any(organisation.path.startswith(path) for path in paths)


def can_preview(user, obj, change_permission):
    """Staff may look at an unpublished item on the site if they may open it in the admin."""
    if not (user.is_authenticated and user.is_active and user.is_staff):
        return False
    view_permission = change_permission.replace(".change_", ".view_")
    if not (user.has_perm(change_permission) or user.has_perm(view_permission)):
        return False
    return in_scope(user, getattr(obj, "organisation", None))


def preview_requested(request):
    """`?preview=1` from a staff member; anyone else gets the public page (or its 404)."""
    return request.GET.get("preview") == "1" and request.user.is_authenticated and request.user.is_staff


def private_preview(response):
    """A preview is for this staff member only: never cached, never indexed."""
    from django.utils.cache import add_never_cache_headers, patch_cache_control

    add_never_cache_headers(response)
    patch_cache_control(response, private=True)
    response["X-Robots-Tag"] = "noindex"
    return response


def lockout_response(request, original_response=None, credentials=None):
    """django-axes' answer to a locked-out login, in the language of the login page (429)."""
    from axes.helpers import get_cool_off, get_failure_limit
    from django.shortcuts import render

    cool_off = get_cool_off(request)
    minutes = max(1, round(cool_off.total_seconds() / 60)) if cool_off else 0
    context = {"failure_limit": get_failure_limit(request, credentials), "minutes": minutes}
    return render(request, "axes/lockout.html", context, status=429)
