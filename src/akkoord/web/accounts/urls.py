from django.urls import path

from akkoord.web.accounts import views

app_name = "accounts"

urlpatterns = [
    path("", views.verify, name="verify"),
    path("instellen/", views.setup, name="setup"),
]
