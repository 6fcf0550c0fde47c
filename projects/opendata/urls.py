"""Addresses of the open data: downloads and their description, feeds, sitemaps, robots.txt.
(The API has its own, ``projects.opendata.api.urls``, under ``/api/``.)"""

from django.contrib.sitemaps import views as sitemap_views
from django.urls import path, re_path

from . import feeds, views, years
from .sitemaps import SITEMAPS

urlpatterns = [
    re_path(r"^(?P<name>projects|phases)\.(?P<fmt>csv|xlsx|json)$", views.dataset_download,
            name="dataset_download"),
    path("projects/<str:number>.hwpx", views.sheet_hwpx, name="sheet_hwpx"),
    path("data/datapackage.json", views.datapackage, name="datapackage"),
    path("feeds/projects/", feeds.SheetFeed(), name="feed_projects"),
    path("feeds/departments/<int:pk>/", feeds.DepartmentFeed(), name="feed_department"),
    path("feeds/officials/<int:pk>/", feeds.OfficialFeed(), name="feed_official"),
    path("sitemap.xml", sitemap_views.index, {"sitemaps": SITEMAPS,
                                              "sitemap_url_name": "sitemap_section"},
         name="sitemap_index"),
    path("sitemap-<section>.xml", sitemap_views.sitemap, {"sitemaps": SITEMAPS},
         name="sitemap_section"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("years/<int:year>/", years.year_page, name="year_page"),
    path("years/<int:year>.pdf", years.year_book, name="year_book"),
]
