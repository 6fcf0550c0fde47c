"""Phase inlines, nested inside the project's change page so a whole sheet is edited at once."""

import nested_admin
from django.db import models

from projects.forms import MonthField, MonthInput, PhaseItemFormSet

from .models import Phase, PhaseItem, PhaseOfficial


class PhaseItemInline(nested_admin.NestedTabularInline):
    model = PhaseItem
    formset = PhaseItemFormSet
    sortable_field_name = "order"
    fields = ["level", "text", "order"]
    extra = 0


class PhaseOfficialInline(nested_admin.NestedTabularInline):
    model = PhaseOfficial
    sortable_field_name = "order"
    fields = ["official", "position", "order"]
    autocomplete_fields = ["official"]
    extra = 0


class PhaseInline(nested_admin.NestedStackedInline):
    model = Phase
    sortable_field_name = "order"
    fields = [("started_on", "ended_on"), "heading", "order"]
    formfield_overrides = {models.DateField: {"form_class": MonthField, "widget": MonthInput}}
    inlines = [PhaseItemInline, PhaseOfficialInline]
    extra = 0
