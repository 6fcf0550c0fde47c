"""Where renderings of a sheet (its PDF and HWPX) are kept, one per version.

Keys name the project and its ``version``, which only the write door moves (once per real
change), so a new version never finds an old rendering. When the door has written a new version,
:func:`retire` drops the old version's renderings at once instead of letting them age out.
"""

from django.core.cache import caches

from .. import process_memo

CACHE_ALIAS = "renderings"
#: Every kind of rendering kept per sheet version; ``retire`` drops them all.
KINDS = ("pdf", "pdf-annex", "hwpx")


def key(*, kind: str, project_pk, version: int, layout: str = "") -> str:
    return f"{kind}:{layout}:{project_pk}:{version}"


def cache():
    return caches[CACHE_ALIAS]


def retire(*, project_pk, version: int, layouts=None) -> None:
    """Forget the renderings of ``version`` (in the current layouts)."""
    from . import layouts as current_layouts

    store = cache()
    for kind in KINDS:
        layout = (layouts or {}).get(kind) or current_layouts.signature(kind)
        store.delete(key(kind=kind, project_pk=project_pk, version=version, layout=layout))


def rendering_of(*, project, key_of, render) -> bytes:
    """The rendering of ``project``'s current version from the cache, or ``render(sheet)`` on a
    miss (``project`` needs only ``pk`` and ``version``; the full sheet is loaded then).
    ``key_of(project)`` names the rendering of a version."""
    from ..models import PolicyProject
    from .sheet import sheet_from_project

    store = cache()
    key = key_of(project=project)
    body = process_memo.remembered(key, lambda: store.get(key))
    if body is None:
        full = PolicyProject.objects.for_sheet().get(pk=project.pk)
        body = render(sheet=sheet_from_project(full))
        store.set(key_of(project=full), body)
    return body
