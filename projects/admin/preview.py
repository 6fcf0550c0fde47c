"""The sheet in the admin: preview (published or not), its PDF, many sheets as one PDF, and
sheets as HWPX for 한글.

A mixin for ``PolicyProjectAdmin``; the same department scope as editing (``scope``).
"""

import io
import zipfile

from django.contrib import admin, messages
from django.template.response import TemplateResponse
from django.urls import path

from ..downloads import file_response, pdf_response
from ..models import PolicyProject
from ..rendering import hwpx, pdf
from ..rendering.records import records_from_project
from ..rendering.sheet import sheet_from_project

#: Rendering is ~0.2 s a sheet: beyond this, a request would keep a worker busy too long.
EXPORT_LIMIT = 50


class SheetAdminMixin:
    change_form_template = "admin/projects/policyproject/change_form_sheet.html"
    actions = ["download_sheets_pdf", "download_sheets_pdf_with_records", "download_sheets_hwpx"]

    def get_urls(self):
        prefix = f"{self.opts.app_label}_{self.opts.model_name}"
        return [
            path("<path:object_id>/sheet/", self.admin_site.admin_view(self.sheet_preview_view),
                 name=f"{prefix}_sheet_preview"),
            path("<path:object_id>/sheet.pdf", self.admin_site.admin_view(self.sheet_pdf_view),
                 name=f"{prefix}_sheet_pdf"),
            *super().get_urls(),
        ]

    def view_on_site(self, obj):
        """Only a published sheet has a public page; a draft has the preview instead."""
        return obj.get_absolute_url() if obj.is_published else None

    def sheet_preview_view(self, request, object_id):
        """The sheet exactly as citizens will see it, before it is published."""
        project, refusal = self.scoped_project(request, object_id, missing_is_404=True)
        if refusal:
            return refusal
        full = PolicyProject.objects.for_sheet().get(pk=project.pk)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "original": project,
            "title": f"사업내역서 미리보기: {project.registration_number} {project.title}",
            "sheet": sheet_from_project(full),
            "has_view_permission": True,
        }
        return TemplateResponse(request, "admin/projects/policyproject/sheet_preview.html", context)

    def sheet_pdf_view(self, request, object_id):
        """The PDF of the current revision (shared with the public download's cache)."""
        project, refusal = self.scoped_project(request, object_id, missing_is_404=True)
        if refusal:
            return refusal
        annex = request.GET.get("annex") == "1"  # with the records beyond the sheet
        return pdf_response(
            pdf.sheet_pdf(project=project, annex=annex),
            filename=pdf.pdf_filename(registration_number=project.registration_number, annex=annex),
            ascii_filename=f"sheet_{project.registration_number}{'_annex' if annex else ''}.pdf",
        )

    def selected_sheets(self, request, queryset, *, with_records: bool = False) -> list | None:
        """The selected projects (full sheets, registration order; ``with_records``: and their
        opinions, documents and meetings), or None with a message when there are too many or none
        left to export."""
        count = queryset.count()
        if count > EXPORT_LIMIT:
            self.message_user(
                request, f"한 번에 {EXPORT_LIMIT}건까지 내려받을 수 있습니다. ({count}건 선택됨)",
                messages.ERROR,
            )
            return None
        sheets = PolicyProject.objects.for_sheet()
        if with_records:
            sheets = sheets.with_records(meetings_in_full=True)
        projects = list(
            sheets.filter(pk__in=queryset.values("pk")).order_by("registration_year", "registration_seq")
        )
        if not projects:  # none of the selection is (still) there for this user
            self.message_user(request, "선택한 사업 중 내려받을 사업내역서가 없습니다.", messages.WARNING)
            return None
        return projects

    @admin.action(description="선택한 사업내역서를 PDF 하나로 내려받기", permissions=["view"])
    def download_sheets_pdf(self, request, queryset):
        projects = self.selected_sheets(request, queryset)
        if projects is None:
            return None
        body = pdf.render_sheets_pdf(sheets=[sheet_from_project(p) for p in projects])
        return pdf_response(
            body, filename=f"사업내역서_{len(projects)}건.pdf",
            ascii_filename=f"sheets_{len(projects)}.pdf", as_attachment=True,
        )

    @admin.action(description="선택한 사업내역서를 관련 기록(의견·자료·회의)과 함께 PDF 하나로 내려받기",
                  permissions=["view"])
    def download_sheets_pdf_with_records(self, request, queryset):
        """Each sheet followed by its annex (pages numbered within each sheet and its annex)."""
        projects = self.selected_sheets(request, queryset, with_records=True)
        if projects is None:
            return None
        body = pdf.render_sheets_pdf(
            sheets=[sheet_from_project(p) for p in projects],
            records=[records_from_project(p, meetings_in_full=True) for p in projects],
        )
        return pdf_response(
            body, filename=f"사업내역서_관련기록_{len(projects)}건.pdf",
            ascii_filename=f"sheets_annex_{len(projects)}.pdf", as_attachment=True,
        )

    @admin.action(description="HWPX로 내보내기 (한글 파일, 여러 건이면 zip)", permissions=["view"])
    def download_sheets_hwpx(self, request, queryset):
        """One sheet as its .hwpx; several as a zip of one .hwpx each (한글 opens one at a time)."""
        projects = self.selected_sheets(request, queryset)
        if projects is None:
            return None
        files = [(hwpx.hwpx_filename(registration_number=p.registration_number),
                  hwpx.sheet_hwpx(project=p)) for p in projects]
        if len(files) == 1:
            (name, body), = files
            return file_response(body, content_type=hwpx.CONTENT_TYPE, filename=name,
                                 ascii_filename=f"sheet_{projects[0].registration_number}.hwpx")
        archive = io.BytesIO()
        with zipfile.ZipFile(archive, "w", zipfile.ZIP_STORED) as bundle:  # HWPX is zipped already
            for name, body in files:
                bundle.writestr(name, body)
        return file_response(archive.getvalue(), content_type="application/zip",
                             filename=f"사업내역서_HWPX_{len(files)}건.zip",
                             ascii_filename=f"sheets_hwpx_{len(files)}.zip")
