"""Mounted by unionsite/urls.py under /<language>/admin/guide/, before the admin's own URLs."""

from django.contrib import admin
from django.urls import path

from editorial.guide import views

app_name = "guide"

urlpatterns = [
    path("", admin.site.admin_view(views.index), name="index"),
    path("<slug:task>/", admin.site.admin_view(views.task), name="task"),
]
