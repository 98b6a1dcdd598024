from django.urls import path

from faq import views

app_name = "faq"

# "ask" and "search" come before the topic pattern; topics may not take these slugs (models.py).
urlpatterns = [
    path("", views.FaqIndexView.as_view(), name="index"),
    path("ask/", views.ask, name="ask"),
    path("ask/sent/", views.ask_done, name="ask_done"),
    path("search/", views.search, name="search"),
    path("<slug:slug>/", views.TopicView.as_view(), name="topic"),
    # Before the question pattern: no question may take the slug "sheet" (models.py).
    path("<slug:slug>/sheet/", views.TopicSheetView.as_view(), name="sheet"),
    path("<slug:topic>/<slug:slug>/", views.question_detail, name="question"),
]
