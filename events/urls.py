from django.urls import path

from events import views
from events.feeds import UpcomingEventFeed

app_name = "events"

urlpatterns = [
    path("", views.UpcomingEventListView.as_view(), name="upcoming"),
    path("past/", views.PastEventListView.as_view(), name="past"),
    path("calendar/", views.calendar_today, name="calendar_today"),
    path("calendar/<int:year>/<dd:month>/", views.calendar_month, name="calendar"),
    path("rss/", UpcomingEventFeed(), name="rss"),
    path("events.ics", views.ical_feed, name="ical"),
    path("region/<slug:region>.ics", views.ical_feed, name="ical_region"),
    path("organisation/<slug:organisation>.ics", views.ical_feed, name="ical_organisation"),
    path(
        "<int:year>/<dd:month>/<dd:day>/<slug:slug>/",
        views.EventDetailView.as_view(),
        name="detail",
    ),
    path("<int:year>/<dd:month>/<dd:day>/<slug:slug>.ics", views.event_ics, name="ics"),
]
