from django.urls import path, re_path

from akkoord.web.monitoring import views

app_name = "monitoring"

urlpatterns = [
    path("", views.index, name="index"),
    path("<slug:slug>/", views.dashboard, name="dashboard"),
    path("<slug:slug>/afspraken/<str:key>/", views.commitment, name="commitment"),
    path("<slug:slug>/afspraken/<str:key>/bijwerken/", views.add_update, name="update"),
    path("<slug:slug>/afspraken/<str:key>/koerswijziging/", views.change_course, name="course"),
    path("<slug:slug>/voortgang/", views.progress, name="progress"),
    path("<slug:slug>/tijdlijn/", views.timeline, name="timeline"),
    path("<slug:slug>/updates.atom", views.feed, name="feed"),
    path("<slug:slug>/open-data.json", views.open_data, name="open_data"),
    path("<slug:slug>/afspraken.csv", views.export_csv, name="csv"),
    path("<slug:slug>/open-data.zip", views.open_data_zip, name="open_data_zip"),
    path("<slug:slug>/bijwerken/", views.bulk_update, name="bulk"),
    path("<slug:slug>/openbaarheid/", views.publish, name="publish"),
    re_path(r"^(?P<slug>[-\w]+)/voortgangsrapportage\.(?P<fmt>docx|pdf)$", views.progress_report, name="report"),
]
