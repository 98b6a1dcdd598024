"""`{% guide_link %}`: the help link of an admin change list or change form (editorial/guide/)."""

from django import template
from django.contrib import admin
from django.urls import reverse

from editorial import guide

register = template.Library()


def _model_admin(context):
    if context.get("cl") is not None:
        return context["cl"].model_admin
    if context.get("adminform") is not None:
        return context["adminform"].model_admin
    opts = context.get("opts")
    return admin.site._registry.get(opts.model) if opts is not None else None


@register.inclusion_tag("editorial/guide/link.html", takes_context=True)
def guide_link(context):
    model_admin = _model_admin(context)
    task = guide.task_for(model_admin) if model_admin is not None else None
    return {"url": reverse("guide:task", args=[task]) if task else reverse("guide:index")}
