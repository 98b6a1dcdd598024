from django.urls import path

from siteconfig.views import HomeView

urlpatterns = [
    path("", HomeView.as_view(), name="home"),
]
