"""Staff edit a sheet's records beyond the sheet — opinions, documents, meetings — one click from
the project's change page (its 「관련 기록」 page lists them by phase, with add and edit links).

Scoped like the sheet (``projects.scope``): a 사업부서 담당자 lists, opens, adds and deletes only
the records of their departments' projects; another department's record or project answers the
Korean 403 page. The project is fixed when a record is added (``?project=<id>``) and the form
offers only that project's phases and meetings, so every posted id is checked against the
record's own sheet; Django's inline formsets do the same for attendees and remarks, and the
write door refuses anything that slipped through. Every save or delete is ONE write through the
door: a new version and one revision of the sheet.
"""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import UploadedFile
from django.db import models
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse

from timeline.models import Phase

from .. import parts, scope
from ..models import (
    AccountableOfficer,
    Document,
    Meeting,
    MeetingAttendee,
    MeetingRemark,
    Opinion,
    OpinionKind,
    PolicyProject,
    SelectionReview,
)
from ..uploads import check_document_file
from ..writing import SheetWriteError, StaleSheetError, lock_version, sheet_write
from .scope import Refused, RefusingAdmin
from .widgets import BoundedAutocompleteAdmin

NO_PROJECT_MESSAGE = (
    "어느 사업의 기록인지 알 수 없습니다. 사업내역서 편집 화면의 「관련 기록」에서 추가하세요."
)
FOREIGN_RECORD_ROW_MESSAGE = (
    "이 회의의 {what}이(가) 아닌 행(번호 %(value)s)이 있습니다. 다른 회의의 행은 옮기거나 지울 수 "
    "없습니다. 아무것도 저장하지 않았습니다. 페이지를 새로 열어 다시 시도하세요."
)
NO_ATTENDEE_MESSAGE = "참석자를 한 명 이상 입력하세요(관련자를 고르거나 외부 참석자의 성명과 소속)."


def records_url(project) -> str:
    return reverse("admin:projects_document_records", args=[project.pk])


class RecordForm(forms.ModelForm):
    """A record's form, bound to its project: only that project's phases and meetings are offered
    (any other posted id is an invalid choice)."""

    record_project: PolicyProject | None = None
    #: The sheet's version when the page was opened: saving a record over a newer version of its
    #: sheet (someone saved in between) is refused like the sheet's own page (``SheetForm``).
    loaded_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        project = self.record_project
        if project is not None:
            self.fields["loaded_version"].initial = project.version
        if "phase" in self.fields:
            self.fields["phase"].queryset = Phase.objects.filter(project=project)
            self.fields["phase"].label_from_instance = phase_label
        if "meeting" in self.fields:
            self.fields["meeting"].queryset = Meeting.objects.filter(phase__project=project)
            widget = self.fields["meeting"].widget  # meetings are added from 「관련 기록」, not a popup
            for name in ("can_add_related", "can_change_related", "can_delete_related",
                         "can_view_related"):
                setattr(widget, name, False)
        if isinstance(self.instance, Document) and project is not None:
            self.instance.project = project
            if not self.instance.pk:
                self.fields["department"].initial = project.department_id


    @property
    def changed_data(self):
        return [name for name in super().changed_data if name != "loaded_version"]

    def clean(self):
        """A changed record is checked against the version its page was opened at, inside the
        admin's transaction and before anything is written (the project row stays locked)."""
        cleaned = super().clean()
        if self.instance.pk and self.record_project is not None:
            try:
                lock_version(self.record_project.pk, cleaned.get("loaded_version"))
            except StaleSheetError as error:
                raise forms.ValidationError(str(error), code="stale") from None
        return cleaned


def phase_label(phase) -> str:
    return f"{phase.period_display} {phase.heading}".strip() or phase.period_display


def https_urls(field, **kwargs):
    """Addresses typed without a scheme are taken as https (Django 6's default)."""
    if isinstance(field, models.URLField):
        kwargs["assume_scheme"] = "https"
    return field.formfield(**kwargs)


class DocumentForm(RecordForm):
    class Meta:
        model = Document
        formfield_callback = https_urls
        fields = ["title", "kind", "date", "department", "document_number", "phase", "meeting",
                  "disclosure", "ground", "file", "url", "loaded_version"]

    def clean_file(self):
        """A new upload is judged by its content (``projects.uploads``) before anything is stored."""
        value = self.cleaned_data.get("file")
        if isinstance(value, UploadedFile):
            self.instance.file_type = check_document_file(value).key
        return value


