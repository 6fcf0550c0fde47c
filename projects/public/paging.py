"""Page numbers over 100,000 projects without counting or skipping them row by row.

The register keeps numbered pages (``?page=2425``): citizens share and bookmark them, and a
"page 3 of 4,850" tells how big the register is. Keyset pagination (``?after=2019-0412``) would
make deep pages cheap but lose both, so the register keeps offsets and bounds their cost:

* **counts** come from the tally (``projects.register_counts``) when only 등록연도, 선정기준 and
  상태 filter the register; otherwise the filters' own indexes count a narrowed set;
* **deep pages seek to their year**: the per-year counts tell which 등록연도 page N starts in, so
  the query starts at that year on the register index and skips at most one year's rows
  (~7,000 at 100,000 projects) instead of up to 97,000;
* **search results** are ordered after the search index has found them, in one pass that gives
  both the count and the page (a few thousand ids for a real query), never by walking the whole
  register index and testing each row against the query — which is what PostgreSQL picks for
  deep search pages when left alone (450 ms at page 50).

Every path returns the same rows in the same order as plain slicing would; only the work differs.
"""

from bisect import bisect_right
from functools import cached_property
from itertools import accumulate

from django.core.paginator import Paginator
from django.db import connection
from django.db.models import F, IntegerField
from django.db.models.expressions import ExpressionWrapper

from .. import register_counts

#: registration_seq fits in a PositiveSmallIntegerField (≤ 32,767), so year × 65,536 + seq sorts
#: exactly as (year, seq) — as an expression no index provides, so the planner sorts what the
#: search index found instead of walking the register index.
REGISTER_ORDER_KEY = ExpressionWrapper(
    F("registration_year") * 65536 + F("registration_seq"), output_field=IntegerField(),
)


class RegisterPaginator(Paginator):
    """A Django paginator over the register's published ``queryset`` (already filtered by
    ``filters``, the form's cleaned data) that counts and slices as the module explains."""

    def __init__(self, queryset, per_page, *, filters: dict):
        super().__init__(queryset, per_page)
        self.filters = {name: value for name, value in filters.items() if value}
        self.tallied = register_counts.answers(self.filters)
        self.searched = bool(self.filters.get("q"))

    @cached_property
    def years(self) -> list[tuple[int, int]]:
        return register_counts.per_year(self.filters)

    @cached_property
    def searched_ids(self) -> list[int] | None:
        """On PostgreSQL, every id a search finds, in register order, from one pass over the
        search index: the count and any page come from it (a few thousand ids at most for a
        real query; at worst the register's ids, 8 bytes each)."""
        if not self.searched or connection.vendor != "postgresql":
            return None
        return list(self.object_list.order_by(REGISTER_ORDER_KEY.desc())
                    .values_list("pk", flat=True))

    @cached_property
    def count(self) -> int:
        if self.tallied:
            return sum(count for _, count in self.years)
        if self.searched_ids is not None:
            return len(self.searched_ids)
        return self.object_list.count()

    def page(self, number):
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = min(bottom + self.per_page, self.count)
        return self._get_page(self.rows(bottom, top), number, self)

    def rows(self, bottom: int, top: int):
        """The page's rows: their ids first (from an index alone where one serves: the
        register's indexes include the id), then those rows with what a row shows."""
        queryset = self.object_list
        if self.tallied and self.years:
            before = [0, *accumulate(count for _, count in self.years)]
            index = bisect_right(before, bottom) - 1  # the year page N starts in
            year, skipped = self.years[index][0], before[index]
            ids = queryset.filter(registration_year__lte=year).values("pk")
            ids = ids[bottom - skipped:top - skipped]
        elif self.searched_ids is not None:
            ids = self.searched_ids[bottom:top]
        else:
            return queryset[bottom:top]
        # by id, without the filters the planner would otherwise re-test row by row
        return queryset.model.objects.for_list().filter(pk__in=ids)
