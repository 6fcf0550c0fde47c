"""정책실명제 소개 (``/about/``): what the system is, its legal basis, how projects are chosen,
who answers for it and how a citizen can ask for a policy to be recorded.

Everything that changes — the selection criteria, the 책임관 and the 심의 results — is read from
the database (edited by the 정책실명제 총괄 in the admin), never written into the template.
"""

from django.db.models import Prefetch
from django.shortcuts import render
from django.urls import NoReverseMatch, reverse

from ..models import AccountableOfficer, PolicyProject, SelectionCriterion, SelectionReview


def url_or_none(name: str) -> str | None:
    """The address of a page another part of the site may or may not provide."""
    try:
        return reverse(name)
    except NoReverseMatch:
        return None


def about(request):
    """Four queries: criteria, officers, reviews and their published projects."""
    reviews = SelectionReview.objects.prefetch_related(Prefetch(
        "selected_projects",
        queryset=PolicyProject.objects.published().only(
            "registration_number", "registration_year", "registration_seq", "title",
        ).order_by("registration_year", "registration_seq"),
    ))
    return render(request, "projects/about.html", {
        "criteria": SelectionCriterion.objects.all(),
        "officers": AccountableOfficer.objects.all(),
        "reviews": reviews,
        "apply_url": url_or_none("apply"),
        "apply_status_url": url_or_none("apply_status"),
    })
