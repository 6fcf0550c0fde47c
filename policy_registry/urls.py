from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("_nested_admin/", include("nested_admin.urls")),
    path("", include("projects.applications.urls")),  # 국민신청실명제
    path("api/", include("projects.opendata.api.urls")),
    path("", include("projects.opendata.urls")),
    path("", include("projects.public.urls")),
]
