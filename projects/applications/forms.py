"""The citizen's forms: the application (with consent and a honeypot) and the status look-up."""

import re

from crispy_forms.helper import FormHelper
from crispy_forms.layout import HTML, Div, Field, Fieldset, Layout
from django import forms
from django.conf import settings
from django.core.validators import RegexValidator

from ..models import Application, Department, PolicyProject

PHONE = RegexValidator(r"^[0-9][0-9\- ]{6,18}[0-9]$", "전화번호는 숫자와 하이픈(-)으로 적으세요. 예: 010-1234-5678")
RECEIPT_NUMBER = re.compile(r"^\s*(\d{4})\s*-\s*(\d{1,6})\s*$")
HONEYPOT = "homepage"


def required(message: str) -> dict[str, str]:
    return {"required": message}


class TextAreaField(forms.CharField):
    """Text from a textarea: browsers send line breaks as CRLF but count them as one character
    for ``maxlength``; normalised before the length check so the limits agree."""

    def to_python(self, value):
        value = super().to_python(value)
        return value.replace("\r\n", "\n") if value else value


class AccessibleErrorsMixin:
    """After validation, fields with errors say so to screen readers: ``aria-invalid`` and
    ``aria-describedby`` pointing at the error and hint paragraphs the krds pack writes."""

    def mark_invalid(self) -> None:
        for name in self.errors:
            if name not in self.fields:
                continue
            bound = self[name]
            ids = [f"error_{n}_{bound.auto_id}" for n in range(1, len(self.errors[name]) + 1)]
            if bound.help_text:
                ids.append(f"{bound.auto_id}_helptext")
            self.fields[name].widget.attrs.update({
                "aria-invalid": "true", "aria-describedby": " ".join(ids),
            })

    #: Shorter names for the error summary where a label is a sentence (the consent checkbox).
    summary_labels: dict[str, str] = {}

    @property
    def error_summary(self) -> list[tuple[str, str, str]]:
        """(field id, label, message) for each error, in the form's order."""
        return [
            (self[name].auto_id, self.summary_labels.get(name, self.fields[name].label), message)
            for name in self.fields for message in self.errors.get(name, [])
        ]


class ApplicationForm(AccessibleErrorsMixin, forms.Form):
    summary_labels = {"consent": "개인정보 수집·이용 동의"}

    applicant_name = forms.CharField(
        label="성명", max_length=50, help_text="예: 홍길동",
        error_messages=required("성명을 입력하세요."),
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    applicant_email = forms.EmailField(
        label="전자우편", max_length=254,
        help_text="접수번호와 처리 결과를 이 주소로 알려 드립니다. 예: hong@example.com",
        error_messages={**required("전자우편 주소를 입력하세요."),
                        "invalid": "전자우편 주소 형식이 맞지 않습니다. 예: hong@example.com"},
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    applicant_phone = forms.CharField(
        label="전화번호(선택)", max_length=20, required=False, validators=[PHONE],
        help_text="예: 010-1234-5678",
        widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
    )
    policy_title = forms.CharField(
        label="정책명", max_length=200,
        help_text="실명제로 관리해 달라는 정책이나 사업의 이름. 예: 중구 공공자전거 확충",
        error_messages=required("정책명을 입력하세요."),
    )
    department = forms.ModelChoiceField(
        label="관련 부서(선택)", queryset=Department.objects.all(), required=False,
        empty_label="모름 / 선택하지 않음", help_text="알고 있으면 고르세요. 예: 교통행정과",
        error_messages={"invalid_choice": "목록에 있는 부서를 고르세요."},
    )
    project_number = forms.CharField(
        label="관련 등록 사업의 등록번호(선택)", max_length=12, required=False,
        help_text="이미 중점관리 대상사업으로 등록된 사업에 관한 신청이면 그 등록번호. 예: 2023-13",
    )
    reason = TextAreaField(
        label="신청 이유", max_length=1000,
        help_text="이 정책을 실명제로 관리해야 하는 이유를 1,000자 이내로 적으세요. 예: 예산 규모가 크고 주민 생활에 영향이 큽니다.",
        error_messages={**required("신청 이유를 입력하세요."),
                        "max_length": "신청 이유는 %(limit_value)d자 이내로 적으세요(지금 %(show_value)d자)."},
        widget=forms.Textarea(attrs={"rows": 8}),
    )
    consent = forms.BooleanField(
        label="위 개인정보 수집·이용에 동의합니다.",
        error_messages=required("개인정보 수집·이용에 동의해야 신청할 수 있습니다."),
    )
    homepage = forms.CharField(
        label="홈페이지(사람은 비워 두세요)", required=False, max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["department"].label_from_instance = lambda department: department.name
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.layout = Layout(
            Fieldset("신청인", "applicant_name", "applicant_email", "applicant_phone",
                     css_class="apply-group"),
            Fieldset("신청 정책", "policy_title", "department", "project_number", "reason",
                     css_class="apply-group"),
            Fieldset("개인정보 수집·이용 동의", HTML('{% include "applications/_consent.html" %}'),
                     Field("consent", template="applications/_consent_field.html"),
                     css_class="apply-group apply-consent"),
            Div(HONEYPOT, css_class="apply-trap", aria_hidden="true"),
        )

    @property
    def retention_days(self) -> int:
        return settings.APPLICATION_RETENTION_DAYS

    def clean_project_number(self):
        text = self.cleaned_data["project_number"].strip()
        if not text:
            return None
        project = PolicyProject.objects.published().by_registration_number(text).first()
        if project is None:
            raise forms.ValidationError(
                "등록부에 공개된 사업 중 등록번호 %(number)s을(를) 찾지 못했습니다. 등록번호를 확인하거나 비워 두세요.",
                params={"number": text},
            )
        return project

    def clean_reason(self):
        reason = self.cleaned_data["reason"].strip()
        if not reason:
            raise forms.ValidationError("신청 이유를 입력하세요.")
        return reason

    @property
    def is_trap_filled(self) -> bool:
        """A bot filled the hidden field: nothing is saved."""
        return bool(self.data.get(HONEYPOT, "").strip())

    def submission(self) -> dict:
        """The cleaned data as ``application_submit`` takes it."""
        data = dict(self.cleaned_data)
        data["project"] = data.pop("project_number")
        data.pop(HONEYPOT, None)
        return data

    def typed(self) -> dict:
        """What was typed, to show again in an unbound form (no errors) when the limit refuses."""
        return {name: self.data.get(name, "") for name in self.fields if name != HONEYPOT}


class StatusForm(AccessibleErrorsMixin, forms.Form):
    receipt_number = forms.CharField(
        label="접수번호", max_length=12, help_text="접수 안내 메일에 적힌 번호. 예: 2026-0001",
        error_messages=required("접수번호를 입력하세요."),
    )
    email = forms.EmailField(
        label="신청할 때 적은 전자우편", max_length=254, help_text="예: hong@example.com",
        error_messages={**required("전자우편 주소를 입력하세요."),
                        "invalid": "전자우편 주소 형식이 맞지 않습니다. 예: hong@example.com"},
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False

    def clean_receipt_number(self):
        match = RECEIPT_NUMBER.match(self.cleaned_data["receipt_number"])
        if match is None:
            raise forms.ValidationError("접수번호는 연도-번호 형식으로 적으세요. 예: 2026-0001")
        return Application.format_number(int(match[1]), int(match[2]))
