from django.urls import path

from akkoord.web.agreement import views

app_name = "agreement"

urlpatterns = [
    path("", views.show, name="show"),
    path("titel/", views.title, name="title"),
    path("register/", views.register, name="register"),
    path("register/punt-<int:number>/", views.afspraak_edit, name="afspraak"),
    path("financien/", views.finance, name="finance"),
    path("versies/", views.versions, name="versions"),
    path("versies/<int:number>/status/", views.version_action, name="version_action"),
    path("versies/<int:old>/<int:new>/", views.redline, name="redline"),
    path("secties/", views.sections, name="sections"),
    path("secties/<int:pk>/", views.section_edit, name="section"),
    path("huisstijl/", views.house_style, name="house_style"),
    path("export/<str:fmt>/", views.export, name="export"),
]
