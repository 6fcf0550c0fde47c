"""The project admin within the department scope (``projects.scope``): what a user lists, opens,
adds, changes and deletes. A URL of another department's project answers a Korean 403 page,
never the form; the PDF, preview, import, history and revert use the same rules."""

from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.template.response import TemplateResponse

from .. import scope
from ..models import Department
from ..publication import UNDELETABLE_MESSAGE
from .widgets import BoundedAutocompleteAdmin


class Refused(PermissionDenied):
    """A refusal staff should read in Korean, on an admin page (status 403)."""


class RefusingAdmin(BoundedAutocompleteAdmin):
    """An admin that answers a write outside the user's departments (or one the door refused)
    with one Korean page, the same for sheets and their records."""

    refused_template = "admin/projects/policyproject/refused.html"

    def refused_page(self, request, error):
        context = {**self.admin_site.each_context(request), "opts": self.opts,
                   "title": "열 수 없음", "message": str(error)}
        return TemplateResponse(request, self.refused_template, context, status=403)


class ScopedSheetAdmin(RefusingAdmin):
    """Mixed into ``PolicyProjectAdmin`` before Django's ``ModelAdmin``."""

    def get_queryset(self, request):
        return scope.scoped(super().get_queryset(request), request.user)

    def get_object(self, request, object_id, from_field=None):
        """An existing project outside the user's departments is refused, not "not found"."""
        obj = super().get_object(request, object_id, from_field)
        if obj is None and not scope.edits_every_department(request.user):
            unscoped = self.model._default_manager.filter(pk=object_id) if str(object_id).isdigit() else None
            if unscoped is not None and unscoped.exists():
                raise Refused(scope.OTHER_DEPARTMENT_MESSAGE)
        return obj

    def scoped_project(self, request, object_id, *, missing_is_404: bool = False):
        """(project, None) for staff who may view it, else (None, the response that refuses it:
        the 403 page for another department; for an unknown id the admin's redirect, or a 404
        for URLs that name a file rather than a page)."""
        try:
            project = self.get_object(request, unquote(object_id))
        except Refused as error:
            return None, self.refused_page(request, error)
        if project is None:
            if missing_is_404:
                raise Http404("사업을 찾을 수 없습니다.")
            return None, self._get_obj_does_not_exist_redirect(request, self.opts, object_id)
        if not self.has_view_or_change_permission(request, project):
            raise PermissionDenied
        return project, None

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except (Refused, scope.OutOfScope) as error:
            return self.refused_page(request, error)

    def delete_view(self, request, object_id, extra_context=None):
        try:
            project = self.get_object(request, unquote(object_id))
            if project is not None and project.was_ever_published:
                raise Refused(UNDELETABLE_MESSAGE)
            return super().delete_view(request, object_id, extra_context)
        except Refused as error:
            return self.refused_page(request, error)

    def _in_scope(self, request, obj) -> bool:
        return obj is None or scope.may_write(request.user, obj)

    def has_view_permission(self, request, obj=None):
        return super().has_view_permission(request, obj) and self._in_scope(request, obj)

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and self._in_scope(request, obj)

    def has_add_permission(self, request):
        return super().has_add_permission(request) and (
            scope.edits_every_department(request.user) or request.user.departments.exists()
        )

    def has_delete_permission(self, request, obj=None):
        if obj is not None and obj.was_ever_published:
            return False
        return super().has_delete_permission(request, obj) and self._in_scope(request, obj)

    def get_autocomplete_fields(self, request):
        fields = list(super().get_autocomplete_fields(request))
        if not scope.edits_every_department(request.user):  # a plain list of their own departments
            fields = [name for name in fields if name != "department"]
        return fields

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "department" and not scope.edits_every_department(request.user):
            kwargs["queryset"] = Department.objects.filter(staff=request.user)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)
