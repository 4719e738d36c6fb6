"""URLs of the workbench: the dossier pages at the root, search under /zoeken/."""
from importlib.util import find_spec

from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

admin.site.site_header = "Akkoord beheer"
admin.site.site_title = "Akkoord beheer"
admin.site.index_title = "Beheer van gebruikers, rollen en dossiers"

urlpatterns = [
    path("inloggen/", auth_views.LoginView.as_view(redirect_authenticated_user=True), name="login"),
    path("uitloggen/", auth_views.LogoutView.as_view(), name="logout"),
    path("inloggen/tweestaps/", include("akkoord.web.accounts.urls")),
    path("beheer/", admin.site.urls),
    path("formaties/<slug:slug>/akkoord/", include("akkoord.web.agreement.urls")),
    path("formaties/<slug:slug>/programmas/", include("akkoord.web.programmes.urls")),
    path("formaties/", include("akkoord.web.formation.urls")),
    path("uitvoering/", include("akkoord.web.monitoring.urls")),
    path("", include("akkoord.web.dossiers.urls")),
]
if find_spec("akkoord.web.search.urls") is not None:  # built in parallel; absent in early checkouts
    urlpatterns.insert(3, path("zoeken/", include("akkoord.web.search.urls")))
