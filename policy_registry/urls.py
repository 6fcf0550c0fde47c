from django.contrib import admin
from django.http import HttpResponsePermanentRedirect
from django.templatetags.static import static
from django.urls import include, path


def favicon(request):
    """Browsers ask for /favicon.ico whatever a page links; the icon is a static file (looked up
    per request: the hashed name of a collected file is known only once the manifest is)."""
    return HttpResponsePermanentRedirect(static("favicon.ico"))


urlpatterns = [
    path("admin/", admin.site.urls),
    path("_nested_admin/", include("nested_admin.urls")),
    path("favicon.ico", favicon),
    # the citizens' pages first: they are most of the requests (no address below shadows another)
    path("", include("projects.public.urls")),
    path("", include("projects.applications.urls")),  # 국민신청실명제
    path("api/", include("projects.opendata.api.urls")),
    path("", include("projects.opendata.urls")),
]
