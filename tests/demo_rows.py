"""The demo register loaded once per test session, put back in each test that asks for it.

``demo_load()`` writes the register through the importer and the write door (revisions, search
text, versions): ~0.4 s, paid again by every test that wanted the demo. ``DemoRows.capture()``
runs it once, inside a transaction it rolls back, and keeps every row it added, table by table,
as the database stored them. ``restore()`` inserts those same rows into the running test's
transaction, ids and all, so a test sees exactly what ``demo_load()`` would have left it, and the
test's rollback takes them away again. Tests that change the demo change their own copy.
"""

from dataclasses import dataclass, field

from django.apps import apps
from django.core.management.color import no_style
from django.db import connection, transaction


def _tables() -> list[tuple[type, str]]:
    """Every concrete table (models and many-to-many tables), by model."""
    seen, tables = set(), []
    for model in apps.get_models(include_auto_created=True):
        table = model._meta.db_table
        if model._meta.managed and not model._meta.proxy and table not in seen:
            seen.add(table)
            tables.append((model, table))
    return tables


def _rows(cursor, table: str) -> tuple[list[str], list[tuple]]:
    cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")
    return [column[0] for column in cursor.description], cursor.fetchall()


class _Rollback(Exception):
    """Leaves the capture's transaction without keeping anything."""


@dataclass
class DemoRows:
    #: table -> (columns, rows added by demo_load)
    tables: dict[str, tuple[list[str], list[tuple]]] = field(default_factory=dict)
    models: list[type] = field(default_factory=list)
    project_ids: list[int] = field(default_factory=list)

    @classmethod
    def capture(cls) -> "DemoRows":
        from projects.demo import demo_load

        captured = cls()
        try:
            with transaction.atomic(), connection.cursor() as cursor:
                before = {table: _rows(cursor, table)[1] for _, table in _tables()}
                captured.project_ids = [project.pk for project, _ in demo_load()]
                for model, table in _tables():
                    columns, rows = _rows(cursor, table)
                    kept = set(map(repr, before[table]))
                    added = [row for row in rows if repr(row) not in kept]
                    key = columns.index(model._meta.pk.column)
                    changed = {row[key] for row in before[table]} & {row[key] for row in added}
                    if changed:  # restore() inserts rows; it cannot replay an update
                        raise RuntimeError(f"demo_load()가 {table}의 기존 행 {sorted(changed)}을(를) "
                                           "바꿨습니다: DemoRows는 새 행만 되넣습니다.")
                    if added:
                        captured.tables[table] = (columns, added)
                        captured.models.append(model)
                raise _Rollback
        except _Rollback:
            pass
        return captured

    def restore(self) -> None:
        quote = connection.ops.quote_name
        with transaction.atomic(), connection.cursor() as cursor:
            for table, (columns, rows) in self.tables.items():
                cursor.executemany(
                    f"INSERT INTO {quote(table)} ({', '.join(map(quote, columns))}) "
                    f"VALUES ({', '.join(['%s'] * len(columns))})",
                    rows,
                )
            for statement in connection.ops.sequence_reset_sql(no_style(), self.models):
                cursor.execute(statement)
