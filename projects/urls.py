from django.urls import path

from . import views

urlpatterns = [
    path("projects/<str:number>/", views.sheet_detail, name="sheet_detail"),
    path("projects/<str:number>.pdf", views.sheet_pdf, name="sheet_pdf"),
]
