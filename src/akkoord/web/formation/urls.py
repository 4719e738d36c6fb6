from django.urls import path

from akkoord.web.formation import views

app_name = "formation"

urlpatterns = [
    path("", views.index, name="index"),
    path("nieuw/", views.create, name="create"),
    path("<slug:slug>/", views.table, name="table"),
    path("<slug:slug>/partijen/", views.parties, name="parties"),
    path("<slug:slug>/export/", views.export, name="export"),
    path("<slug:slug>/punten/nieuw/", views.point_new, name="point_new"),
    path("<slug:slug>/punten/<int:number>/", views.point_detail, name="point"),
    path("<slug:slug>/punten/<int:number>/bewerken/", views.point_edit, name="point_edit"),
    path("<slug:slug>/punten/<int:number>/besluit/", views.decision, name="decision"),
    path("<slug:slug>/punten/<int:number>/geschiedenis/", views.point_history, name="history"),
    path("<slug:slug>/punten/<int:number>/partijen/<str:party>/", views.position, name="position"),
    path("<slug:slug>/sessies/", views.meetings, name="meetings"),
    path("<slug:slug>/sessies/<int:pk>/", views.meeting, name="meeting"),
    path("<slug:slug>/sessies/<int:pk>/bewerken/", views.meeting_edit, name="meeting_edit"),
    path("<slug:slug>/sessies/<int:pk>/verslag/", views.meeting_summary, name="meeting_summary"),
]
