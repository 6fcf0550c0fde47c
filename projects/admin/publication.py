"""Publication in the project admin: actions, a save-and-publish button, no deleting records.

Only users with ``projects.publish_policyproject`` (the 정책실명제 총괄 group) see and run the
publish/withdraw actions and buttons; every step goes through ``projects.publication`` (and so
through the write door, as one revision each).
"""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.contrib.admin.actions import delete_selected as django_delete_selected
from django.contrib.admin.utils import unquote
from django.utils import timezone

from ..publication import UNDELETABLE_MESSAGE, PublicationError, may_publish, publish, withdraw
from ..writing import OutOfScope, SheetWriteError


def _local(moment) -> str:
    return f"{timezone.localtime(moment):%Y-%m-%d %H:%M}"


class PublicationActionForm(helpers.ActionForm):
    reason = forms.CharField(
        label="철회 사유", required=False, max_length=200,
        help_text="공개 철회 시 기록됩니다. 예: 사업 내용 재검토",
    )


class PublicationAdminMixin:
    action_form = PublicationActionForm
    actions = ["publish_selected", "withdraw_selected", "delete_selected"]

    def has_publish_permission(self, request):
        return may_publish(request.user)

    def _publish_after_save(self, request, object_id):
        """"저장하고 공개" / "저장하고 공개 철회": after the save's own revision is closed, so the
        publication step is a revision of its own."""
        wants_publish, wants_withdraw = "_publish" in request.POST, "_withdraw" in request.POST
        if not (wants_publish or wants_withdraw) or not self.has_publish_permission(request):
            return
        project = self.get_object(request, unquote(object_id))
        try:
            if wants_publish:
                publish(project=project, user=request.user)
            else:
                withdraw(project=project, user=request.user,
                         reason=request.POST.get("revision_comment", ""))
        except (PublicationError, SheetWriteError, OutOfScope) as error:
            messages.warning(request, str(error))
        else:
            messages.success(request, f"{project.registration_number}을(를) "
                                      f"{'공개' if wants_publish else '공개 철회'}했습니다.")

    @admin.display(description="공개 상태")
    def publication_summary(self, obj):
        if obj is None or obj.pk is None:
            return "비공개(초안)"
        parts = [obj.publication_state]
        if obj.published_at:
            parts.append(f"공개일시 {_local(obj.published_at)}")
        if obj.first_published_at:
            parts.append(f"최초 공개 {_local(obj.first_published_at)}")
        if obj.withdrawn_at:
            reason = f" (사유: {obj.withdrawal_reason})" if obj.withdrawal_reason else ""
            parts.append(f"철회 {_local(obj.withdrawn_at)}{reason}")
        return " · ".join(parts)

    @admin.action(permissions=["publish"], description="선택한 사업내역서 공개")
    def publish_selected(self, request, queryset):
        self._each(request, queryset, lambda project: publish(project=project, user=request.user), "공개")

    @admin.action(permissions=["publish"], description="선택한 사업내역서 공개 철회")
    def withdraw_selected(self, request, queryset):
        reason = request.POST.get("reason", "")
        self._each(
            request, queryset,
            lambda project: withdraw(project=project, user=request.user, reason=reason), "공개 철회",
        )

    def _each(self, request, queryset, step, done: str):
        changed = []
        for project in queryset:
            try:
                step(project)
            except (PublicationError, SheetWriteError, OutOfScope) as error:
                messages.warning(request, str(error))
            else:
                changed.append(project.registration_number)
        if changed:
            messages.success(request, f"{done}했습니다: {', '.join(changed)}")

    @admin.action(permissions=["delete"], description="선택한 비공개 초안 삭제")
    def delete_selected(self, request, queryset):
        kept = [project.registration_number for project in queryset if project.was_ever_published]
        if kept:
            messages.error(request, f"{UNDELETABLE_MESSAGE} ({', '.join(kept)})")
            return None
        return django_delete_selected(self, request, queryset)
