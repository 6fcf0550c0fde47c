"""Korean substring search over the register: what a project is searched by, and how.

A project's searchable words — title, 추진배경, ⑤ 사업개요, the phases' headings and items, and the
names of its ⑥ 담당자 and 사업관련자 — are copied into ``PolicyProject.search_text`` (NFC, lower
case) by :func:`refresh_search_text`, which the write door (``projects.writing``) calls after every
write that changed a sheet.

A query is split on white space and every word must occur in ``search_text`` as a substring
(``1인가구``, ``소통공간``, ``이춘배``, ``청년``). Korean has no word boundaries a tokenizer could
trust (조사 stick to nouns), so substring search is what citizens expect.

On PostgreSQL two indexes keep this fast as the register grows (migrations
``0005_search_text_and_indexes`` and ``0009_scale_indexes``), both partial on published rows (only
the public register searches):

* ``search_grams`` keeps every distinct run of one to four characters inside the words of the
  text, and a GIN index covers ``string_to_array(search_grams, ' ')``. A word of up to four
  characters (``청년``, ``소통공간``, ``1인가구``, ``이춘배``) occurs in the text exactly when it is
  one of those grams, so ``@>`` is exact: the index alone finds and counts the matches, with no
  row re-read to re-test the text. (Trigrams cannot serve one- and two-syllable words at all, and
  for three and four they only propose candidates that each have to be re-tested: 100 ms for a
  common word at 100,000 projects, against a few ms here.) Computing the grams in SQL, in an
  index expression, costs ~6 ms a row and the planner may evaluate it per row: kept in Python.
* a ``pg_trgm`` GIN index on ``search_text`` serves longer words through ``LIKE '%word%'``. It
  needs a database whose ``LC_CTYPE`` classifies Hangul as letters (``C.UTF-8``,
  ``ko_KR.UTF-8``): under ``LC_CTYPE=C`` ``show_trgm('정책사업')`` is empty and the index finds
  nothing to work with — :func:`hangul_trigrams_work` checks it.

Elsewhere (SQLite) the same lookups run as plain ``LIKE`` scans: correct, and fast enough for a
development register.
"""

from __future__ import annotations

import functools
import unicodedata

from django.db import connection
from django.db.models import BooleanField, F, Func, Q, QuerySet

from . import registration

MAX_QUERY_LENGTH = 100  # longer input is cut, never refused
MAX_WORDS = 8
SHORT_WORD = 4  # words this long or shorter use the grams index on PostgreSQL (exact)


def normalise(text: str) -> str:
    """The form both the stored text and the query take: NFC (macOS types NFD Hangul), lower case,
    every run of white space one plain space."""
    return " ".join(unicodedata.normalize("NFC", text).lower().split())


def query_words(query: str) -> list[str]:
    """``"  청년  주거 "`` → ``["청년", "주거"]``: at most 8 distinct words of a query cut to 100 characters."""
    words: list[str] = []
    for word in normalise(query or "")[:MAX_QUERY_LENGTH].split():
        if word not in words:
            words.append(word)
    return words[:MAX_WORDS]


def search_text_of(project) -> str:
    """Everything a project is found by, one line per piece, from a project fetched with
    ``PolicyProject.objects.for_sheet()`` (no further queries)."""
    parts = [project.title, project.background]
    parts += [item.text for item in project.outline_items.all()]
    parts += [row.official.name for row in project.project_officials.all()]
    for phase in project.phases.all():
        parts.append(phase.heading)
        parts += [item.text for item in phase.items.all()]
        parts += [row.official.name for row in phase.officials.all()]
    return "\n".join(normalise(part) for part in parts if part)


def short_grams(search_text: str) -> str:
    """Every distinct run of one to ``SHORT_WORD`` characters inside the words of
    ``search_text``, space separated: ``"청년 창업"`` → ``"년 업 창 창업 청 청년"``."""
    grams = set()
    for word in set(search_text.split()):
        grams.update(word_grams(word))
    return " ".join(sorted(grams))


@functools.lru_cache(maxsize=65536)
def word_grams(word: str) -> tuple[str, ...]:
    """The runs of one to ``SHORT_WORD`` characters inside one word (words repeat across a
    register, so they are remembered: bulk loads and re-indexing spend most time here)."""
    return tuple({word[i:i + size] for size in range(1, min(SHORT_WORD, len(word)) + 1)
                  for i in range(len(word) - size + 1)})


