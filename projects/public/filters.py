"""The register's GET filter form: 등록연도, 사업부서, 선정기준, 상태 and 검색어, all combinable.

A filter value the form does not know (an old bookmark, a hand-edited URL) is dropped rather than
reported: the citizen gets the register without that filter, never an error page.
"""

from dataclasses import dataclass
from html import escape

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Div, Field, Layout, Submit
from django import forms
from django.core.cache import cache
from django.forms.utils import flatatt
from django.utils.choices import BaseChoiceIterator
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from .. import register_counts
from ..models import Department, PolicyProject, SelectionCriterion
from ..search import MAX_QUERY_LENGTH, search

ALL = ("", "전체")


@dataclass(frozen=True)
class FilterChoices:
    """The options of the filter selects, loaded in three queries whatever the register's size."""

    years: list[tuple[str, str]]
    departments: list[tuple[str, str]]
    criteria: list[tuple[str, str]]

    CACHE_KEY = "register-filter-choices"

    @classmethod
    def cached(cls) -> "FilterChoices":
        """The choices from the cache (they change only when a project, department or criterion
        is saved or deleted, which clears them: see ``forget``), else loaded and kept."""
        choices = cache.get(cls.CACHE_KEY)
        if choices is None:
            choices = cls.load()
            cache.set(cls.CACHE_KEY, choices, timeout=300)
        return choices

    @classmethod
    def forget(cls, **kwargs) -> None:
        cache.delete(cls.CACHE_KEY)

    @classmethod
    def load(cls) -> "FilterChoices":
        published = PolicyProject.objects.published()
        years = register_counts.published_years()
        departments = Department.objects.filter(
            pk__in=published.values("department_id")
        ).values_list("pk", "name")
        criteria = SelectionCriterion.objects.values_list("pk", "short_name")
        return cls(
            years=[(str(year), f"{year}년") for year in years],
            departments=[(str(pk), name) for pk, name in departments],
            criteria=[(str(pk), name) for pk, name in criteria],
        )


class FlatSelect(forms.Select):
    """A select whose options are written in one pass of Python, not a template include (or a
    template loop) each: the department filter of a national register has hundreds of options,
    and templating them cost ~10 ms of every register page. Same markup as Django's select."""

    def render(self, name, value, attrs=None, renderer=None):
        selected = set(self.format_value(value))
        final_attrs = self.build_attrs(self.attrs, attrs)
        options = "".join(
            f'\n  <option value="{escape(str(option))}"'
            f'{" selected" if str(option) in selected else ""}>{escape(str(label))}</option>'
            for option, label in self.choices
        )
        return format_html('<select name="{}"{}>{}\n</select>', name, flatatt(final_attrs),
                           mark_safe(options))  # noqa: S308 — every value and label escaped above


class ReadyChoices(BaseChoiceIterator):
    """Choices already in (value, label) form: Django re-checks a plain list on every form,
    which for hundreds of departments cost more than the rest of the form."""

    def __init__(self, choices: list[tuple[str, str]]):
        self.choices = choices

    def __iter__(self):
        return iter(self.choices)


class QueryField(forms.CharField):
    """검색어: cut to its first 100 characters instead of refusing a long query."""

    def to_python(self, value):
        return " ".join((super().to_python(value) or "")[:MAX_QUERY_LENGTH].split())


class RegisterFilterForm(forms.Form):
    q = QueryField(
        label="검색어", required=False,
        help_text="등록번호, 정책사업명, 추진배경·사업개요·추진내용, 담당자 성명에서 찾습니다. 예: 2023-13, 1인가구, 청년",
        widget=forms.TextInput(attrs={"type": "search", "maxlength": MAX_QUERY_LENGTH}),
    )
    year = forms.ChoiceField(label="등록연도", required=False, widget=FlatSelect)
    department = forms.ChoiceField(label="사업부서", required=False, widget=FlatSelect)
    criterion = forms.ChoiceField(label="선정기준", required=False, widget=FlatSelect)
    status = forms.ChoiceField(
        label="상태", required=False, choices=[ALL, *PolicyProject.Status.choices], widget=FlatSelect,
    )

    def __init__(self, *args, choices: FilterChoices, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = ReadyChoices([ALL, *choices.years])
        self.fields["department"].choices = ReadyChoices([ALL, *choices.departments])
        self.fields["criterion"].choices = ReadyChoices([ALL, *choices.criteria])
        self.helper = FormHelper()
        self.helper.form_method = "get"
        self.helper.form_id = "register-filter"
        self.helper.form_class = "register-filter"
        self.helper.attrs = {"role": "search", "aria-label": "사업 찾기"}
        self.helper.layout = Layout(
            Div(Field("q", wrapper_class="filter-query"), css_class="filter-search"),
            Div("year", "department", "criterion", "status", css_class="filter-selects"),
        )
        self.helper.add_input(Submit("search", "검색", css_class="primary medium"))

    @classmethod
    def from_query(cls, params, *, choices: FilterChoices) -> "RegisterFilterForm":
        """The form for a request's GET parameters, keeping only the values that are valid."""
        probe = cls(params, choices=choices)
        probe.is_valid()
        valid = {
            name: value for name, value in probe.cleaned_data.items() if value not in ("", None)
        }
        form = cls(valid, choices=choices)
        form.is_valid()
        return form

    def filter(self, queryset):
        """Apply every valid filter; they combine (AND)."""
        data = self.cleaned_data
        if data.get("year"):
            queryset = queryset.filter(registration_year=int(data["year"]))
        if data.get("department"):
            queryset = queryset.filter(department_id=int(data["department"]))
        if data.get("criterion"):
            queryset = queryset.filter(selection_criterion_id=int(data["criterion"]))
        if data.get("status"):
            queryset = queryset.filter(status=data["status"])
        return search(queryset, data.get("q", ""))

    @property
    def is_filtered(self) -> bool:
        return any(self.cleaned_data.get(name) for name in self.fields)

    def query_string(self) -> str:
        """The filters as URL parameters, for pagination links (without ``page``)."""
        from urllib.parse import urlencode

        return urlencode(
            [(name, value) for name, value in self.cleaned_data.items() if value]
        )
