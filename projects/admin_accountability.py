"""Who may change which sheet, every save as a revision, publication — for the project admin.

``AccountableSheetAdmin`` is mixed into ``PolicyProjectAdmin`` (before ``NestedModelAdmin``):

- scope: without ``projects.change_any_department`` (the 정책실명제 총괄 group has it) a user
  sees, adds and edits only the projects of the departments they staff (``Department.staff``);
  a URL of another department's project answers 403, never the form;
- revisions: every admin save is one django-reversion revision of the whole sheet, added after
  the inlines are saved; the history lists them and a revision is shown as a sheet and can be
  restored;
- publication: publish/withdraw actions for ``projects.publish_policyproject`` only; a sheet
  that was ever published cannot be deleted.
"""

from contextlib import contextmanager

import reversion
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from reversion.admin import VersionAdmin
from reversion.models import Version

from .accountability_forms import AccountableProjectForm
from .admin_publication import PublicationAdminMixin
from .history import project_versions, sheet_from_revision, was_public
from .models import Department
from .publication import UNDELETABLE_MESSAGE
from .revisions import (
    RevertRefused,
    StaleSheetError,
    add_sheet,
    register_sheet_models,
    revert_sheet,
)

register_sheet_models()  # before VersionAdmin registers the project with first-level inlines only

OTHER_DEPARTMENT_MESSAGE = (
    "다른 부서의 사업내역서는 열거나 고칠 수 없습니다. 담당 부서를 바꿔야 하면 정책실명제 총괄 "
    "담당자에게 요청하세요."
)


class Refused(PermissionDenied):
    """A refusal staff should read in Korean, on an admin page (status 403)."""


def edits_every_department(user) -> bool:
    return user.has_perm("projects.change_any_department")


