from django.urls import path

from documents import views

app_name = "documents"

urlpatterns = [
    path("", views.DocumentListView.as_view(), name="list"),
    path("<slug:slug>/", views.DocumentDetailView.as_view(), name="detail"),
    path("<slug:slug>/download/<str:language>/", views.download, name="download"),
]
