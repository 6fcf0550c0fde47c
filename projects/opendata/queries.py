"""Queries the open data shares (API, feeds, sitemaps), in the register's domain terms."""

from django.db.models import CharField, Exists, OuterRef, Q, Subquery
from django.db.models.functions import Cast

from timeline.models import PhaseOfficial

from ..models import Official, PolicyProject, ProjectOfficial


def officials_with_public_record():
    """Officials named on a published sheet — in ⑥, a phase, an opinion or as a meeting's
    attendee (others have no public page)."""
    from ..models import MeetingAttendee, Opinion

    published = {"official": OuterRef("pk")}
    named = [
        ProjectOfficial.objects.filter(**published, project__published_at__isnull=False),
        PhaseOfficial.objects.filter(**published, phase__project__published_at__isnull=False),
        Opinion.objects.filter(**published, phase__project__published_at__isnull=False),
        MeetingAttendee.objects.filter(**published,
                                       meeting__phase__project__published_at__isnull=False),
    ]
    condition = Q()
    for rows in named:
        condition |= Q(Exists(rows))
    return Official.objects.filter(condition)


def projects_naming(official):
    """Published projects that name ``official`` in ⑥, a phase, an opinion or a meeting."""
    from ..models import MeetingAttendee, Opinion

    named = [
        ProjectOfficial.objects.filter(project=OuterRef("pk"), official=official),
        PhaseOfficial.objects.filter(phase__project=OuterRef("pk"), official=official),
        Opinion.objects.filter(phase__project=OuterRef("pk"), official=official),
        MeetingAttendee.objects.filter(meeting__phase__project=OuterRef("pk"), official=official),
    ]
    condition = Q()
    for rows in named:
        condition |= Q(Exists(rows))
    return PolicyProject.objects.published().filter(condition)


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
