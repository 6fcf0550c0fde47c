"""Queries the open data shares (API, feeds, sitemaps), in the register's domain terms."""

from django.db.models import CharField, Exists, OuterRef, Q, Subquery
from django.db.models.functions import Cast

from timeline.models import PhaseOfficial

from ..models import Official, PolicyProject, ProjectOfficial


def officials_with_public_record():
    """Officials named on at least one published sheet (others have no public page)."""
    in_roles = ProjectOfficial.objects.filter(official=OuterRef("pk"),
                                              project__published_at__isnull=False)
    in_phases = PhaseOfficial.objects.filter(official=OuterRef("pk"),
                                             phase__project__published_at__isnull=False)
    return Official.objects.filter(
        Q(Exists(in_roles)) | Q(Exists(in_phases)))


def projects_naming(official):
    """Published projects that name ``official`` in ⑥ or in a phase."""
    in_roles = ProjectOfficial.objects.filter(project=OuterRef("pk"), official=official)
    in_phases = PhaseOfficial.objects.filter(phase__project=OuterRef("pk"), official=official)
    return PolicyProject.objects.published().filter(Q(Exists(in_roles)) | Q(Exists(in_phases)))


def with_last_comment(projects):
    """Each project annotated with ``last_comment``: what its latest revision says changed
    (one subquery, whatever the number of projects or revisions)."""
    from django.contrib.contenttypes.models import ContentType
    from reversion.models import Version

    versions = Version.objects.filter(
        content_type=ContentType.objects.get_for_model(PolicyProject),
        object_id=Cast(OuterRef("pk"), CharField()),
    ).order_by("-revision__date_created", "-pk")
    return projects.annotate(last_comment=Subquery(versions.values("revision__comment")[:1]))
