"""Addresses of the open data: downloads, their description, the API, feeds and sitemaps."""

from django.urls import path, re_path

from . import views

urlpatterns = [
    re_path(r"^(?P<name>projects|phases)\.(?P<fmt>csv|xlsx|json)$", views.dataset_download,
            name="dataset_download"),
    path("data/datapackage.json", views.datapackage, name="datapackage"),
]