class AccountableSheetAdmin(PublicationAdminMixin, VersionAdmin):
    form = AccountableProjectForm
    history_latest_first = True
    revision_sheet_template = "admin/projects/policyproject/revision_sheet.html"
    object_history_template = "admin/projects/policyproject/object_history.html"
    change_list_template = None  # Django's list: deleted drafts are not recovered from the admin
    refused_template = "admin/projects/policyproject/refused.html"

    # --- scope -----------------------------------------------------------------------------

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if edits_every_department(request.user):
            return queryset
        return queryset.filter(department__staff=request.user)

    def get_object(self, request, object_id, from_field=None):
        """An existing project outside the user's departments is refused, not "not found"."""
        obj = super().get_object(request, object_id, from_field)
        if obj is None and not edits_every_department(request.user):
            unscoped = self.model._default_manager.filter(pk=object_id) if object_id.isdigit() else None
            if unscoped is not None and unscoped.exists():
                raise Refused(OTHER_DEPARTMENT_MESSAGE)
        return obj

    def _refused_page(self, request, error):
        context = {**self.admin_site.each_context(request), "opts": self.opts,
                   "title": "열 수 없음", "message": str(error)}
        return TemplateResponse(request, self.refused_template, context, status=403)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        extra_context = {"can_publish": self.has_publish_permission(request), **(extra_context or {})}
        try:
            response = super().change_view(request, object_id, form_url, extra_context)
        except Refused as error:
            return self._refused_page(request, error)
        if request.method == "POST" and response.status_code == 302:
            self._publish_after_save(request, object_id)
        return response

    def changelist_view(self, request, extra_context=None):
        """No revision around the whole list: each publication step records its own, one project
        per revision (reversion would merge them into one)."""
        return super(VersionAdmin, self).changelist_view(request, extra_context)

    def delete_view(self, request, object_id, extra_context=None):
        try:
            project = self.get_object(request, unquote(object_id))
            if project is not None and project.was_ever_published:
                raise Refused(UNDELETABLE_MESSAGE)
            return super().delete_view(request, object_id, extra_context)
        except Refused as error:
            return self._refused_page(request, error)

    def _viewable_project(self, request, object_id):
        """(project, None) for staff who may view it, else (None, the response that refuses it:
        the 403 page for another department, the admin's redirect for an unknown id)."""
        try:
            project = self.get_object(request, unquote(object_id))
        except Refused as error:
            return None, self._refused_page(request, error)
        if project is None:
            return None, self._get_obj_does_not_exist_redirect(request, self.opts, object_id)
        if not self.has_view_or_change_permission(request, project):
            raise PermissionDenied
        return project, None

    def history_view(self, request, object_id, extra_context=None):
        """Every revision of the sheet, newest first, marking those the public could read."""
        project, refusal = self._viewable_project(request, object_id)
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

    def _in_scope(self, request, obj) -> bool:
        return (
            obj is None
            or edits_every_department(request.user)
            or obj.department.staff.filter(pk=request.user.pk).exists()
        )

    def has_view_permission(self, request, obj=None):
        return super().has_view_permission(request, obj) and self._in_scope(request, obj)

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and self._in_scope(request, obj)

    def has_add_permission(self, request):
        return super().has_add_permission(request) and (
            edits_every_department(request.user) or request.user.departments.exists()
        )

    def has_delete_permission(self, request, obj=None):
        if obj is not None and obj.was_ever_published:
            return False
        return super().has_delete_permission(request, obj) and self._in_scope(request, obj)

    def get_autocomplete_fields(self, request):
        fields = list(super().get_autocomplete_fields(request))
        if not edits_every_department(request.user):  # a plain list of their own departments
            fields = [name for name in fields if name != "department"]
        return fields

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "department" and not edits_every_department(request.user):
            kwargs["queryset"] = Department.objects.filter(staff=request.user)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    # --- revisions -------------------------------------------------------------------------

    @contextmanager
    def create_revision(self, request):
        with reversion.create_revision(manage_manually=True):
            reversion.set_user(request.user)
            yield

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        add_sheet(form.instance)  # the whole sheet as saved, deleted rows left out
        request._revision_comment = form.cleaned_data.get("revision_comment", "").strip()

    def log_addition(self, request, obj, message):
        entry = super().log_addition(request, obj, message)
        self._set_user_comment(request, entry)
        return entry

    def log_change(self, request, obj, message):
        entry = super().log_change(request, obj, message)
        self._set_user_comment(request, entry)
        return entry

    def _set_user_comment(self, request, entry):
        comment = getattr(request, "_revision_comment", "")
        if comment and reversion.is_active():
            reversion.set_comment(f"{comment} ({entry.get_change_message()})")

    def revision_view(self, request, object_id, version_id, extra_context=None):
        """The sheet as it was in one revision, rendered as a sheet, with a button to restore it."""
        project, refusal = self._viewable_project(request, object_id)
        if refusal:
            return refusal
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
        fields = version.field_dict
        department_id = fields.get("department_id", fields.get("department"))
        if not edits_every_department(request.user) and not Department.objects.filter(
            pk=department_id, staff=request.user
        ).exists():
            return self._refused_page(request, Refused(
                "이 판은 담당 부서가 아닌 부서의 사업으로 되어 있어 되돌릴 수 없습니다. "
                "정책실명제 총괄 담당자에게 요청하세요."
            ))
        try:
            revert_sheet(
                project=project, revision=version.revision, user=request.user,
                loaded_version=request.POST.get("loaded_version"),
            )
        except (StaleSheetError, RevertRefused) as error:
            messages.error(request, str(error))
            return redirect(request.path)
        messages.success(request, f"{project.registration_number}을(를) 선택한 판으로 되돌렸습니다.")
        return redirect("admin:projects_policyproject_change", project.pk)

    def recoverlist_view(self, request, extra_context=None):
        """Deleted drafts are not recovered from here: their revisions stay in the history."""
        raise PermissionDenied

    def recover_view(self, request, version_id, extra_context=None):
        """Closed too: reversion's recover reverts any revision by version id, without the
        department scope, publication rules or version check that a revert here applies."""
        raise PermissionDenied
