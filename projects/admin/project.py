"""Staff edit a whole 사업내역서 from one change page: ⑤, ⑥ and the phases, nested.

``PolicyProjectAdmin`` is composed of one mixin per concern (scope, history, publication, the
sheet preview and PDFs, the import). A save writes the project and every inline row inside one
write through the door (``projects.writing.sheet_write``): scoped, version-checked, one revision
when something changed and none when nothing did.
"""

import json

import nested_admin
from django.contrib import admin, messages
from django.contrib.admin.models import LogEntry
from django.db import models
from django.http import QueryDict

from .. import registration
from ..models import PolicyProject
from ..writing import sheet_write
from .errors import sheet_errors
from .forms import MonthField, MonthInput, SheetForm
from .history import SheetHistoryAdmin
from .importing import SheetImportAdminMixin
from .inlines import (
    OutlineItemInline,
    PhaseInline,
    ProjectOfficialInline,
    SheetInlineAdminFormset,
)
from .preview import SheetAdminMixin
from .publication import PublicationAdminMixin
from .scope import ScopedSheetAdmin


class SharedPostData(QueryDict):
    """Posted data whose ``copy()`` shares the lists of values with the original: what a deep
    copy gives, at a fraction of its cost. Assigning a key (all formsets do) replaces that
    key's list in the copy only; the two ways to change a list in place copy it first."""

    @classmethod
    def of(cls, data: QueryDict, *, mutable: bool = True) -> "SharedPostData":
        shared = cls(mutable=True, encoding=data.encoding)
        dict.update(shared, dict.items(data))
        shared._mutable = mutable
        return shared

    def copy(self):
        return self.of(self)

    def _own_list(self, key):
        if dict.__contains__(self, key):
            dict.__setitem__(self, key, list(dict.__getitem__(self, key)))

    def appendlist(self, key, value):
        self._assert_mutable()
        self._own_list(key)
        super().appendlist(key, value)

    def setlistdefault(self, key, default_list=None):
        self._assert_mutable()
        self._own_list(key)
        return super().setlistdefault(key, default_list)


UNCHANGED_MESSAGE = "바뀐 내용이 없어 저장하지 않았습니다(새 판을 만들지 않았습니다)."


@admin.register(PolicyProject)
class PolicyProjectAdmin(
    ScopedSheetAdmin, SheetHistoryAdmin, PublicationAdminMixin, SheetAdminMixin,
    SheetImportAdminMixin, nested_admin.NestedModelAdmin,
):
    form = SheetForm
    actions = [*PublicationAdminMixin.actions, *SheetAdminMixin.actions]
    list_display = [
        "registration_number", "title", "department", "status", "published_display", "updated_at",
    ]
    list_display_links = ["registration_number", "title"]
    list_filter = ["registration_year", "department", "selection_criterion", "status"]
    list_select_related = ["department"]
    search_fields = [
        "title", "project_officials__official__name", "phases__officials__official__name",
    ]
    search_help_text = "등록번호(예: 2023-13), 정책사업명, 담당자·사업관련자 성명으로 찾습니다."
    autocomplete_fields = ["department"]
    formfield_overrides = {models.DateField: {"form_class": MonthField, "widget": MonthInput}}
    fieldsets = [
        ("등록", {"fields": ["registration_number", "department"]}),
        ("사업", {"fields": [
            "title", "status", "background", "selection_criterion", ("started_on", "ended_on"),
        ]}),
        ("공개", {"fields": ["publication_summary"]}),
        ("변경 기록", {"fields": ["revision_comment", "loaded_version"]}),
    ]
    readonly_fields = ["publication_summary"]
    inlines = [OutlineItemInline, ProjectOfficialInline, PhaseInline]
    inline_admin_formset_helper_cls = SheetInlineAdminFormset

    @admin.display(description="공개", boolean=True, ordering="published_at")
    def published_display(self, obj):
        return obj.is_published

    def get_search_results(self, request, queryset, search_term):
        """A registration number, typed either way (2024-5 or 2024-05), finds exactly that project."""
        number = registration.parse_or_none(search_term)
        if number is not None:
            return queryset.filter(registration_year=number.year, registration_seq=number.seq), False
        return super().get_search_results(request, queryset, search_term)

    # --- saving: one write through the door ----------------------------------------------

    def _create_formsets(self, request, obj, change):
        """nested_admin hands every nested formset its own ``request.POST.copy()``, a deep copy
        of the whole form: for a 60-phase sheet 123 copies of ~3,900 fields, half the time of a
        save. The posted data are given as a :class:`SharedPostData`, whose copies share the
        (immutable) strings and so cost a list each."""
        if request.method == "POST" and not isinstance(request.POST, SharedPostData):
            request.POST = SharedPostData.of(request.POST, mutable=False)
        return super()._create_formsets(request, obj, change)

    def save_model(self, request, obj, form, change):
        """Nothing yet: the project is written with its rows in :meth:`save_related`, as one write."""

    def save_related(self, request, form, formsets, change):
        project = form.instance
        loaded = form.cleaned_data.get("loaded_version") if change else None
        with sheet_write(project=project, user=request.user, comment="", loaded_version=loaded) as write:
            project.save()
            form.save_m2m()
            for formset in formsets:
                self.save_formset(request, form, formset, change=change)
            write.comment = self._revision_comment(request, form, formsets, change)
        request._sheet_write = write

    def _revision_comment(self, request, form, formsets, change) -> str:
        """What the history shows: the staff member's reason, then what changed."""
        if change:
            message = self.construct_change_message(request, form, formsets, add=False)
            what = LogEntry(change_message=json.dumps(message)).get_change_message()
        else:
            what = "최초 등록"
        reason = form.cleaned_data.get("revision_comment", "").strip()
        return f"{reason} ({what})" if reason and what else (reason or what)

    def message_user(self, request, message, level=messages.INFO, *args, **kwargs):
        """A save that changed nothing says so, instead of Django's "changed successfully"."""
        write = getattr(request, "_sheet_write", None)
        if write is not None and not write.changed and level == messages.SUCCESS:
            message, level = UNCHANGED_MESSAGE, messages.INFO
        return super().message_user(request, message, level, *args, **kwargs)

    def render_change_form(self, request, context, *args, **kwargs):
        """Errors listed at the top of the page, each linked to its field; phases in error open."""
        adminform = context.get("adminform")
        if adminform is not None and adminform.form.is_bound:
            context["sheet_errors"] = sheet_errors(adminform.form, [
                inline.formset for inline in context.get("inline_admin_formsets", ())
                if not getattr(inline.formset, "is_nested", False)
            ])
        return super().render_change_form(request, context, *args, **kwargs)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        extra_context = {"can_publish": self.has_publish_permission(request), **(extra_context or {})}
        response = super().change_view(request, object_id, form_url, extra_context)
        if request.method == "POST" and response.status_code == 302:
            self._publish_after_save(request, object_id)
        return response
