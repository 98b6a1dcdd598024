from django.urls import path

from news.feeds import ReportFeed
from news.views import PhotoDetailView, ReportDetailView, ReportListView

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
