"""The public site's addresses. Every URL is built with ``reverse()`` from these names."""

from django.urls import path

from . import about, history, officials, records, register, sheet

urlpatterns = [
    path("", register.register, name="register"),
    path("about/", about.about, name="about"),
    path("projects/<str:number>/", sheet.sheet_detail, name="sheet_detail"),
    path("projects/<str:number>.pdf", sheet.sheet_pdf, name="sheet_pdf"),
    path("projects/<str:number>/history/", history.sheet_history, name="sheet_history"),
    path("projects/<str:number>/history/<int:revision_id>/", history.sheet_revision,
         name="sheet_revision"),
    path("projects/<str:number>/meetings/<int:pk>/", records.meeting_detail, name="meeting_detail"),
    path("projects/<str:number>/documents/<int:pk>/", records.document_download,
         name="document_download"),
    path("officials/<int:pk>/", officials.official_detail, name="official_detail"),
]
