"""Admin "사업내역서 가져오기": upload a published sheet, see it as it will appear, then confirm."""

import base64
import secrets

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse

from .. import scope
from ..importer.services import (
    MAX_SHEET_BYTES,
    SheetImportError,
    existing_project,
    sheet_from_parsed,
    sheet_import,
    sheet_parse,
)
from ..models import Department

SESSION_KEY = "sheet_import"


class SheetUploadForm(forms.Form):
    file = forms.FileField(
        label="사업내역서 파일",
        help_text=f"공개된 사업내역서를 저장한 마크다운(.md) 또는 HTML(.html) 파일, "
        f"{MAX_SHEET_BYTES // (1024 * 1024)} MB 이하. UTF-8과 EUC-KR 모두 읽습니다.",
    )
    publish = forms.BooleanField(label="가져온 뒤 바로 공개", required=False)
    replace = forms.BooleanField(
        label="같은 등록번호가 있으면 내용 바꾸기", required=False,
        help_text="선택하지 않으면 이미 있는 등록번호는 가져오지 않습니다.",
    )


class SheetImportAdminMixin:
    """Adds the import view to the project admin; the upload waits in the session until confirmed.

    The preview remembers the version of the project it would replace (or that there was none):
    a confirm after someone else saved or registered that number is refused, never an overwrite.
    """

    def get_urls(self):
        view = self.admin_site.admin_view(self.import_view)
        return [path("import/", view, name="projects_policyproject_import"), *super().get_urls()]

    def import_view(self, request):
        if not self.has_add_permission(request):
            raise PermissionDenied
        if request.method == "POST" and "token" in request.POST:
            return self._finish_import(request)
        form = SheetUploadForm(request.POST or None, request.FILES or None)
        if not self.has_publish_permission(request):
            del form.fields["publish"]
        if request.method == "POST" and form.is_valid():
            upload = form.cleaned_data["file"]
            source = upload.read(MAX_SHEET_BYTES + 1)
            try:
                parsed = sheet_parse(source=source, filename=upload.name)
                existing = self._check_allowed(request, parsed, replace=form.cleaned_data["replace"])
            except SheetImportError as error:
                form.add_error("file", str(error))
            else:
                token = secrets.token_urlsafe(16)
                request.session[SESSION_KEY] = {
                    "token": token, "filename": upload.name,
                    "source": base64.b64encode(source).decode(),
                    "publish": form.cleaned_data.get("publish", False),
                    "replace": form.cleaned_data["replace"],
                    "version": existing.version if existing else None,
                }
                return self._render(request, "admin/projects/policyproject/import_preview.html", {
                    "sheet": sheet_from_parsed(parsed), "token": token, "filename": upload.name,
                    "options": request.session[SESSION_KEY],
                })
        return self._render(request, "admin/projects/policyproject/import_sheet.html", {"form": form})

    def _check_allowed(self, request, parsed, *, replace: bool):
        """The same scope as editing: own departments only, unless the user edits them all.
        Returns the project the sheet would replace, if any."""
        if not scope.edits_every_department(request.user) and not Department.objects.filter(
            staff=request.user, name=parsed.department
        ).exists():
            raise SheetImportError(
                f"② 사업부서 '{parsed.department}'은(는) 담당 부서가 아니어서 가져올 수 없습니다. "
                "정책실명제 총괄 담당자에게 요청하세요."
            )
        existing = existing_project(parsed.registration_number)
        if existing and replace and not (
            self.get_queryset(request).filter(pk=existing.pk).exists()
            and self.has_change_permission(request, existing)
        ):
            raise SheetImportError(
                f"등록번호 {existing.registration_number}은(는) 다른 부서의 사업이라 바꿀 수 없습니다."
            )
        if existing and not replace:
            raise SheetImportError(
                f"등록번호 {existing.registration_number}은(는) 이미 등록되어 "
                "있습니다. 내용을 바꾸려면 '같은 등록번호가 있으면 내용 바꾸기'를 선택하세요."
            )
        return existing

    def _finish_import(self, request):
        pending = request.session.pop(SESSION_KEY, None)
        changelist = reverse("admin:projects_policyproject_changelist")
        if not pending or pending["token"] != request.POST.get("token"):
            messages.error(request, "가져올 파일 정보가 없습니다. 파일을 다시 올려 주세요.")
            return redirect(reverse("admin:projects_policyproject_import"))
        if "cancel" in request.POST:
            messages.info(request, "가져오기를 취소했습니다. 아무것도 저장하지 않았습니다.")
            return redirect(changelist)
        source = base64.b64decode(pending["source"])
        try:
            self._check_allowed(
                request, sheet_parse(source=source, filename=pending["filename"]),
                replace=pending["replace"],
            )
            result = sheet_import(
                source=source, filename=pending["filename"], user=request.user,
                publish=pending["publish"] and self.has_publish_permission(request),
                replace=pending["replace"],
                loaded_version=pending.get("version"), expect_new=pending.get("version") is None,
            )
        except SheetImportError as error:
            messages.error(request, f"가져오지 못했습니다. 아무것도 저장하지 않았습니다. {error}")
            return redirect(reverse("admin:projects_policyproject_import"))
        messages.success(request, f"사업내역서를 가져왔습니다: {result.summary}")
        return redirect(reverse("admin:projects_policyproject_change", args=[result.project.pk]))

    def _render(self, request, template, context):
        return TemplateResponse(request, template, {
            **self.admin_site.each_context(request), "opts": self.model._meta,
            "title": "사업내역서 가져오기", **context,
        })
