"""Who sees a submission and who is emailed about it: federation staff, and its region's editors.

A staff member's regions are the regions of the organisations assigned to them on their user page
(editorial.EditorProfile); every organisation below an oblast committee lies in the same region.
Federation staff (`editorial.edit_all_organisations`, see editorial/scopes.py) see every
submission, including those without a region. The rules ask for permissions, never for a group's
name.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.db.models import Q

from editorial.scopes import sees_all_organisations
from structure.models import Organisation

VIEW_PERMISSION = "inbox.view_submission"


def sees_all_regions(user):
    return sees_all_organisations(user)


def editor_regions(user):
    """The regions whose submissions `user` sees; None means every submission.

    Cached on the user object for the request: the admin asks several times per page.
    """
    if sees_all_regions(user):
        return None
    cached = getattr(user, "_inbox_regions", None)
    if cached is None:
        regions = (
            Organisation.objects.filter(editor_profiles__user=user)
            .exclude(region="")
            .values_list("region", flat=True)
            .distinct()
        )
        cached = frozenset(regions)
        user._inbox_regions = cached
    return cached


def visible_to(queryset, user):
    regions = editor_regions(user)
    return queryset if regions is None else queryset.of_regions(regions)


def may_see(user, submission):
    regions = editor_regions(user)
    return regions is None or submission.region in regions


def region_editor_emails(region):
    """Addresses of the active staff who hold the inbox's view permission and edit in `region`."""
    if not region:
        return []
    app_label, codename = VIEW_PERMISSION.split(".")
    permission = Permission.objects.filter(content_type__app_label=app_label, codename=codename)
    holds_permission = (
        Q(is_superuser=True) | Q(user_permissions__in=permission) | Q(groups__permissions__in=permission)
    )
    users = (
        get_user_model()
        .objects.filter(is_active=True, is_staff=True, editor_profile__organisations__region=region)
        .filter(holds_permission)
        .exclude(email="")
        .values_list("email", flat=True)
        .distinct()
    )
    return sorted(set(users))


def recipients(submission):
    """The region's editors; federation staff (STAFF_NOTIFICATION_EMAILS) when it has none."""
    return region_editor_emails(submission.region) or list(settings.STAFF_NOTIFICATION_EMAILS)
