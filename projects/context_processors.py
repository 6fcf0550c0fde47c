from django.conf import settings


def registry(request):
    """The organisation's name, for the header, footer and page titles of every template."""
    return {"registry_organisation": settings.REGISTRY_ORGANISATION}
