"""Rows many sheets share: departments (with who staffs them), officials, selection criteria.

Renaming one is a write of every sheet that shows it, through the door's
``shared_rows_renamed``: searchable under the new name, and a new version of each sheet.
"""

from django.contrib import admin
from django.contrib.auth import get_user_model

from ..models import Department, Official, SelectionCriterion
from ..search import projects_naming
from ..writing import shared_rows_renamed
from .widgets import BoundedAutocompleteAdmin


@admin.register(Department)
class DepartmentAdmin(BoundedAutocompleteAdmin, admin.ModelAdmin):
    search_fields = ["name"]
    fields = ["name", "staff"]
    filter_horizontal = ["staff"]  # who may edit this department's sheets (사업부서 담당자)

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if change and "name" in form.changed_data:
            shared_rows_renamed(obj.projects.values_list("pk", flat=True))

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "staff":  # only active staff accounts can open the admin at all
            kwargs["queryset"] = get_user_model().objects.filter(is_staff=True, is_active=True)
        return super().formfield_for_manytomany(db_field, request, **kwargs)


@admin.register(Official)
class OfficialAdmin(BoundedAutocompleteAdmin, admin.ModelAdmin):
    list_display = ["name", "department", "affiliation"]
    list_filter = ["department"]
    list_select_related = ["department"]
    search_fields = ["name", "department__name", "affiliation"]
    autocomplete_fields = ["department"]

    def save_model(self, request, obj, form, change):
        """A renamed person is found under the new name on every sheet that names them."""
        super().save_model(request, obj, form, change)
        if change and "name" in form.changed_data:
            shared_rows_renamed(projects_naming(obj))


@admin.register(SelectionCriterion)
class SelectionCriterionAdmin(admin.ModelAdmin):
    list_display = ["short_name", "description", "order"]
    list_editable = ["order"]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if change and "short_name" in form.changed_data:
            shared_rows_renamed(obj.projects.values_list("pk", flat=True))
