"""The project change form's accountability fields: the version it was loaded at, a comment."""

from django import forms

from .revisions import StaleSheetError, lock_current_version


class AccountableProjectForm(forms.ModelForm):
    """Carries the version the page was loaded at; saving over a newer version is refused.

    ``clean`` runs inside the admin's transaction (``changeform_view`` is atomic), before any
    row of the sheet is written, and locks the project row until that transaction commits. A
    stale form is therefore refused as a whole, also when only inline rows changed.
    """

    loaded_version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    revision_comment = forms.CharField(
        label="변경 사유", max_length=200, required=False,
        help_text="변경 기록에 남습니다(선택). 예: 2023년 하반기 추진실적 반영",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["loaded_version"].initial = self.instance.version

    @property
    def changed_data(self):
        """What the change message lists: the sheet's fields, not this form's bookkeeping."""
        return [name for name in super().changed_data
                if name not in ("loaded_version", "revision_comment")]

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk:
            try:
                lock_current_version(self.instance.pk, cleaned.get("loaded_version"))
            except StaleSheetError as error:
                raise forms.ValidationError(str(error), code="stale") from None
        return cleaned
