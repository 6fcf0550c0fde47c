from django.contrib import admin
from django.urls import include, path

from projects import public_views, sheet_stub_view

admin.site.site_header = "정책실명제 관리"
admin.site.site_title = "정책실명제 관리"
admin.site.index_title = "사업내역서 관리"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("_nested_admin/", include("nested_admin.urls")),
    path("", public_views.register, name="register"),
    path("officials/<int:pk>/", public_views.official_detail, name="official_detail"),
    # TEMPORARY: replaced by the real sheet page at merge (see projects/sheet_stub_view.py).
    path("projects/<str:number>/", sheet_stub_view.sheet_detail, name="sheet_detail"),
]
