"""Staff edit a whole 사업내역서 from one change page: ⑥, ⑤ and the phases, nested."""

import re

import nested_admin
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.db import models

from timeline.admin import PhaseInline

from .admin_accountability import AccountableSheetAdmin
from .admin_import import SheetImportAdminMixin
from .admin_sheet import SheetAdminMixin
from .forms import MonthField, MonthInput, OutlineFormSet
from .models import (
    Department,
    Official,
    OutlineItem,
    PolicyProject,
    ProjectOfficial,
    SelectionCriterion,
)
from .search import projects_naming, refresh_search_text, refresh_search_texts

REGISTRATION_NUMBER = re.compile(r"\s*(\d{4})\s*-\s*(\d{1,5})\s*")


def sheets_renamed(project_ids) -> None:
    """Sheets that show a renamed person, department or criterion: searchable under the new
    name, and a new version of each (its cached PDF still prints the old one)."""
    ids = list(project_ids)
    refresh_search_texts(ids)
    PolicyProject.objects.filter(pk__in=ids).mark_changed()


@admin.register(Department)
class DepartmentAdmin(admin.ModelAdmin):
    search_fields = ["name"]
    fields = ["name", "staff"]
    filter_horizontal = ["staff"]  # who may edit this department's sheets (사업부서 담당자)

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if change and "name" in form.changed_data:
            sheets_renamed(obj.projects.values_list("pk", flat=True))

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "staff":  # only active staff accounts can open the admin at all
            kwargs["queryset"] = get_user_model().objects.filter(is_staff=True, is_active=True)
        return super().formfield_for_manytomany(db_field, request, **kwargs)


@admin.register(Official)
class OfficialAdmin(admin.ModelAdmin):
    list_display = ["name", "department", "affiliation"]
    list_filter = ["department"]
    list_select_related = ["department"]
    search_fields = ["name", "department__name", "affiliation"]
    autocomplete_fields = ["department"]

    def save_model(self, request, obj, form, change):
        """A renamed person is found under the new name on every sheet that names them."""
        super().save_model(request, obj, form, change)
        if change and "name" in form.changed_data:
            sheets_renamed(projects_naming(obj))


@admin.register(SelectionCriterion)
class SelectionCriterionAdmin(admin.ModelAdmin):
    list_display = ["short_name", "description", "order"]
    list_editable = ["order"]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if change and "short_name" in form.changed_data:
            sheets_renamed(obj.projects.values_list("pk", flat=True))


class ProjectOfficialInline(nested_admin.SortableHiddenMixin, nested_admin.NestedTabularInline):
    model = ProjectOfficial
    sortable_field_name = "order"
    fields = ["role_label", "official", "order"]
    autocomplete_fields = ["official"]
    extra = 0


class OutlineItemInline(nested_admin.SortableHiddenMixin, nested_admin.NestedTabularInline):
    model = OutlineItem
    formset = OutlineFormSet
    sortable_field_name = "order"
    fields = ["level", "text", "order"]
    extra = 0


@admin.register(PolicyProject)
class PolicyProjectAdmin(
    AccountableSheetAdmin, SheetAdminMixin, SheetImportAdminMixin, nested_admin.NestedModelAdmin
):
    actions = [*AccountableSheetAdmin.actions, *SheetAdminMixin.actions]
    list_display = [
        "registration_number_display", "title", "department", "status", "published_display",
        "updated_at",
    ]
    list_display_links = ["registration_number_display", "title"]
    list_filter = ["registration_year", "department", "selection_criterion", "status"]
    list_select_related = ["department"]
    search_fields = [
        "title", "project_officials__official__name", "phases__officials__official__name",
    ]
    search_help_text = "등록번호(예: 2023-13), 정책사업명, 담당자·사업관련자 성명으로 찾습니다."
    autocomplete_fields = ["department"]
    formfield_overrides = {models.DateField: {"form_class": MonthField, "widget": MonthInput}}
    fieldsets = [
        ("등록", {"fields": [("registration_year", "registration_seq"), "department"]}),
        ("사업", {"fields": [
            "title", "status", "background", "selection_criterion", ("started_on", "ended_on"),
        ]}),
        ("공개", {"fields": ["publication_summary"]}),
        ("변경 기록", {"fields": ["revision_comment", "loaded_version"]}),
    ]
    readonly_fields = ["publication_summary"]
    inlines = [ProjectOfficialInline, OutlineItemInline, PhaseInline]

    @admin.display(description="등록번호", ordering=("registration_year", "registration_seq"))
    def registration_number_display(self, obj):
        return obj.registration_number

    @admin.display(description="공개", boolean=True, ordering="published_at")
    def published_display(self, obj):
        return obj.is_published

    def get_search_results(self, request, queryset, search_term):
        """Typing a registration number (2023-13) finds exactly that project."""
        match = REGISTRATION_NUMBER.fullmatch(search_term)
        if match:
            year, seq = (int(part) for part in match.groups())
            return queryset.filter(registration_year=year, registration_seq=seq), False
        return super().get_search_results(request, queryset, search_term)

    def save_related(self, request, form, formsets, change):
        """The search text is rebuilt once the inlines (⑤, ⑥, phases) are saved too."""
        super().save_related(request, form, formsets, change)
        refresh_search_text(form.instance)
