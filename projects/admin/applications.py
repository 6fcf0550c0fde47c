"""The 총괄's review queue for 국민신청실명제.

Applications come from citizens (no adding here) and are never deleted (they are a public
record). The state is never edited as a field: the change form's "상태 변경" and the list's
actions call ``application_transition``, which checks the allowed transitions, logs who/when/
from → to and records the applicant's e-mail. Only users with ``projects.review_application``
(the 정책실명제 총괄 group) review and see applicants' contact details; a 사업부서 담당자 sees the
applications read-only, without name, e-mail or phone.
"""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.options import IncorrectLookupParameters
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html

from ..applications.services import (
    ALLOWED,
    REVIEW_PERMISSION,
    TransitionError,
    application_transition,
    check_transition,
)
from ..models import Application, ApplicationStateChange, Notification, RejectionReason
from ..scope import OutOfScope, may_write_department
from ..writing import SheetWriteError
from .widgets import BoundedAutocompleteAdmin

State = Application.State
CONTACT_FIELDS = ("applicant_name", "applicant_email", "applicant_phone")
NO_CHANGE = ("", "바꾸지 않음")


def may_review(user) -> bool:
    return user.has_perm(REVIEW_PERMISSION)


class ApplicationReviewForm(forms.ModelForm):
    """The editable parts of an application (department, related project, 심의일, 결정 내용)
    and the state change, checked here with the service's own rules before anything is saved."""

    to_state = forms.ChoiceField(
        label="상태 변경", required=False,
        help_text="바꿀 상태를 고르면 저장할 때 처리 기록이 남고, 선정·미선정·반려는 신청인에게 메일로 알립니다. 예: 검토중",
    )
    note = forms.CharField(
        label="처리 메모", required=False, max_length=1000, widget=forms.Textarea(attrs={"rows": 3}),
        help_text="처리 기록에 남습니다. 반려할 때는 반려 사유의 설명으로 신청인과 공개 목록에 표시됩니다. 예: 도로 보수 요청은 민원 창구로 안내",
    )
    return_reason = forms.ModelChoiceField(
        label="반려 사유", queryset=RejectionReason.objects.all(), required=False,
        help_text="반려할 때 고르세요. 예: 단순 민원",
    )

    class Meta:
        model = Application
        fields = ["department", "project", "review_date", "decision_text"]

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        allowed = ALLOWED.get(self.instance.state, ()) if self.instance.pk else ()
        self.fields["to_state"].choices = [NO_CHANGE, *((s, State(s).label) for s in allowed)]

    def clean(self):
        data = super().clean()
        to_state = data.get("to_state")
        if not to_state:
            return data
        stored = Application.objects.get(pk=self.instance.pk)  # the state as saved, not as posted
        department = data.get("department")
        try:
            check_transition(application=stored, to_state=to_state, reason=data.get("return_reason"),
                             department=department)
        except TransitionError as error:
            raise forms.ValidationError(str(error)) from error
        if to_state == State.SELECTED and not may_write_department(
                self.user, department.pk if department else stored.department_id):
            raise forms.ValidationError(OutOfScope().args[0])
        return data


class OverdueFilter(admin.SimpleListFilter):
    title = "처리기한"
    parameter_name = "overdue"

    def lookups(self, request, model_admin):
        return [("yes", "기한 지남(미결정)"), ("no", "기한 안")]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.overdue()
        if self.value() == "no":
            return queryset.exclude(pk__in=queryset.overdue().values("pk"))
        return queryset


class ReadOnlyInline(admin.TabularInline):
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class StateChangeInline(ReadOnlyInline):
    model = ApplicationStateChange
    fields = ["changed_at", "changed_by", "from_state", "to_state", "note"]
    readonly_fields = fields


class NotificationInline(ReadOnlyInline):
    model = Notification
    fields = ["created_at", "kind", "to", "subject", "status", "attempts", "last_error", "sent_at"]
    readonly_fields = fields

    def has_view_permission(self, request, obj=None):
        return may_review(request.user)  # the address is contact detail


