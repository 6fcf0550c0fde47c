"""The sheet's history in the admin: every revision, each shown as a sheet and restorable.

Revisions are recorded by the write door; this only lists and shows them, and reverts through
the door (``projects.history.revisions.revert_sheet``), so a revert is scoped, version-checked
and recorded like any other write.
"""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from reversion.models import Version

from ..history.revisions import RevertRefused, revert_sheet
from ..history.stored import project_versions, sheet_from_revision, was_public
from ..writing import OutOfScope, SheetWriteError

REVERT_OTHER_DEPARTMENT = (
    "이 판은 담당 부서가 아닌 부서의 사업으로 되어 있어 되돌릴 수 없습니다. "
    "정책실명제 총괄 담당자에게 요청하세요."
)


class SheetHistoryAdmin:
    object_history_template = "admin/projects/policyproject/object_history.html"
    revision_sheet_template = "admin/projects/policyproject/revision_sheet.html"

    def get_urls(self):
        prefix = f"{self.opts.app_label}_{self.opts.model_name}"
        return [
            path("<path:object_id>/history/<int:version_id>/",
                 self.admin_site.admin_view(self.revision_view), name=f"{prefix}_revision"),
            *super().get_urls(),
        ]

    def history_view(self, request, object_id, extra_context=None):
        """Every revision of the sheet, newest first, marking those the public could read."""
        project, refusal = self.scoped_project(request, object_id)
        if refusal:
            return refusal
        action_list = [
            {
                "revision": version.revision,
                "public": was_public(version),
                "url": reverse("admin:projects_policyproject_revision", args=[project.pk, version.pk]),
            }
            for version in project_versions(project)
        ]
        return admin.ModelAdmin.history_view(
            self, request, object_id, {"action_list": action_list, **(extra_context or {})},
        )

    def revision_view(self, request, object_id, version_id, extra_context=None):
        """The sheet as it was in one revision, rendered as a sheet, with a button to restore it."""
        project, refusal = self.scoped_project(request, object_id)
        if refusal:
            return refusal
        if not 0 < version_id < 2**31:
            return self._get_obj_does_not_exist_redirect(request, self.opts, object_id)
        version = get_object_or_404(
            Version.objects.get_for_object(project).select_related("revision__user"), pk=version_id,
        )
        if request.method == "POST":
            return self._revert(request, project, version)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "original": project,
            "title": f"{project.registration_number} 변경 기록: "
                     f"{timezone.localtime(version.revision.date_created):%Y-%m-%d %H:%M}",
            "revision": version.revision,
            "sheet": sheet_from_revision(version.revision, project.pk),
            "can_revert": self.has_change_permission(request, project),
            "history_url": reverse("admin:projects_policyproject_history", args=[project.pk]),
            **(extra_context or {}),
        }
        return TemplateResponse(request, self.revision_sheet_template, context)

    def _revert(self, request, project, version):
        if not self.has_change_permission(request, project):
            raise PermissionDenied
        try:
            revert_sheet(
                project=project, revision=version.revision, user=request.user,
                loaded_version=request.POST.get("loaded_version"),
            )
        except OutOfScope:
            return self.refused_page(request, OutOfScope(REVERT_OTHER_DEPARTMENT))
        except (SheetWriteError, RevertRefused) as error:
            messages.error(request, str(error))
            return redirect(request.path)
        messages.success(request, f"{project.registration_number}을(를) 선택한 판으로 되돌렸습니다.")
        return redirect("admin:projects_policyproject_change", project.pk)
