"""PolicyProject.search_text and search_grams, filled for existing projects, and on PostgreSQL
their two GIN indexes (see projects/search.py): a pg_trgm index on search_text serves words of
three or more characters, an index on string_to_array(search_grams, ' ') serves one- and
two-character words. Other databases get the columns only.
"""

import unicodedata

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations, models

FORWARD = [
    "CREATE INDEX project_search_trgm ON projects_policyproject "
    "USING gin (search_text gin_trgm_ops)",
    "CREATE INDEX project_search_short_grams ON projects_policyproject "
    "USING gin (string_to_array(search_grams, ' '))",
]
BACKWARD = [
    "DROP INDEX IF EXISTS project_search_short_grams",
    "DROP INDEX IF EXISTS project_search_trgm",
]


def run_on_postgresql(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for statement in statements:
            schema_editor.execute(statement)

    return run


def normalise(text):
    """As projects.search.normalise when written: NFC, lower case, single spaces."""
    return " ".join(unicodedata.normalize("NFC", text).lower().split())


def short_grams(text):
    """As projects.search.short_grams when written."""
    grams = set()
    for word in text.split():
        grams.update(word)
        grams.update(word[i:i + 2] for i in range(len(word) - 1))
    return " ".join(sorted(grams))


def fill_search_text(apps, schema_editor):
    """Existing projects become findable at once (the same text projects.search builds)."""
    PolicyProject = apps.get_model("projects", "PolicyProject")
    for project in PolicyProject.objects.all():
        parts = [project.title, project.background]
        parts += project.outline_items.values_list("text", flat=True)
        parts += project.project_officials.values_list("official__name", flat=True)
        for phase in project.phases.all():
            parts.append(phase.heading)
            parts += phase.items.values_list("text", flat=True)
            parts += phase.officials.values_list("official__name", flat=True)
        text = "\n".join(normalise(part) for part in parts if part)
        PolicyProject.objects.filter(pk=project.pk).update(
            search_text=text, search_grams=short_grams(text),
        )


class Migration(migrations.Migration):
    dependencies = [
        ("projects", "0004_staff_groups"),
        ("timeline", "0001_initial"),
    ]

    operations = [
        TrigramExtension(),  # does nothing on databases other than PostgreSQL
        migrations.AddField(
            model_name="policyproject",
            name="search_text",
            field=models.TextField(
                blank=True, default="", editable=False,
                help_text="정책사업명·추진배경·사업개요·추진내용·관련자 성명을 모은 검색용 사본 "
                "(projects.search.refresh_search_text가 채웁니다). 예: 1인가구도 행복한 중구 조성 …",
                verbose_name="검색용 본문",
            ),
        ),
        migrations.AddField(
            model_name="policyproject",
            name="search_grams",
            field=models.TextField(
                blank=True, default="", editable=False,
                help_text="검색용 본문의 한 글자·두 글자 조각 (1~2음절 검색용 색인). 예: 1 1인 인 인가 …",
                verbose_name="검색용 짧은 낱말",
            ),
        ),
        migrations.RunPython(fill_search_text, migrations.RunPython.noop),
        migrations.RunPython(run_on_postgresql(FORWARD), run_on_postgresql(BACKWARD)),
    ]
