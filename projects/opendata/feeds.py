"""Atom feeds of published sheets, newest change first: all of them, one department's, and
those naming one official. Each entry links to the sheet and says what changed (the comment of
its latest revision); a new version of a sheet is a new entry id, so readers show the update.

Everything is text: Django's feed writer escapes XML, and the summary (sent as HTML) is escaped
once more here, so ``<놀다가>`` in a comment reads as itself.
"""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape

from ..models import Department, PolicyProject
from .formats import xml_safe
from .queries import officials_with_public_record, projects_naming, with_last_comment

ENTRIES = 50


class TextSafeAtom1Feed(Atom1Feed):
    """Atom whose texts are cleared of the characters XML cannot hold (``xml_safe``): one sheet
    with a pasted control character must not stop every feed that lists it."""

    def __init__(self, *args, **kwargs):
        super().__init__(*xml_safe(args), **{key: xml_safe(value) for key, value in kwargs.items()})

    def add_item(self, *args, **kwargs):
        super().add_item(*xml_safe(args), **{key: xml_safe(value) for key, value in kwargs.items()})


class SheetFeed(Feed):
    feed_type = TextSafeAtom1Feed
    subtitle = "공개되거나 수정된 정책실명제 사업내역서, 최근 것부터"

    def title(self, obj=None):
        return f"{settings.REGISTRY_ORGANISATION} 정책실명제 중점관리 대상사업"

    def link(self, obj=None):
        return reverse("register")

    def projects(self, obj):
        return PolicyProject.objects.published()

    def items(self, obj=None):
        projects = self.projects(obj).for_list().order_by("-updated_at", "-pk")[:ENTRIES]
        return with_last_comment(projects)

    def item_title(self, project):
        return f"{project.registration_number} {project.title}({project.get_status_display()})"

    def item_description(self, project):
        change = project.last_comment or "사업내역서 수정"
        return escape(f"{change} — {project.department.name}, 판 {project.version}")

    def item_link(self, project):
        return project.get_absolute_url()

    def item_guid(self, project):
        return f"{project.get_absolute_url()}#v{project.version}"

    item_guid_is_permalink = False

    def get_feed(self, obj, request):
        """Entry ids made absolute like the links (an Atom id is an IRI, never a path)."""
        feed = super().get_feed(obj, request)
        for item in feed.items:
            item["unique_id"] = request.build_absolute_uri(item["unique_id"])
        return feed

    def item_pubdate(self, project):
        return project.first_published_at

    def item_updateddate(self, project):
        return project.updated_at

    def item_author_name(self, project):
        return project.department.name

    def item_categories(self, project):
        return [project.selection_criterion.short_name]


class DepartmentFeed(SheetFeed):
    def get_object(self, request, pk):
        return get_object_or_404(Department, pk=pk)

    def title(self, obj=None):
        return f"{super().title()} — {obj.name}"

    def link(self, obj=None):
        return reverse("register") + f"?department={obj.pk}"

    def projects(self, obj):
        return PolicyProject.objects.published().filter(department=obj)


class OfficialFeed(SheetFeed):
    def get_object(self, request, pk):
        return get_object_or_404(officials_with_public_record(), pk=pk)

    def title(self, obj=None):
        return f"{super().title()} — {obj.name}({obj.affiliation_name}) 참여 사업"

    def link(self, obj=None):
        return obj.get_absolute_url()

    def projects(self, obj):
        return projects_naming(obj)
