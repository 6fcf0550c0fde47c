"""The public pages of 국민신청실명제: apply, receipt, status look-up and the public list.

Views stay thin: the forms check input, ``services`` writes, django-ratelimit counts per client
address in Django's cache. The receipt URL carries a signed token (not the number), so receipts
cannot be enumerated; the status page answers a wrong number and a wrong e-mail alike.
"""

from datetime import timedelta

from axes.helpers import get_client_ip_address
from django.conf import settings
from django.core import signing
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.crypto import constant_time_compare
from django.views.decorators.http import require_http_methods
from django_ratelimit.core import get_usage, is_ratelimited

from ..models import Application
from .forms import ApplicationForm, StatusForm
from .services import application_submit

RECEIPT_SALT = "projects.applications.receipt"
RECEIPT_MAX_AGE = timedelta(days=1)
PAGE_SIZE = 50
NOT_FOUND_MESSAGE = (
    "접수번호와 전자우편 주소가 맞는 신청을 찾지 못했습니다. 접수 안내 메일에 적힌 접수번호와 신청할 때 "
    "적은 전자우편 주소를 다시 확인하세요. 결정된 신청은 국민신청 목록에서도 볼 수 있습니다."
)


def client_address(group, request) -> str:
    """The client's address as the login throttle sees it (proxy settings included)."""
    return get_client_ip_address(request) or "unknown"


def _over_limit(request, *, group: str, rate: str, increment: bool) -> bool:
    usage = get_usage(request, group=group, key=client_address, rate=rate, increment=increment)
    return bool(usage and usage["should_limit"])


@require_http_methods(["GET", "POST"])
def apply(request):
    """``/apply/``: the application form. A valid application counts against the client's
    limit (APPLICATION_RATE_LIMIT); past it the form comes back, as typed, with a 429."""
    if request.method != "POST":
        return _apply_page(request, ApplicationForm())
    form = ApplicationForm(request.POST)
    if form.is_trap_filled:
        is_ratelimited(request, group="applications.apply", key=client_address,
                       rate=settings.APPLICATION_RATE_LIMIT, increment=True)
        return _apply_page(request, ApplicationForm(initial=form.typed()), refused=True, status=400)
    if not form.is_valid():
        form.mark_invalid()
        return _apply_page(request, form, status=400)
    if _over_limit(request, group="applications.apply", rate=settings.APPLICATION_RATE_LIMIT,
                   increment=True):
        return _apply_page(request, ApplicationForm(initial=form.typed()), limited=True, status=429)
    application = application_submit(data=form.submission(),
                                     client_address=client_address(None, request))
    token = signing.dumps(application.pk, salt=RECEIPT_SALT)
    return redirect("apply_receipt", token=token)


def _apply_page(request, form, *, status=200, **flags):
    return render(request, "applications/apply.html", {"form": form, **flags}, status=status)


def receipt(request, token: str):
    """The receipt after applying (PRG): the token is signed and expires after a day."""
    try:
        pk = signing.loads(token, salt=RECEIPT_SALT, max_age=RECEIPT_MAX_AGE)
    except signing.BadSignature as error:
        raise Http404("접수증 주소가 맞지 않거나 기한이 지났습니다.") from error
    application = Application.objects.filter(pk=pk).first()
    if application is None:
        raise Http404("접수증을 찾지 못했습니다.")
    return render(request, "applications/receipt.html", {"application": application})


@require_http_methods(["GET", "POST"])
def status(request):
    """``/apply/status/``: state and decision for whoever gives the 접수번호 and the e-mail.
    POST, so the e-mail stays out of URLs and logs; each look-up counts against the client's
    limit (APPLICATION_STATUS_RATE_LIMIT), which makes guessing numbers slow."""
    if request.method != "POST":
        return _status_page(request, StatusForm())
    form = StatusForm(request.POST)
    if _over_limit(request, group="applications.status", rate=settings.APPLICATION_STATUS_RATE_LIMIT,
                   increment=True):
        typed = {name: request.POST.get(name, "") for name in form.fields}
        return _status_page(request, StatusForm(initial=typed), limited=True, status=429)
    if not form.is_valid():
        form.mark_invalid()
        return _status_page(request, form, status=400)
    application = _matching(form.cleaned_data["receipt_number"], form.cleaned_data["email"])
    if application is None:
        return _status_page(request, form, not_found=True, not_found_message=NOT_FOUND_MESSAGE)
    return _status_page(request, StatusForm(), application=application,
                        changes=application.state_changes.all())


def _matching(number: str, email: str):
    """The application with this number and e-mail, or None — the same None for either mistake."""
    application = (Application.objects.for_public_list().filter(receipt_number=number).first())
    stored = application.applicant_email.casefold() if application else ""
    given = email.strip().casefold()
    return application if stored and constant_time_compare(stored, given) else None


def _status_page(request, form, *, status=200, **context):
    return render(request, "applications/status.html", {"form": form, **context}, status=status)


def application_list(request):
    """``/applications/``: every application of a year, newest first, as the public record:
    number, title, date, state, decision with reason, the masked name — never contact details."""
    years = list(Application.objects.order_by("-receipt_year")
                 .values_list("receipt_year", flat=True).distinct())
    this_year = timezone.localdate().year
    requested = request.GET.get("year", "")
    year = int(requested) if requested.isascii() and requested.isdigit() and len(requested) == 4 else (
        years[0] if years else this_year)
    applications = Application.objects.for_public_list().filter(receipt_year=year)
    page = Paginator(applications, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "applications/list.html", {
        "year": year, "years": years or [this_year], "page": page,
        "page_range": page.paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1),
        "query_string": f"year={year}",
        "apply_url": reverse("apply"),
    })
