"""TEMPORARY stand-in for the sheet page (``/projects/<등록번호>/``, URL name ``sheet_detail``).

The real sheet page is built on another branch; at merge, delete this module and its route in
``policy_registry/urls.py`` and keep the real view. It exists so the register and the officials'
records can link to sheets, and their browser tests can follow those links, on this branch alone.
"""

from django.http import Http404
from django.shortcuts import render

from .models import PolicyProject
from .sheet import sheet_from_project


def sheet_detail(request, number: str):
    """Minimal sheet page: heading, ⑥ 담당자 and each phase's people (linked to their records)."""
    project = PolicyProject.objects.published().for_sheet().by_registration_number(number).first()
    if project is None:
        raise Http404("공개된 사업이 아닙니다.")
    return render(request, "projects/sheet_stub.html", {"sheet": sheet_from_project(project)})
