"""The guide's pages, in the admin's look, for signed-in staff (wrapped by admin_view in urls.py)."""

from django.contrib import admin
from django.http import Http404
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

from editorial import guide


def index(request):
    context = {**admin.site.each_context(request), "title": _("Guide for staff"), "pages": guide.pages()}
    return TemplateResponse(request, "editorial/guide/index.html", context)


def task(request, task):
    if task not in guide.TASKS:
        raise Http404
    page = guide.page(task)
    context = {**admin.site.each_context(request), "title": page.title, "page": page}
    return TemplateResponse(request, "editorial/guide/task.html", context)
