from django.utils.functional import SimpleLazyObject

from siteconfig.loading import get_site_settings


def site_settings(request):
    """`site_settings` for every template: read on first use, at most one query (siteconfig/loading.py)."""
    return {"site_settings": SimpleLazyObject(lambda: get_site_settings(request))}
