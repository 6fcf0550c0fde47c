"""The register at 100,000 projects (bench/explain.py shows each plan), PostgreSQL only:

* a narrow table: ``toast_tuple_target = 128`` moves the long search columns out of line, so a
  row of the register is ~250 bytes instead of ~1.5 KB and counting, sorting and fetching rows
  reads a sixth of the pages (existing rows move on their next write, or ``VACUUM FULL``);
* partial indexes on published rows for the register's order, each filter in that order, and
  the search indexes (only the public register searches, and it shows published rows only);
* ``search_grams`` now holds runs of one to four characters (exact index for words up to four
  syllables, see projects/search.py), recomputed here for existing projects;
* an index on ``updated_at``: the latest change keys the cached lists (projects/public/caching.py);
* the published-count tally and its trigger (projects/register_counts.py).

SQLite gets the recomputed grams and the new help text only.
"""

import unicodedata

from django.db import migrations, models

# The published-count tally (read by projects/register_counts.py) as this migration made it: a
# migration keeps its own SQL, so later edits of the application never rewrite history.
TALLY_CREATE = [
    """CREATE TABLE projects_register_tally (
        registration_year smallint NOT NULL,
        selection_criterion_id bigint NOT NULL,
        status varchar(10) NOT NULL,
        published integer NOT NULL DEFAULT 0,
        PRIMARY KEY (registration_year, selection_criterion_id, status)
    )""",
    """CREATE FUNCTION projects_register_tally_update() RETURNS trigger
        LANGUAGE plpgsql AS $$
    BEGIN
        IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.published_at IS NOT NULL THEN
            UPDATE projects_register_tally SET published = published - 1
             WHERE registration_year = OLD.registration_year
               AND selection_criterion_id = OLD.selection_criterion_id AND status = OLD.status;
        END IF;
        IF TG_OP IN ('UPDATE', 'INSERT') AND NEW.published_at IS NOT NULL THEN
            INSERT INTO projects_register_tally AS t (registration_year, selection_criterion_id, status, published)
            VALUES (NEW.registration_year, NEW.selection_criterion_id, NEW.status, 1)
            ON CONFLICT (registration_year, selection_criterion_id, status)
            DO UPDATE SET published = t.published + 1;
        END IF;
        RETURN NULL;
    END $$""",
    """CREATE TRIGGER projects_register_tally_insert_delete
        AFTER INSERT OR DELETE ON projects_policyproject
        FOR EACH ROW EXECUTE FUNCTION projects_register_tally_update()""",
    """CREATE TRIGGER projects_register_tally_change
        AFTER UPDATE ON projects_policyproject FOR EACH ROW
        WHEN ((OLD.published_at IS NULL) IS DISTINCT FROM (NEW.published_at IS NULL)
              OR OLD.registration_year IS DISTINCT FROM NEW.registration_year
              OR OLD.selection_criterion_id IS DISTINCT FROM NEW.selection_criterion_id
              OR OLD.status IS DISTINCT FROM NEW.status)
        EXECUTE FUNCTION projects_register_tally_update()""",
]
TALLY_DROP = [
    "DROP TRIGGER IF EXISTS projects_register_tally_change ON projects_policyproject",
    "DROP TRIGGER IF EXISTS projects_register_tally_insert_delete ON projects_policyproject",
    "DROP FUNCTION IF EXISTS projects_register_tally_update()",
    "DROP TABLE IF EXISTS projects_register_tally",
]
TALLY_FILL = [
    "DELETE FROM projects_register_tally",
    """INSERT INTO projects_register_tally (registration_year, selection_criterion_id, status, published)
        SELECT registration_year, selection_criterion_id, status, count(*)
          FROM projects_policyproject WHERE published_at IS NOT NULL
         GROUP BY registration_year, selection_criterion_id, status""",
]

