"""The register citizens start from (``/``): published projects, filtered and searched.

Only published projects are ever shown; everything else is simply absent from the list.
"""

from django.shortcuts import render

from ..models import PolicyProject
from .caching import cached_page, register_state
from .filters import FilterChoices, RegisterFilterForm
from .paging import RegisterPaginator

PAGE_SIZE = 20


@cached_page(lambda request: register_state())
def register(request):
    """The register citizens start from: every published project, newest registration first.

    The filters live in the URL (GET), so a filtered page can be bookmarked and shared, and
    pagination keeps them. Bad parameters never fail the page: unknown filter values are dropped
    and ``page`` falls back to the first (or last) page.
    """
    form = RegisterFilterForm.from_query(request.GET, choices=FilterChoices.cached())
    projects = form.filter(PolicyProject.objects.published().for_list())
    paginator = RegisterPaginator(projects, PAGE_SIZE, filters=form.cleaned_data)
    page = paginator.get_page(request.GET.get("page"))
    return render(request, "projects/register.html", {
        "form": form,
        "page": page,
        "page_range": page.paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1),
        "query": form.cleaned_data.get("q", ""),
        "query_string": form.query_string(),
    })
