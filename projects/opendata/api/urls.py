"""``/api/``: the read-only API, its OpenAPI 3 schema and its documentation page."""

from django.urls import path
from django.views.generic import TemplateView
from drf_spectacular.views import SpectacularAPIView

from . import views

urlpatterns = [
    path("projects/", views.ProjectList.as_view(), name="api-project-list"),
    path("projects/<str:number>/", views.ProjectDetail.as_view(), name="api-project-detail"),
    path("officials/", views.OfficialList.as_view(), name="api-official-list"),
    path("officials/<int:pk>/", views.OfficialDetail.as_view(), name="api-official-detail"),
    path("departments/", views.DepartmentList.as_view(), name="api-department-list"),
    path("departments/<int:pk>/", views.DepartmentDetail.as_view(), name="api-department-detail"),
    path("criteria/", views.CriterionList.as_view(), name="api-criterion-list"),
    path("criteria/<int:pk>/", views.CriterionDetail.as_view(), name="api-criterion-detail"),
    path("schema/", SpectacularAPIView.as_view(), name="api-schema"),
    # Swagger UI from our own static files (drf-spectacular-sidecar), started by a static
    # script: nothing inline, nothing from a CDN, so it passes the site's CSP.
    path("docs/", TemplateView.as_view(template_name="api/docs.html"), name="api-docs"),
]
