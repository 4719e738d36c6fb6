from django.urls import path

from akkoord.web.programmes import views

app_name = "programmes"

urlpatterns = [
    path("", views.index, name="index"),
    path("fiche/<str:code>/", views.fiche, name="fiche"),
    path("punt/<int:number>/", views.point, name="point"),
    path("partij/<str:party>/", views.party, name="party"),
    path("combinaties/", views.combinations, name="combinations"),
    path("passage/<int:pk>/koppeling/", views.correct, name="correct"),
    path("suggestie/<int:pk>/bevestigen/", views.confirm, name="confirm"),
]