@admin.register(Application)
class ApplicationAdmin(BoundedAutocompleteAdmin, admin.ModelAdmin):
    form = ApplicationReviewForm
    list_display = ["receipt_number", "policy_title", "applicant_name_masked", "received_at",
                    "due_display", "state_display", "department"]
    list_display_links = ["receipt_number", "policy_title"]
    list_filter = ["state", OverdueFilter, "receipt_year", "department"]
    list_select_related = ["department"]
    search_fields = ["receipt_number", "policy_title"]
    search_help_text = "접수번호(예: 2026-0001)나 신청 정책명으로 찾습니다."
    date_hierarchy = "received_at"
    autocomplete_fields = ["department", "project"]
    inlines = [StateChangeInline, NotificationInline]
    actions = ["start_review", "send_to_deliberation"]

    class Media:
        css = {"all": ["css/admin-applications.css"]}

    # --- what each role sees ---------------------------------------------------------------

    def get_fieldsets(self, request, obj=None):
        applicant = (["applicant_name", "applicant_email", "applicant_phone"]
                     if may_review(request.user) else [])
        fieldsets = [
            ("신청", {"fields": ["receipt_number", "received_at", "state", "due_on", "policy_title",
                                "reason", "department", "project"]}),
            ("신청인", {"fields": [*applicant, "applicant_name_masked", "contact_purged_at"],
                     "description": "연락처는 정책실명제 총괄만 볼 수 있고, 결정 후 보유기간이 지나면 파기됩니다."}),
            ("심의·결정", {"fields": ["review_date", "decision_text", "rejection_reason",
                                   "rejection_note", "decided_at", "created_project_link"]}),
        ]
        if self.has_change_permission(request, obj) and obj is not None and ALLOWED.get(obj.state):
            fieldsets.append(("상태 변경", {"fields": ["to_state", "return_reason", "note"]}))
        return fieldsets

    def get_readonly_fields(self, request, obj=None):
        fixed = ["receipt_number", "received_at", "state", "due_on", "policy_title", "reason",
                 "applicant_name_masked", "contact_purged_at", "rejection_reason", "rejection_note",
                 "decided_at", "created_project_link", *CONTACT_FIELDS]
        if not self.has_change_permission(request, obj):
            return [*fixed, "department", "project", "review_date", "decision_text"]
        return fixed

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        user = request.user
        for name in ("department", "project"):  # pick only: departments and sheets are edited elsewhere
            widget = form.base_fields[name].widget if name in form.base_fields else None
            if widget is not None:
                widget.can_add_related = widget.can_change_related = widget.can_delete_related = False
                widget.can_view_related = False

        class WithUser(form):
            def __init__(self, *args, **kw):
                super().__init__(*args, user=user, **kw)

        return WithUser

    def get_search_fields(self, request):
        if may_review(request.user):
            return [*self.search_fields, "applicant_name", "applicant_email"]
        return self.search_fields

    def get_changelist_instance(self, request):
        """Django's date drill-down reads ``?received_at__year=99999999999999999999`` into a C
        long and raises OverflowError (a 500): such an address is a bad filter, like any other."""
        try:
            return super().get_changelist_instance(request)
        except OverflowError as error:
            raise IncorrectLookupParameters(str(error)) from error

    def lookup_allowed(self, lookup, value, request):
        """Django lets any local field filter the list from the address bar
        (``?applicant_email__startswith=h``): for whoever may not see contact details, an answer
        that lists an application or not would spell them out letter by letter. Refused (a 400)."""
        field = lookup.split("__", 1)[0]
        if field in CONTACT_FIELDS and not may_review(request.user):
            return False
        return super().lookup_allowed(lookup, value, request)

    def has_add_permission(self, request):
        return False  # applications come from citizens, through /apply/

    def has_delete_permission(self, request, obj=None):
        return False  # a public record

    def has_change_permission(self, request, obj=None):
        return may_review(request.user) and super().has_change_permission(request, obj)

    def has_review_permission(self, request):
        return may_review(request.user)

    # --- list columns ----------------------------------------------------------------------

    @admin.display(description="처리기한", ordering="due_on")
    def due_display(self, obj):
        """Overdue rows are marked by a class (styled in css/admin-applications.css: no inline
        style under the CSP) and say so in words, not by colour alone."""
        due = obj.due_on.strftime("%Y-%m-%d")
        if obj.is_overdue:
            days = (timezone.localdate() - obj.due_on).days
            return format_html('<span class="application-overdue">{} ({}일 지남)</span>', due, days)
        return due

    @admin.display(description="처리상태", ordering="state")
    def state_display(self, obj):
        return format_html('<span class="application-state state-{}">{}</span>',
                           obj.state, obj.get_state_display())

    @admin.display(description="선정으로 만든 사업")
    def created_project_link(self, obj):
        project = obj.created_project
        if project is None:
            return "-"
        url = reverse("admin:projects_policyproject_change", args=[project.pk])
        return format_html('<a href="{}">{} {}</a> ({})', url, project.registration_number,
                           project.title, project.publication_state)

    # --- state changes: only through the service ---------------------------------------------

    def save_model(self, request, obj, form, change):
        """Save the editable fields, then make the state change through the service (its
        e-mail goes out after the commit; a failed send is recorded, the change stays)."""
        obj.save(update_fields=["department", "project", "review_date", "decision_text"])
        to_state = form.cleaned_data.get("to_state")
        if not to_state:
            return
        try:
            application_transition(
                application=obj, user=request.user, to_state=to_state,
                note=form.cleaned_data.get("note", ""), reason=form.cleaned_data.get("return_reason"),
            )
        except (TransitionError, PermissionDenied, SheetWriteError, OutOfScope) as error:
            self.message_user(request, f"상태를 바꾸지 못했습니다: {error}", messages.ERROR)
            return
        text = f"{obj.receipt_number}: '{State(to_state).label}'(으)로 바꾸었습니다."
        if obj.created_project_id:
            text += f" 사업내역서 초안 {obj.created_project.registration_number}을(를) 만들었습니다."
        self.message_user(request, text, messages.SUCCESS)

    def _bulk(self, request, queryset, to_state):
        done, refused = [], []
        for application in queryset:
            try:
                application_transition(application=application, user=request.user,
                                       to_state=to_state, note="목록에서 일괄 처리")
            except (TransitionError, PermissionDenied) as error:
                refused.append(f"{application.receipt_number}({error})")
            else:
                done.append(application.receipt_number)
        label = State(to_state).label
        if done:
            self.message_user(request, f"'{label}'(으)로 바꾼 신청 {len(done)}건: {', '.join(done)}",
                              messages.SUCCESS)
        if refused:
            self.message_user(request, f"바꾸지 못한 신청 {len(refused)}건: {'; '.join(refused)}",
                              messages.WARNING)

    @admin.action(description="선택한 신청의 검토 시작 (접수 → 검토중)", permissions=["review"])
    def start_review(self, request, queryset):
        self._bulk(request, queryset, State.REVIEWING)

    @admin.action(description="선택한 신청을 심의에 부치기 (검토중 → 심의)", permissions=["review"])
    def send_to_deliberation(self, request, queryset):
        self._bulk(request, queryset, State.DELIBERATION)


@admin.register(RejectionReason)
class RejectionReasonAdmin(admin.ModelAdmin):
    list_display = ["name", "order"]
    list_editable = ["order"]
