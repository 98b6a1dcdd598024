from django.urls import path

from inbox import views

app_name = "inbox"

# Mounted at the language root (unionsite/urls.py): /ky/join/, /ru/write-to-us/.
urlpatterns = [
    path("join/", views.join, name="join"),
    path("join/sent/", views.join_done, name="join_done"),
    path("write-to-us/", views.write, name="write"),
    path("write-to-us/sent/", views.write_done, name="write_done"),
]
