from django.contrib import admin
from django.urls import include, path

from projects import history_views, public_views

admin.site.site_header = "정책실명제 관리"
admin.site.site_title = "정책실명제 관리"
admin.site.index_title = "사업내역서 관리"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("_nested_admin/", include("nested_admin.urls")),
    # accountability: the published history of a sheet
    path("projects/<str:number>/history/", history_views.sheet_history, name="sheet_history"),
    path(
        "projects/<str:number>/history/<int:revision_id>/", history_views.sheet_revision,
        name="sheet_revision",
    ),
    path("", include("projects.urls")),
    path("", public_views.register, name="register"),
    path("officials/<int:pk>/", public_views.official_detail, name="official_detail"),
]
