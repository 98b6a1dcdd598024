from django.urls import path
from django.views.generic import TemplateView

app_name = "structure"

urlpatterns = [
    path("", TemplateView.as_view(template_name="structure/index.html"), name="index"),
]
