"""Addresses of 국민신청실명제 (names: apply, apply_receipt, apply_status, application_list)."""

from django.urls import path

from . import views

urlpatterns = [
    path("apply/", views.apply, name="apply"),
    path("apply/receipt/<str:token>/", views.receipt, name="apply_receipt"),
    path("apply/status/", views.status, name="apply_status"),
    path("applications/", views.application_list, name="application_list"),
]
