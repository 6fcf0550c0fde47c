"""Querysets that speak the domain, so views stay thin and query counts stay constant."""

from django.db import models
from django.db.models import F, Prefetch
from django.utils import timezone

from . import registration


class PolicyProjectQuerySet(models.QuerySet):
    def published(self):
        """Projects the public may see (withdrawn and draft projects are excluded)."""
        return self.filter(published_at__isnull=False)

    def for_list(self):
        """What a register row shows: department and criterion joined, nothing prefetched (and
        not the bulky search columns, which only the database reads)."""
        return self.select_related("department", "selection_criterion").defer(
            "search_text", "search_grams",
        )

    def for_sheet(self):
        """Everything one 사업내역서 shows, in a fixed number of queries whatever its size."""
        from timeline.models import Phase, PhaseOfficial

        from .models import ProjectOfficial

        return self.for_list().prefetch_related(
            "outline_items",
            Prefetch(
                "project_officials",
                queryset=ProjectOfficial.objects.select_related("official__department"),
            ),
            Prefetch(
                "phases",
                queryset=Phase.objects.prefetch_related(
                    "items",
                    Prefetch(
                        "officials",
                        queryset=PhaseOfficial.objects.select_related("official__department"),
                    ),
                ),
            ),
        )

    def with_records(self, *, meetings_in_full: bool = False):
        """Add the records beyond the sheet to ``for_sheet()``: opinions, meetings and documents
        (three more queries, whatever their number); ``meetings_in_full`` adds each meeting's
        attendees and remarks (two more), for the PDF's annex."""
        from .models import Document, Meeting, MeetingAttendee, MeetingRemark, Opinion

        meetings = Meeting.objects.all()
        if meetings_in_full:
            meetings = meetings.prefetch_related(
                Prefetch("attendees",
                         queryset=MeetingAttendee.objects.select_related("official__department")),
                Prefetch("remarks",
                         queryset=MeetingRemark.objects.select_related("official__department")),
            )
        return self.prefetch_related(
            Prefetch("phases__opinions",
                     queryset=Opinion.objects.select_related("official__department", "kind")),
            Prefetch("phases__meetings", queryset=meetings),
            Prefetch("documents", queryset=Document.objects.select_related("department")),
        )

    def mark_changed(self) -> int:
        """A name these sheets show changed elsewhere: each becomes a new version. Called by the
        write door (``projects.writing.shared_rows_renamed``), which also retires renderings."""
        return self.update(version=F("version") + 1, updated_at=timezone.now())

    def by_registration_number(self, number: str):
        """``2024-05`` or ``2024-5`` → that registration, however the agency wrote it; anything
        malformed (``2023-XX``, full-width digits, spaces) matches nothing, never an error."""
        parsed = None if number is None or number != "".join(number.split()) else (
            registration.parse_or_none(number))
        if parsed is None:
            return self.none()
        return self.filter(registration_year=parsed.year, registration_seq=parsed.seq)


class MeetingQuerySet(models.QuerySet):
    def published(self):
        """Meetings of sheets the public may see."""
        return self.filter(phase__project__published_at__isnull=False)

    def for_page(self):
        """One meeting's page: its sheet, phase, attendees, remarks and documents (5 queries)."""
        from .models import Document, MeetingAttendee, MeetingRemark

        return self.select_related("phase__project").prefetch_related(
            Prefetch("attendees",
                     queryset=MeetingAttendee.objects.select_related("official__department")),
            Prefetch("remarks", queryset=MeetingRemark.objects.select_related("official")),
            Prefetch("documents", queryset=Document.objects.select_related("department")),
        )


class DocumentQuerySet(models.QuerySet):
    def downloadable(self):
        """Files citizens may download: of a published sheet, stored, not 비공개."""
        return (self.filter(project__published_at__isnull=False).exclude(file="")
                .exclude(disclosure="closed"))
