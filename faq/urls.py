from django.urls import path
from django.views.generic import TemplateView

app_name = "faq"

urlpatterns = [
    path("", TemplateView.as_view(template_name="faq/index.html"), name="index"),
]
