"""PDFs ready before anyone asks: after a published sheet changes, its PDF is rendered by a
background worker, not inside a citizen's request.

The write door sends ``sheet_written`` once the transaction has committed; :func:`enqueue_render`
then queues :func:`render_sheet_pdf` for that version when the sheet is published. Tasks run on
``django-tasks`` (the backport of Django 6's ``django.tasks``) with the database backend of
``django-tasks-db``: the queue is a table in the application's own database, so no broker is
needed, and ``manage.py db_worker`` runs them (``make run`` starts one beside the server; see
README for production).

The worker keeps the PDF in the ``renderings`` cache under the same key the request path uses
(``projects.rendering.pdf.cache_key``): a file cache shared by the workers of a server, or Redis
shared by several servers, so each version is rendered once. A request that finds no PDF yet
(the worker is behind or down) renders it as before, and the task then finds it and does nothing.
"""

from django_tasks import task

from ..models import PolicyProject
from . import cache as renderings
from . import pdf


@task()
def render_sheet_pdf(project_id: int, version: int) -> bool:
    """Render and keep the PDF of ``version`` of a published sheet; True when it rendered.

    Nothing is done when the sheet has moved on to a newer version (that version has its own
    task), is no longer published, or already has its PDF."""
    project = (PolicyProject.objects.published().only("pk", "version")
               .filter(pk=project_id).first())
    if project is None or project.version != version:
        return False
    if renderings.cache().has_key(pdf.cache_key(project=project)):
        return False
    pdf.sheet_pdf(project=project)
    return True


def enqueue_render(*, project_id, version, **kwargs) -> None:
    """``sheet_written`` receiver (sent after the commit): queue the PDF of a published sheet."""
    if PolicyProject.objects.published().filter(pk=project_id, version=version).exists():
        render_sheet_pdf.enqueue(project_id, version)


def connect_signals() -> None:
    from ..writing import sheet_written

    sheet_written.connect(enqueue_render, dispatch_uid="render-pdf-after-write")


@task()
def render_year_book(year: int) -> bool:
    """Make the year book of ``year`` for the sheets as they are now; True when it rendered.

    Queued when a sheet of that year changes (``yearbook.retire``): a book of 300 sheets takes
    about a minute of CPU, better spent here than in a citizen's request. Several changes in a
    row queue several tasks; the first renders the latest state and the others find it made."""
    from . import yearbook

    if not yearbook.has_book(yearbook.year_size(year)):
        return False
    stamp = yearbook.year_stamp(year)
    if not stamp:
        return False
    cached = renderings.cache().get(yearbook.cache_key(year))
    if cached is not None and cached[0] == stamp:
        return False
    yearbook.yearbook_pdf(year, stamp=stamp)
    return True
