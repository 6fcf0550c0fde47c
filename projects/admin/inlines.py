"""The rows of a sheet, edited inside the project's change page: ⑤, ⑥ and the phases with their
items and officials (nested_admin).

Every formset here only ever sees the rows of the sheet being edited. nested_admin looks posted
row ids up across the whole table (so rows can be dragged between parents); left alone, a posted
id of another department's row would move that row into this sheet, and ``…-DELETE`` would delete
it. :class:`SheetRowsFormSet` checks every posted id against the sheet's own rows
(``projects.parts``) and answers anything else with a Korean form error; the write door refuses
such a write again if anything slipped through.
"""

from functools import cached_property

import nested_admin
from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.forms.models import BaseModelFormSet
from nested_admin.formsets import NestedInlineFormSet

from timeline.models import Phase, PhaseItem, PhaseOfficial

from .. import parts
from ..models import Official, OutlineItem, PolicyProject, ProjectOfficial
from ..sheet_bounds import (
    MAX_OUTLINE_ITEMS,
    MAX_PHASE_ITEMS,
    MAX_PHASE_OFFICIALS,
    MAX_PHASES,
    MAX_PROJECT_OFFICIALS,
)
from ..validators import validate_level_sequence
from .forms import MonthField, MonthInput
from .widgets import BoundedAutocompleteAdmin

FOREIGN_ROW_MESSAGE = (
    "{what} 중에 이 사업내역서의 것이 아닌 행(번호 {pk})이 있습니다. 다른 사업내역서의 행은 옮기거나 "
    "지울 수 없습니다. 페이지를 새로 열어 다시 시도하세요."
)

ROW_ID_MAX = 2**63 - 1  # the largest id a BigAutoField holds


def row_id(raw) -> int | None:
    """A posted row id as a number a database can look up, or None (``abc``, ``1.5``, 30 digits)."""
    try:
        value = int(str(raw).strip())
    except (TypeError, ValueError):
        return None
    return value if 0 < value <= ROW_ID_MAX else None


class RowIdField(forms.ModelChoiceField):
    """The hidden id of a row: anything :func:`row_id` does not read is an unknown row (a form
    error), never a database error (Django's own field passes 30 digits to the database)."""

    #: The formset's rows by id, read once: a sheet's save checks every row's id without a
    #: query per row (the field's queryset is still asked for an id not among them).
    rows: dict | None = None

    def to_python(self, value):
        if value in self.empty_values:
            return None
        pk = row_id(value)
        if pk is None:
            raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice",
                                  params={"value": str(value)[:20]})
        if self.rows is not None and pk in self.rows:
            return self.rows[pk]
        return super().to_python(value)