def refresh_search_text(project) -> None:
    """Recompute and store ``project.search_text`` after the project or any of its rows changed.

    The write door calls it after every changing write. It only updates the search columns, so it
    neither bumps ``version`` nor touches ``updated_at``.
    """
    model = type(project)
    project.search_text = search_text_of(model.objects.for_sheet().get(pk=project.pk))
    project.search_grams = short_grams(project.search_text)
    model.objects.filter(pk=project.pk).update(
        search_text=project.search_text, search_grams=project.search_grams,
    )


def refresh_search_texts(project_ids, *, batch_size: int = 500) -> int:
    """:func:`refresh_search_text` for many projects at once, in a few queries per batch
    (importers, the benchmark). Returns how many projects were updated."""
    from .models import PolicyProject

    ids = list(project_ids)
    for start in range(0, len(ids), batch_size):
        projects = list(PolicyProject.objects.for_sheet().filter(pk__in=ids[start:start + batch_size]))
        for project in projects:
            project.search_text = search_text_of(project)
            project.search_grams = short_grams(project.search_text)
        PolicyProject.objects.bulk_update(projects, ["search_text", "search_grams"])
    return len(ids)


def projects_naming(official) -> set[int]:
    """Ids of the projects whose search text holds ``official``'s name (⑥ or a phase), or whose
    records beyond the sheet (an opinion, a meeting's attendee or speaker) name them: a rename
    is a new version of each, so no rendering keeps the old name."""
    from timeline.models import PhaseOfficial

    from .models import MeetingAttendee, MeetingRemark, Opinion, ProjectOfficial

    return {
        *ProjectOfficial.objects.filter(official=official).values_list("project_id", flat=True),
        *PhaseOfficial.objects.filter(official=official).values_list("phase__project_id", flat=True),
        *Opinion.objects.filter(official=official).values_list("phase__project_id", flat=True),
        *MeetingAttendee.objects.filter(official=official).values_list(
            "meeting__phase__project_id", flat=True),
        *MeetingRemark.objects.filter(official=official).values_list(
            "meeting__phase__project_id", flat=True),
    }


class ContainsAllGrams(Func):
    """``string_to_array(search_grams, ' ') @> ARRAY[...]`` — the expression the GIN index covers."""

    template = "string_to_array(%(expressions)s, ' ') @> %%s::text[]"
    output_field = BooleanField()

    def __init__(self, words: list[str]):
        self.words = list(words)
        super().__init__(F("search_grams"))

    def as_sql(self, compiler, connection, **extra):
        sql, params = super().as_sql(compiler, connection, **extra)
        return sql, [*params, self.words]


def search(queryset: QuerySet, query: str) -> QuerySet:
    """Projects whose text contains every word of ``query`` (an empty query filters nothing).

    A word that is a 등록번호 (``2024-5``, ``2024-05``) stands for that registration, typed either
    way (``projects.registration``): it matches the project's year and sequence, not its text.
    """
    if (number := registration.parse_or_none(query)) is not None:  # also "2024 - 5"
        return queryset.filter(registration_year=number.year, registration_seq=number.seq)
    words = query_words(query)
    if not words:
        return queryset
    condition = Q()
    for word in list(words):
        if (number := registration.parse_or_none(word)) is not None:
            condition &= Q(registration_year=number.year, registration_seq=number.seq)
            words.remove(word)
    short = [word for word in words if len(word) <= SHORT_WORD]
    if short and connection.vendor == "postgresql":
        condition &= Q(ContainsAllGrams(short))
        words = [word for word in words if len(word) > SHORT_WORD]
    for word in words:
        condition &= Q(search_text__contains=word)
    return queryset.filter(condition)


def hangul_trigrams_work(using=None) -> bool:
    """Whether this PostgreSQL database's locale lets pg_trgm see Hangul (``C.UTF-8`` does, ``C`` not)."""
    from django.db import connections

    with connections[using or "default"].cursor() as cursor:
        cursor.execute("SELECT show_trgm(%s)", ["정책사업"])
        return bool(cursor.fetchone()[0])