class MeetingRowsFormSet(forms.BaseInlineFormSet):
    """A meeting's attendees or remarks, and only this meeting's.

    Django gives an inline row's hidden id a choice of the whole table: a posted id of another
    meeting's row (another department's included) passes, the row is not found among this
    meeting's and the form quietly becomes a NEW row of this meeting built from the posted
    values (with ``…-DELETE`` it is quietly ignored). Here such an id is a Korean form error.
    """

    def add_fields(self, form, index):
        super().add_fields(form, index)
        field = form.fields.get(self.model._meta.pk.name)
        if isinstance(field, forms.ModelChoiceField):
            field.queryset = self.get_queryset()
            field.error_messages = {**field.error_messages, "invalid_choice": (
                FOREIGN_RECORD_ROW_MESSAGE.format(what=self.model._meta.verbose_name))}

    def clean(self):
        """The hidden id's error is not shown in its row: say it above the rows."""
        super().clean()
        pk_name = self.model._meta.pk.name
        for form in self.forms:
            if pk_name in form.errors:
                raise forms.ValidationError(form.errors[pk_name][0], code="foreign_row")


class AttendeeFormSet(MeetingRowsFormSet):
    """A meeting without anyone at it is not a record of a meeting."""

    def clean(self):
        super().clean()
        if any(self.errors):
            return
        kept = [form for form in self.forms
                if form.cleaned_data and not form.cleaned_data.get("DELETE")]
        if not kept:
            raise forms.ValidationError(NO_ATTENDEE_MESSAGE, code="no_attendee")


class OrderedInline(BoundedAutocompleteAdmin, admin.TabularInline):
    """Rows kept in the order they are listed on the form (``order`` is set on save)."""

    extra = 0
    autocomplete_fields = ["official"]


class MeetingAttendeeInline(OrderedInline):
    model = MeetingAttendee
    formset = AttendeeFormSet
    fields = ["official", "name", "affiliation", "role"]
    extra = 1
    max_num = 100


class MeetingRemarkInline(OrderedInline):
    model = MeetingRemark
    formset = MeetingRowsFormSet
    fields = ["official", "speaker_name", "text"]
    max_num = 200
    formfield_overrides = {models.TextField: {"widget": forms.Textarea(attrs={"rows": 2, "cols": 60})}}


