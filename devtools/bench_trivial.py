"""The trivial Django view that `make bench` compares every page with.

"Trivial" here means Django's whole request cycle and nothing of the site: the same settings
module, the same gunicorn configuration and workers, WSGIHandler, URL resolving and a view that
returns "ok", but no middleware, no template, no session, no database. Run with
DJANGO_SETTINGS_MODULE=devtools.bench_trivial; it answers GET /ok.
"""

from django.http import HttpResponse
from django.urls import path

from unionsite.settings import *  # noqa: F403 - the site's settings, stripped below

MIDDLEWARE = []
ROOT_URLCONF = "devtools.bench_trivial"


def ok(request):
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [path("ok", ok)]