class SheetRowsFormSet(NestedInlineFormSet):
    """An inline formset that sees only rows of the sheet being edited (see the module)."""

    default_error_messages = {
        "too_many_forms": "%(num)d개까지 입력할 수 있습니다. 행 수를 줄여 주세요.",
        "too_few_forms": "%(num)d개 이상 입력해야 합니다.",
    }

    @cached_property
    def sheet_part(self) -> parts.SheetPart:
        return parts.part_for(self.model)

    @cached_property
    def sheet_pk(self):
        """The project whose rows these are (none while the project is being added)."""
        if isinstance(self.instance, PolicyProject):
            return self.instance.pk
        return parts.part_for(type(self.instance)).sheet_of(self.instance)

    @cached_property
    def _owned_rows(self) -> models.QuerySet:
        return self.sheet_part.rows_of(self.sheet_pk)

    def owned_rows(self) -> models.QuerySet:
        """A fresh copy for each caller of the one query built per formset (every row's id
        field asks for it: building the filter anew for each was a noticeable part of the page)."""
        return self._owned_rows.all()

    def get_queryset(self):
        """The rows the forms stand for: of this parent when showing the page; when a save is
        posted, the posted ids that are rows of this sheet.

        Replaces nested_admin's version, which looks every posted id up in the whole table (so a
        row may be dragged to another parent) and fails on an id that is not a number. Here a
        row may still move between phases of the same sheet; an id of another sheet, an unknown
        id or one that is not a number matches nothing and is a form error (:meth:`clean`).
        """
        if not hasattr(self, "_sheet_rows"):  # Django asks for it once per form: kept
            self._sheet_rows = self._rows()
        return self._sheet_rows

    def _rows(self) -> models.QuerySet:
        if self.sheet_pk is None:
            return self.model._default_manager.none()
        if not self.is_bound:
            return BaseModelFormSet.get_queryset(self).filter(
                **{self.sheet_part.sheet_path: self.sheet_pk})
        name = self.model._meta.pk.name
        posted = (row_id(self.data.get(f"{self.add_prefix(i)}-{name}"))
                  for i in range(self.initial_form_count()))
        return self.owned_rows().filter(
            pk__in=[pk for pk in posted if pk is not None]).order_by(name)

    @cached_property
    def rows_by_pk(self) -> dict:
        """The rows of :meth:`get_queryset` by id, each remembering the parent it is stored
        under (a save that moves nothing and changes nothing writes nothing)."""
        rows = {row.pk: row for row in self.get_queryset()}
        for row in rows.values():
            row._stored_parent_id = getattr(row, self.fk.attname)
        return rows

    def _existing_object(self, pk):
        return self.rows_by_pk.get(pk)

    def add_fields(self, form, index):
        super().add_fields(form, index)
        pk_field = form.fields.get(self.model._meta.pk.name)
        if isinstance(pk_field, forms.ModelChoiceField):
            pk_field.__class__ = RowIdField
            pk_field.queryset = self.owned_rows()
            pk_field.rows = self.rows_by_pk
            pk_field.error_messages = {
                **pk_field.error_messages,
                "invalid_choice": FOREIGN_ROW_MESSAGE.format(
                    what=self.model._meta.verbose_name_plural, pk="%(value)s"),
            }

    @cached_property
    def parent_deleted(self) -> bool:
        """Whether a row this formset hangs under is being deleted (its rows go with it)."""
        form = getattr(self, "parent_form", None)
        while form is not None:
            formset = getattr(form, "parent_formset", None)
            if formset is None:
                break
            delete = form.fields.get(forms.formsets.DELETION_FIELD_NAME)
            if delete is not None and delete.widget.value_from_datadict(
                form.data, form.files, form.add_prefix(forms.formsets.DELETION_FIELD_NAME)
            ):
                return True
            form = getattr(formset, "parent_form", None)
        return False

    def _should_delete_form(self, form):
        """Rows under a deleted row go with it, whatever their own DELETE boxes say.

        nested_admin's ``all_valid`` asks this of every form of every formset after a failed
        validation, also of forms that were never cleaned (those under a deleted parent): their
        answer is the parent's, not an AttributeError.
        """
        if self.is_bound and self.parent_deleted:
            return True
        if not hasattr(form, "cleaned_data"):
            field = form.fields.get(forms.formsets.DELETION_FIELD_NAME)
            return bool(field and field.widget.value_from_datadict(
                form.data, form.files, form.add_prefix(forms.formsets.DELETION_FIELD_NAME)))
        return super()._should_delete_form(form)

    def full_clean(self):
        if self.is_bound and self.parent_deleted:  # only its ids are checked (see clean)
            error = self.foreign_row_error()
            self._errors = []
            self._non_form_errors = self.error_class(
                error.error_list if error else [], error_class="nonform", renderer=self.renderer)
            return
        super().full_clean()

    def is_valid(self):
        if self.is_bound and self.parent_deleted:
            self.full_clean()
            return not self._non_form_errors
        return super().is_valid()

    def clean(self):
        """Every posted row id — kept, changed or deleted — must be a row of this sheet."""
        super().clean()
        if self.is_bound and (error := self.foreign_row_error()):
            raise error

    def foreign_row_error(self) -> ValidationError | None:
        """The refusal of the first posted id that is not a row of this sheet, if any (also
        under a row being deleted: nothing foreign is ever accepted, not even to be ignored)."""
        name = self.model._meta.pk.name
        for index in range(self.initial_form_count()):
            raw = self.data.get(f"{self.add_prefix(index)}-{name}")
            if raw not in (None, "") and row_id(raw) not in self.rows_by_pk:
                return ValidationError(
                    FOREIGN_ROW_MESSAGE.format(what=self.model._meta.verbose_name_plural,
                                               pk=str(raw)[:20]),
                    code="foreign_row",
                )
        return None

    def save_existing_objects(self, initial_forms=None, commit=True):
        """nested_admin reads every row twice from the database before deciding whether to save
        it; rows that are neither changed, moved nor deleted are left out beforehand."""
        busy = [
            form for form in initial_forms or []
            if self._should_delete_form(form) or form.has_changed()
            or getattr(form.instance, "_stored_parent_id", None) != self.instance.pk
        ]
        return super().save_existing_objects(busy, commit)

    def save(self, commit=True):
        if self.parent_deleted:  # deleted with its parent (cascade); nothing to save here
            self.new_objects, self.changed_objects, self.deleted_objects = [], [], []
            return []
        return super().save(commit=commit)


