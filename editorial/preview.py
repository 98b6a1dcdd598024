"""Staff look at unpublished content on the site itself with `?preview=1`."""

from django.utils.cache import add_never_cache_headers, patch_cache_control

from editorial.scopes import in_scope


def can_preview(user, item):
    """Staff may look at an unpublished item on the site if they may open it in the admin."""
    if not (user.is_authenticated and user.is_active and user.is_staff):
        return False
    opts = item._meta
    if not (
        user.has_perm(f"{opts.app_label}.change_{opts.model_name}")
        or user.has_perm(f"{opts.app_label}.view_{opts.model_name}")
    ):
        return False
    return in_scope(user, getattr(item, "organisation", None))


def preview_requested(request):
    """`?preview=1` from a staff member; anyone else gets the public page (or its 404)."""
    return request.GET.get("preview") == "1" and request.user.is_authenticated and request.user.is_staff


def private_preview(response):
    """A preview is for this staff member only: never cached, never indexed."""
    add_never_cache_headers(response)
    patch_cache_control(response, private=True)
    response["X-Robots-Tag"] = "noindex"
    return response
