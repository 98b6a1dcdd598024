from django.urls import path

from structure import views

app_name = "structure"

urlpatterns = [
    path("", views.StructureIndexView.as_view(), name="index"),
    path("<slug:slug>/", views.OrganisationDetailView.as_view(), name="organisation"),
]