class LevelledRowsFormSet(SheetRowsFormSet):
    """Rows of bullets whose levels may deepen by at most one step at a time."""

    level_top = 0
    level_label = "항목"

    def clean(self):
        super().clean()
        if any(self.errors):
            return
        rows = [
            form.cleaned_data
            for form in self.forms
            if form.cleaned_data and not self._should_delete_form(form)
        ]
        rows.sort(key=lambda row: row.get("order") or 0)
        try:
            validate_level_sequence(
                (row["level"] for row in rows), top=self.level_top, label=self.level_label
            )
        except forms.ValidationError as error:
            raise forms.ValidationError(error.messages) from None


class OutlineFormSet(LevelledRowsFormSet):
    level_top = 0
    level_label = "⑤ 사업개요"


class PhaseItemFormSet(LevelledRowsFormSet):
    level_top = 1
    level_label = "추진내용"


class SheetInline(BoundedAutocompleteAdmin, nested_admin.SortableHiddenMixin):
    """What every inline of the sheet shares: ordered by drag and drop, own rows only, bounded."""

    formset = SheetRowsFormSet
    sortable_field_name = "order"
    extra = 0
    #: nested_admin's table without the small copy of each row's content above its inputs
    template = "admin/projects/policyproject/inline_tabular.html"

    def get_formset(self, request, obj=None, **kwargs):
        return super().get_formset(request, obj, validate_max=True, **kwargs)


class OutlineItemInline(SheetInline, nested_admin.NestedTabularInline):
    model = OutlineItem
    formset = OutlineFormSet
    fields = ["level", "text", "order"]
    max_num = MAX_OUTLINE_ITEMS


class OfficialPicker:
    """An inline row naming an official, picked by autocomplete. The picker shows the chosen
    official as "이름 (부서)": read with the department, one query a row instead of two."""

    autocomplete_fields = ["official"]

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "official":
            kwargs.setdefault("queryset", Official.objects.select_related("department"))
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class ProjectOfficialInline(OfficialPicker, SheetInline, nested_admin.NestedTabularInline):
    model = ProjectOfficial
    fields = ["role_label", "official", "order"]
    max_num = MAX_PROJECT_OFFICIALS


class PhaseItemInline(SheetInline, nested_admin.NestedTabularInline):
    model = PhaseItem
    formset = PhaseItemFormSet
    fields = ["level", "text", "order"]
    max_num = MAX_PHASE_ITEMS


class PhaseOfficialInline(OfficialPicker, SheetInline, nested_admin.NestedTabularInline):
    model = PhaseOfficial
    fields = ["official", "position", "order"]
    max_num = MAX_PHASE_OFFICIALS


class PhaseInline(SheetInline, nested_admin.NestedStackedInline):
    model = Phase
    fields = [("started_on", "ended_on"), "heading", "order"]
    formfield_overrides = {models.DateField: {"form_class": MonthField, "widget": MonthInput}}
    inlines = [PhaseItemInline, PhaseOfficialInline]
    max_num = MAX_PHASES
    #: each phase folded to one line (period and heading) until opened; open when in error
    template = "admin/projects/policyproject/inline_phases.html"
    classes = ["sheet-phases"]


class SheetInlineAdminFormset(nested_admin.NestedInlineAdminFormset):
    """nested_admin's inline block with its ``media`` worked out once per kind of block.

    nested_admin builds an inline's media by walking every row of the sheet and every nested row
    below it, merging the scripts of each: on a sheet with a dozen phases that walk was about a
    third of the change page's time, and it always arrives at the same scripts. The scripts depend
    only on which inline it is, its fields and what the user may do there (readonly fields have no widgets;
    without the add permission there is no empty row to bring the nested inlines' scripts), so
    they are kept under exactly that key."""

    _media_by_kind: dict = {}

    @property
    def media(self):
        key = (
            type(self.opts), tuple(self.formset.form.base_fields), tuple(self.readonly_fields),
            self.has_add_permission, self.has_change_permission, self.has_delete_permission,
            self.has_view_permission, bool(self.formset.forms),
        )
        media = self._media_by_kind.get(key)
        if media is None:
            media = self._media_by_kind[key] = super().media
        return media
