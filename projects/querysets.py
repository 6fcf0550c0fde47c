"""Querysets that speak the domain, so views stay thin and query counts stay constant."""

from django.db import models
from django.db.models import Prefetch


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

    def by_registration_number(self, number: str):
        """``2023-13`` → that project; anything malformed matches nothing (never an error)."""
        year, sep, seq = (number or "").strip().partition("-")
        if not (sep and year.isdigit() and seq.isdigit() and len(year) == 4 and len(seq) <= 5):
            return self.none()
        return self.filter(registration_year=int(year), registration_seq=int(seq))