PUBLISHED = "WHERE published_at IS NOT NULL"
FORWARD = [
    "ALTER TABLE projects_policyproject SET (toast_tuple_target = 128)",
    "CREATE INDEX project_register_order ON projects_policyproject "
    f"(registration_year DESC, registration_seq DESC) INCLUDE (id) {PUBLISHED}",
    "CREATE INDEX project_register_department ON projects_policyproject "
    f"(department_id, registration_year DESC, registration_seq DESC) INCLUDE (id) {PUBLISHED}",
    "CREATE INDEX project_register_criterion ON projects_policyproject "
    f"(selection_criterion_id, registration_year DESC, registration_seq DESC) INCLUDE (id) {PUBLISHED}",
    "CREATE INDEX project_register_status ON projects_policyproject "
    f"(status, registration_year DESC, registration_seq DESC) INCLUDE (id) {PUBLISHED}",
    # the latest change of any project: the page cache's key for lists (public/caching.py)
    "CREATE INDEX project_updated_at ON projects_policyproject (updated_at)",
    "DROP INDEX IF EXISTS project_search_trgm",
    "DROP INDEX IF EXISTS project_search_short_grams",
    "CREATE INDEX project_search_trgm ON projects_policyproject "
    f"USING gin (search_text gin_trgm_ops) {PUBLISHED}",
    "CREATE INDEX project_search_short_grams ON projects_policyproject "
    f"USING gin (string_to_array(search_grams, ' ')) {PUBLISHED}",
    *TALLY_CREATE,
    *TALLY_FILL,
]
BACKWARD = [
    *TALLY_DROP,
    "DROP INDEX IF EXISTS project_search_short_grams",
    "DROP INDEX IF EXISTS project_search_trgm",
    "CREATE INDEX project_search_trgm ON projects_policyproject "
    "USING gin (search_text gin_trgm_ops)",
    "CREATE INDEX project_search_short_grams ON projects_policyproject "
    "USING gin (string_to_array(search_grams, ' '))",
    "DROP INDEX IF EXISTS project_updated_at",
    "DROP INDEX IF EXISTS project_register_status",
    "DROP INDEX IF EXISTS project_register_criterion",
    "DROP INDEX IF EXISTS project_register_department",
    "DROP INDEX IF EXISTS project_register_order",
    "ALTER TABLE projects_policyproject RESET (toast_tuple_target)",
]


def run_on_postgresql(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for statement in statements:
            schema_editor.execute(statement)

    return run


def grams(text, longest):
    """As projects.search.short_grams when written (SHORT_WORD = ``longest``)."""
    found = set()
    for word in unicodedata.normalize("NFC", text).split():
        for size in range(1, min(longest, len(word)) + 1):
            found.update(word[i:i + size] for i in range(len(word) - size + 1))
    return " ".join(sorted(found))


def regram(longest):
    def run(apps, schema_editor):
        PolicyProject = apps.get_model("projects", "PolicyProject")
        batch = []
        for project in PolicyProject.objects.only("pk", "search_text").iterator(chunk_size=1000):
            project.search_grams = grams(project.search_text, longest)
            batch.append(project)
            if len(batch) == 1000:
                PolicyProject.objects.bulk_update(batch, ["search_grams"])
                batch = []
        PolicyProject.objects.bulk_update(batch, ["search_grams"])

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("projects", "0008_applications"),
    ]

    operations = [
        migrations.AlterField(
            model_name="policyproject",
            name="search_grams",
            field=models.TextField(
                blank=True, default="", editable=False,
                help_text="검색용 본문의 낱말 속 한 글자부터 네 글자까지의 조각 (1~4음절 검색용 색인). "
                "예: 1 1인 1인가 1인가구 인 인가 …",
                verbose_name="검색용 짧은 낱말",
            ),
        ),
        migrations.RunPython(regram(4), regram(2)),
        migrations.RunPython(run_on_postgresql(FORWARD), run_on_postgresql(BACKWARD)),
    ]
