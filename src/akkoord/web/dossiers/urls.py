from django.urls import path

from akkoord.web.dossiers import views

app_name = "dossiers"

urlpatterns = [
    path("", views.home, name="home"),
    path("inlezen/", views.upload, name="upload"),
    path("inlezen/<uuid:pk>/", views.job, name="job"),
    path("dossiers/<slug:slug>/", views.overview, name="overview"),
    path("dossiers/<slug:slug>/ambities/", views.ambitions, name="ambitions"),
    path("dossiers/<slug:slug>/fiches/<str:code>/", views.fiche, name="fiche"),
    path("dossiers/<slug:slug>/tijdlijn/", views.timeline, name="timeline"),
    path("dossiers/<slug:slug>/partners/", views.partners, name="partners"),
    path("dossiers/<slug:slug>/afkortingen/", views.glossary, name="glossary"),
    path("dossiers/<slug:slug>/versies/", views.versions, name="versions"),
    path("dossiers/<slug:slug>/openbaar.pdf", views.publication_pdf, name="publication_pdf"),
    path("dossiers/<slug:slug>/openbaar.json", views.publication_json, name="publication_json"),
    path("dossiers/<slug:slug>/versies/<int:number>/", views.review, name="review"),
    path("dossiers/<slug:slug>/versies/<int:number>/status/", views.change_status, name="status"),
    path("dossiers/<slug:slug>/versies/<int:number>/profiel/", views.change_profile, name="profile"),
    path("dossiers/<slug:slug>/versies/<int:number>/verwijderen/", views.delete_version, name="delete_version"),
    path("dossiers/<slug:slug>/versies/<int:number>/openbaar-maken/", views.publish, name="publish"),
]
