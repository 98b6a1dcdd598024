from django.urls import path, register_converter

from news.feeds import ReportFeed
from news.views import PhotoDetailView, ReportDetailView, ReportListView


class TwoDigitConverter:
    regex = "[0-9]{2}"

    def to_python(self, value):
        return int(value)

    def to_url(self, value):
        return f"{int(value):02d}"


register_converter(TwoDigitConverter, "dd")

app_name = "news"

urlpatterns = [
    path("", ReportListView.as_view(), name="list"),
    path("feed/", ReportFeed(), name="feed"),
    path("feed/<slug:region>/", ReportFeed(), name="region_feed"),
    path("<int:year>/<dd:month>/<dd:day>/<slug:slug>/", ReportDetailView.as_view(), name="detail"),
    path(
        "<int:year>/<dd:month>/<dd:day>/<slug:slug>/photos/<int:number>/",
        PhotoDetailView.as_view(),
        name="photo",
    ),
]
