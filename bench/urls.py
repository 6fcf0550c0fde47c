"""The site's URLs plus ``/bench-ok/``: the floor a Django page cannot beat (same middleware,
no view work), for bench/throughput.py. Only the benchmark settings use this URLconf."""

from django.http import HttpResponse
from django.urls import path

from policy_registry.urls import urlpatterns as site


def ok(request):
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [path("bench-ok/", ok), *site]
