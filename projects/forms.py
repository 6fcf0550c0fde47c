"""Form pieces shared by the admin: month-precision periods and level-checked bullet lists."""

from django import forms
from nested_admin.formsets import NestedInlineFormSet

from .validators import validate_level_sequence


class MonthInput(forms.DateInput):
    input_type = "month"

    def __init__(self, attrs=None):
        super().__init__(attrs={"placeholder": "2021-07", **(attrs or {})}, format="%Y-%m")


class MonthField(forms.DateField):
    """A month (사업기간, 추진기간): typed as 2021-07 or 2021. 7, stored as its first day."""

    widget = MonthInput
    input_formats = ["%Y-%m", "%Y. %m", "%Y.%m", "%Y-%m-%d"]
    default_error_messages = {"invalid": "2021-07 처럼 연-월 형식으로 입력하세요."}

    def to_python(self, value):
        value = super().to_python(value)
        return value.replace(day=1) if value else value


class LevelledInlineFormSet(NestedInlineFormSet):
    """Inline rows of bullets whose levels may deepen by at most one step at a time."""

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


class OutlineFormSet(LevelledInlineFormSet):
    level_top = 0
    level_label = "⑤ 사업개요"


class PhaseItemFormSet(LevelledInlineFormSet):
    level_top = 1
    level_label = "추진내용"
