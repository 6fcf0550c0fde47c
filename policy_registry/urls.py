from django.contrib import admin
from django.urls import include, path

admin.site.site_header = "정책실명제 관리"
admin.site.site_title = "정책실명제 관리"
admin.site.index_title = "사업내역서 관리"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("_nested_admin/", include("nested_admin.urls")),
    path("", include("projects.urls")),
]
