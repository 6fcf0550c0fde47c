"""Downloads of the register as data (``/projects.csv`` …) and their description.

The register's own filter form reads the query string, so ``/projects.csv?year=2023&q=청년``
holds exactly the rows the register shows for ``/?year=2023&q=청년``; unknown filter values are
dropped the same way. Only published projects are ever read.
"""

from django.conf import settings
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.cache import get_conditional_response, patch_cache_control

from ..downloads import file_response, open_file_response, streaming_file_response
from ..models import PolicyProject
from ..public.filters import FilterChoices, RegisterFilterForm
from ..public.lookup import moved_to_written_number, published_project
from ..rendering import hwpx
from . import formats
from .datasets import DATASETS

CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "json": "application/json; charset=utf-8",
    "xlsx": formats.XLSX_TYPE,
}


def filtered_projects(request):
    """The published projects the register shows for this request's query string."""
    form = RegisterFilterForm.from_query(request.GET, choices=FilterChoices.cached())
    return form.filter(PolicyProject.objects.published())


def dataset_download(request, name: str, fmt: str):
    """One dataset in one format, as an attachment."""
    dataset = DATASETS.get(name)
    if dataset is None or fmt not in CONTENT_TYPES:
        raise Http404("없는 자료입니다.")
    projects = filtered_projects(request)
    records = dataset.records(projects, url_of=request.build_absolute_uri)
    names = {"filename": f"{dataset.title}.{fmt}", "ascii_filename": f"{dataset.name}.{fmt}"}
    if fmt == "xlsx":
        rows = dataset.count(projects)
        if rows > settings.EXPORT_XLSX_MAX_ROWS:
            return too_large_for_xlsx(request, dataset=dataset, rows=rows)
        return open_file_response(formats.xlsx_file(dataset, records),
                                  content_type=CONTENT_TYPES[fmt], **names)
    chunks = formats.csv_lines(dataset, records) if fmt == "csv" else formats.json_chunks(
        dataset, records)
    return streaming_file_response(chunks, content_type=CONTENT_TYPES[fmt], **names)


def too_large_for_xlsx(request, *, dataset, rows: int):
    """Too many rows for one spreadsheet (Excel holds 1,048,576 a sheet, and writing them
    outlasts a request): say so in Korean, and offer the same rows as CSV or a narrower choice.
    Nothing is written."""
    query = request.GET.urlencode()
    csv_url = reverse("dataset_download", kwargs={"name": dataset.name, "fmt": "csv"})
    return render(request, "opendata/too_large_for_xlsx.html", {
        "dataset": dataset, "rows": f"{rows:,}", "limit": f"{settings.EXPORT_XLSX_MAX_ROWS:,}",
        "csv_url": f"{csv_url}?{query}" if query else csv_url,
        "register_url": f"{reverse('register')}?{query}" if query else reverse("register"),
    }, status=400)


def datapackage(request):
    """``/data/datapackage.json``: what each dataset's columns mean (a frictionless Data Package)."""
    resources = []
    for dataset in DATASETS.values():
        path = reverse("dataset_download", kwargs={"name": dataset.name, "fmt": "csv"})
        resources.append({
            "name": dataset.name,
            "title": dataset.title,
            "description": dataset.description,
            "path": request.build_absolute_uri(path),
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8-sig",
            "profile": "tabular-data-resource",
            "schema": dataset.schema(),
        })
    package = {
        "profile": "tabular-data-package",
        "name": "policy-registry",
        "title": f"{settings.REGISTRY_ORGANISATION} 정책실명제 중점관리 대상사업",
        "description": "공개된 사업내역서의 목록과 사업관련자. 같은 자료를 .xlsx와 .json으로도 "
                       "내려받을 수 있습니다.",
        "resources": resources,
    }
    return JsonResponse(package, json_dumps_params={"ensure_ascii": False, "indent": 2})


def robots_txt(request):
    """``/robots.txt``: everything public may be indexed; the sitemap says where it is."""
    lines = ["User-agent: *", "Disallow: /admin/", "Disallow: /_nested_admin/",
             f"Sitemap: {request.build_absolute_uri(reverse('sitemap_index'))}"]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def sheet_hwpx(request, number):
    """The sheet as HWPX for 한글, an attachment; a browser holding this version gets 304."""
    project = published_project(
        PolicyProject.objects.only("pk", "version", "registration_number"), number)
    if redirect := moved_to_written_number(request, project, number, "sheet_hwpx"):
        return redirect
    etag = f'"{hwpx.cache_key(project=project).replace(":", "-")}"'
    not_modified = get_conditional_response(request, etag=etag)
    if not_modified is not None:
        return not_modified
    response = file_response(
        hwpx.sheet_hwpx(project=project), content_type=hwpx.CONTENT_TYPE,
        filename=hwpx.hwpx_filename(registration_number=project.registration_number),
        ascii_filename=f"sheet_{project.registration_number}.hwpx",
    )
    response["ETag"] = etag
    patch_cache_control(response, no_cache=True)
    return response
