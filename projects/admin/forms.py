"""The sheet's change form: month-precision periods, the 등록번호 as written, and the two
accountability fields (the version the page was loaded at, and a comment for the history)."""

from django import forms

from ..models import PolicyProject
from ..writing import StaleSheetError, lock_version


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


class SheetForm(forms.ModelForm):
    """Carries the version the page was loaded at; saving over a newer version is refused.

    ``clean`` runs inside the admin's transaction (``changeform_view`` is atomic), before any
    row of the sheet is written, and locks the project row until that transaction commits. A
    stale form is therefore refused as a whole, also when only inline rows changed; the write
    door checks the same version again when the sheet is written.
    """

    loaded_version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    revision_comment = forms.CharField(
        label="변경 사유", max_length=200, required=False,
        help_text="변경 기록에 남습니다(선택). 예: 2023년 하반기 추진실적 반영",
    )

    class Meta:
        model = PolicyProject
        fields = [
            "registration_number", "department", "title", "status", "background",
            "selection_criterion", "started_on", "ended_on",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["loaded_version"].initial = self.instance.version
        if "registration_number" in self.fields:
            self.fields["registration_number"].widget.attrs.update(
                {"placeholder": "2023-13", "inputmode": "numeric", "autocomplete": "off",
                 "size": 10},
            )

    @property
    def changed_data(self):
        """What the change message lists: the sheet's fields, not this form's bookkeeping."""
        return [name for name in super().changed_data
                if name not in ("loaded_version", "revision_comment")]

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk:
            try:
                lock_version(self.instance.pk, cleaned.get("loaded_version"))
            except StaleSheetError as error:
                raise forms.ValidationError(str(error), code="stale") from None
        return cleaned
