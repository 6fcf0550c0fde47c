"""What stopped a sheet from saving, listed at the top of its change page with a link to each
field in error, and the phases holding an error opened.

A sheet's change page holds hundreds of fields, most of them folded away; Django's admin only
says "아래 오류를 수정하세요" above the first field. :func:`sheet_errors` walks the sheet's form
and every formset at all three levels and names each error's place as staff see it
("주요 추진내용 3번째 › 추진내용 2번째 › 내용").
"""

from dataclasses import dataclass

from django import forms


@dataclass(frozen=True)
class SheetError:
    place: str  # where on the page, in words ("" for the whole sheet)
    message: str
    anchor: str  # the id of the element to go to ("" when there is none)


def sheet_errors(form, formsets) -> list[SheetError]:
    """Every error of the project's ``form`` and of the top-level ``formsets`` (with their nested
    formsets), in page order. Marks each row holding an error, itself or below it, with
    ``sheet_open = True`` (the phase template opens such a row)."""
    errors = [SheetError("", message, "") for message in form.non_field_errors()]
    errors += _field_errors(form, place="")
    for formset in formsets:
        errors += _formset_errors(formset, place="")
    return errors


def _field_errors(form, *, place: str) -> list[SheetError]:
    found = []
    for name, messages in form.errors.items():
        if name == forms.forms.NON_FIELD_ERRORS or name not in form.fields:
            continue
        field = form[name]
        label = str(field.label or name)
        anchor = field.auto_id if not field.is_hidden else ""
        where = f"{place} › {label}" if place else label
        found += [SheetError(where, message, anchor) for message in messages]
    return found


def _formset_errors(formset, *, place: str) -> list[SheetError]:
    name = str(formset.model._meta.verbose_name)
    group = f"{place} › {name}" if place else name
    found = [SheetError(group, message, f"{formset.prefix}-group")
             for message in formset.non_form_errors()]
    if getattr(formset, "parent_deleted", False):
        return found  # its rows go with the deleted row above them: only their ids are checked
    for index, row in enumerate(formset.forms):
        row_place = f"{group} {index + 1}번째"
        row_errors = [SheetError(row_place, message, f"{formset.prefix}-{index}")
                      for message in row.non_field_errors()]
        row_errors += [
            error if error.anchor else SheetError(error.place, error.message, f"{formset.prefix}-{index}")
            for error in _field_errors(row, place=row_place)
        ]
        for nested in getattr(row, "nested_formsets", ()):
            row_errors += _formset_errors(nested, place=row_place)
        if row_errors:
            row.sheet_open = True
        found += row_errors
    return found
