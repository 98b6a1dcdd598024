"""Staff look at unpublished content on the site itself with `?preview=1`."""

from django.http import Http404
from django.shortcuts import redirect
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


class PreviewMixin:
    """A DetailView of publishable content that staff may look at unpublished with `?preview=1`.

    The public sees published items only. A staff member asking for a preview sees any item they
    may open in the admin, on a page that is never cached nor indexed, with `preview` in the
    context while the item is not public.
    """

    def dispatch(self, request, *args, **kwargs):
        self.preview = preview_requested(request)
        response = super().dispatch(request, *args, **kwargs)
        return private_preview(response) if self.preview else response

    def visible(self, queryset):
        """`queryset` as this request may see it: published only, or everything in a preview."""
        return queryset if self.preview else queryset.published()

    def get_object(self, queryset=None):
        item = super().get_object(queryset)
        if self.preview and not can_preview(self.request.user, item):
            raise Http404("Not found")
        return item

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["preview"] = self.preview and not self.object.is_public
        return context

    def redirect_to_canonical(self, canonical):
        """A redirect to `canonical` when the request came by another address (a date changed
        after the link was shared), keeping a preview a preview; None at the canonical address."""
        if self.request.path == canonical:
            return None
        if self.preview:
            return redirect(f"{canonical}?preview=1")
        return redirect(canonical, permanent=True)