class RecordAdmin(RefusingAdmin, admin.ModelAdmin):
    """What the three record admins share: the scope, the fixed project, the door."""

    form = RecordForm
    change_form_template = "admin/projects/record_change_form.html"
    delete_confirmation_template = "admin/projects/record_delete_confirmation.html"

    @property
    def sheet_part(self) -> parts.SheetPart:
        return parts.part_for(self.model)

    # --- which project -------------------------------------------------------------------

    def record_project(self, request, obj=None) -> PolicyProject | None:
        """The sheet the record belongs to: the stored record's, else ``?project=`` (checked)."""
        cached = getattr(request, "_record_project", None)
        if cached is not None:
            return cached
        if obj is not None and obj.pk is not None:
            project = PolicyProject.objects.get(pk=self.sheet_part.stored_sheet_of(obj.pk))
        else:
            raw = request.GET.get("project", "")
            if not raw.isdigit():
                raise Refused(NO_PROJECT_MESSAGE)
            project = PolicyProject.objects.filter(pk=int(raw)).first()
            if project is None:
                raise Http404("사업을 찾을 수 없습니다.")
        if not scope.may_write(request.user, project):
            raise Refused(scope.OTHER_DEPARTMENT_MESSAGE)
        request._record_project = project
        return project


    # --- scope ---------------------------------------------------------------------------

    def get_queryset(self, request):
        rows = super().get_queryset(request)
        if scope.edits_every_department(request.user):
            return rows
        return rows.filter(**{f"{self.sheet_part.sheet_path}__department__staff": request.user})

    def get_model_perms(self, request):
        """No 「추가」 from the admin index or list: a record is added from its sheet's 「관련 기록」."""
        return {**super().get_model_perms(request), "add": False}

    def changelist_view(self, request, extra_context=None):
        return super().changelist_view(request, {**(extra_context or {}), "has_add_permission": False})

    def get_object(self, request, object_id, from_field=None):
        obj = super().get_object(request, object_id, from_field)
        if (obj is None and not scope.edits_every_department(request.user)
                and str(object_id).isdigit()
                and self.model._default_manager.filter(pk=object_id).exists()):
            raise Refused(scope.OTHER_DEPARTMENT_MESSAGE)
        return obj

    def _in_scope(self, request, obj) -> bool:
        if obj is None:
            return True
        project_pk = self.sheet_part.stored_sheet_of(obj.pk) if obj.pk else None
        department = PolicyProject.objects.filter(pk=project_pk).values_list(
            "department_id", flat=True).first()
        return scope.may_write_department(request.user, department)

    def has_view_permission(self, request, obj=None):
        return super().has_view_permission(request, obj) and self._in_scope(request, obj)

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and self._in_scope(request, obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and self._in_scope(request, obj)

    def has_add_permission(self, request):
        return super().has_add_permission(request) and (
            scope.edits_every_department(request.user) or request.user.departments.exists())

    def get_changeform_initial_data(self, request):
        """``?phase=`` (from 「관련 기록」) preselects the phase; the form still offers only this
        sheet's phases, so a foreign id is simply not chosen."""
        initial = super().get_changeform_initial_data(request)
        initial.pop("project", None)
        return initial

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        return type(form.__name__, (form,), {"record_project": self.record_project(request, obj)})

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            if object_id is not None:
                obj = self.get_object(request, unquote(object_id))
                if obj is not None:
                    self.record_project(request, obj)
            project = self.record_project(request) if object_id is None else getattr(
                request, "_record_project", None)
            extra_context = {**(extra_context or {}), "record_project": project,
                             "records_url": records_url(project) if project else None}
            return super().changeform_view(request, object_id, form_url, extra_context)
        except (Refused, scope.OutOfScope, SheetWriteError) as error:
            return self.refused_page(request, error)

    def delete_view(self, request, object_id, extra_context=None):
        try:
            return super().delete_view(request, object_id, extra_context)
        except (Refused, scope.OutOfScope, SheetWriteError) as error:
            return self.refused_page(request, error)

    # --- saving: one write through the door ------------------------------------------------

    def save_model(self, request, obj, form, change):
        """Nothing yet: the record is written with its rows in :meth:`save_related`."""

    def save_related(self, request, form, formsets, change):
        obj = form.instance
        project = self.record_project(request, obj if change else None)
        verb = "수정" if change else "추가"
        comment = f"{self.opts.verbose_name} {verb}: {obj}"
        with sheet_write(project=project, user=request.user, comment=comment) as write:
            obj.save()
            form.save_m2m()
            for formset in formsets:
                self.save_formset(request, form, formset, change=change)
        request._sheet_write = write

    def save_formset(self, request, form, formset, change):
        """Attendees and remarks keep the order they are listed in (``order`` 0, 1, 2 …)."""
        formset.save(commit=False)
        for row in formset.deleted_objects:
            row.delete()
        kept = [f for f in formset.forms if f.cleaned_data and not f.cleaned_data.get("DELETE")]
        for order, row_form in enumerate(kept):
            row = row_form.instance
            if row.pk is None or row_form.has_changed() or row.order != order:
                row.order = order
                row.save()
        formset.save_m2m()

    def render_delete_form(self, request, context):
        context["loaded_version"] = self.record_project(request, context["object"]).version
        return super().render_delete_form(request, context)

    def delete_model(self, request, obj):
        """Deleted through the door, checked against the version the confirmation page was opened
        at (a confirmation posted without it counts as stale: nothing is deleted unseen)."""
        project = self.record_project(request, obj)
        with sheet_write(project=project, user=request.user,
                         comment=f"{self.opts.verbose_name} 삭제: {obj}",
                         loaded_version=request.POST.get("loaded_version", "")):
            obj.delete()

    def delete_queryset(self, request, queryset):
        """Deleted per sheet: one write (and revision) for each sheet touched."""
        by_project: dict[int, list] = {}
        for obj in queryset:
            by_project.setdefault(self.sheet_part.stored_sheet_of(obj.pk), []).append(obj)
        for project in PolicyProject.objects.filter(pk__in=by_project):
            with sheet_write(project=project, user=request.user,
                             comment=f"{self.opts.verbose_name} {len(by_project[project.pk])}건 삭제"):
                for obj in by_project[project.pk]:
                    obj.delete()

    def message_user(self, request, message, level=messages.INFO, *args, **kwargs):
        write = getattr(request, "_sheet_write", None)
        if write is not None and not write.changed and level == messages.SUCCESS:
            message, level = "바뀐 내용이 없어 저장하지 않았습니다(새 판을 만들지 않았습니다).", messages.INFO
        return super().message_user(request, message, level, *args, **kwargs)

    def _back_to_records(self, request, response):
        project = getattr(request, "_record_project", None)
        if project is None or response.status_code != 302 or "_continue" in request.POST:
            return response
        if "_addanother" in request.POST:  # another record of the same sheet
            add = reverse(f"admin:{self.opts.app_label}_{self.opts.model_name}_add")
            return HttpResponseRedirect(f"{add}?project={project.pk}")
        return HttpResponseRedirect(records_url(project))

    def response_add(self, request, obj, post_url_continue=None):
        return self._back_to_records(request, super().response_add(request, obj, post_url_continue))

    def response_change(self, request, obj):
        return self._back_to_records(request, super().response_change(request, obj))

    def response_delete(self, request, obj_display, obj_id):
        return self._back_to_records(request, super().response_delete(request, obj_display, obj_id))


@admin.register(Opinion)
class OpinionAdmin(RecordAdmin):
    fields = ["phase", "official", "position_then", "date", "kind", "text", "loaded_version"]
    autocomplete_fields = ["official"]
    list_display = ["official", "position_then", "date", "kind", "phase"]
    list_select_related = ["official", "kind", "phase__project"]


@admin.register(Meeting)
class MeetingAdmin(RecordAdmin):
    fieldsets = [
        (None, {"fields": ["phase", "name", "held_at", "place", "loaded_version"]}),
        ("결정사항·표결", {"fields": ["decision", ("votes_for", "votes_against", "votes_abstain")]}),
    ]
    inlines = [MeetingAttendeeInline, MeetingRemarkInline]
    list_display = ["name", "held_at", "place", "phase"]
    list_select_related = ["phase__project"]


@admin.register(Document)
class DocumentAdmin(RecordAdmin):
    form = DocumentForm
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    list_display = ["title", "kind", "date", "document_number", "disclosure", "project"]
    list_select_related = ["project"]
    autocomplete_fields = ["department"]

    def get_urls(self):
        return [
            path("records/<int:project_id>/", self.admin_site.admin_view(self.records_view),
                 name="projects_document_records"),
            *super().get_urls(),
        ]

    def records_view(self, request, project_id):
        """「관련 기록」 of one sheet: its opinions and meetings by phase and its documents, with
        links to add and edit them (one click from the project's change page)."""
        project = get_object_or_404(PolicyProject.objects.select_related("department"), pk=project_id)
        if not scope.may_write(request.user, project):
            return self.refused_page(request, Refused(scope.OTHER_DEPARTMENT_MESSAGE))
        if not self.has_view_or_change_permission(request):
            raise PermissionDenied
        phases = Phase.objects.filter(project=project).prefetch_related(
            models.Prefetch("opinions", Opinion.objects.select_related("official", "kind")),
            "meetings",
        )
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": f"관련 기록: {project.registration_number} {project.title}",
            "project": project,
            "phases": phases,
            "documents": Document.objects.filter(project=project).select_related("phase"),
            "has_view_permission": True,
        }
        return TemplateResponse(request, "admin/projects/records.html", context)


@admin.register(OpinionKind)
class OpinionKindAdmin(admin.ModelAdmin):
    list_display = ["name", "order"]
    list_editable = ["order"]


@admin.register(AccountableOfficer)
class AccountableOfficerAdmin(admin.ModelAdmin):
    list_display = ["role", "name", "position", "department", "phone", "order"]
    list_editable = ["order"]


@admin.register(SelectionReview)
class SelectionReviewAdmin(BoundedAutocompleteAdmin, admin.ModelAdmin):
    list_display = ["year", "held_on", "body"]
    autocomplete_fields = ["selected_projects"]
