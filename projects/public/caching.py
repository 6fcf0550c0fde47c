"""Public pages served from Django's cache, keyed by the version of what they show.

A page is rendered once per state of what it shows and then served from the ``pages`` cache
(settings: a file cache every worker of one server shares by default, Redis for several servers
when ``REDIS_URL`` is set). Nothing is ever "invalidated": a change makes a new key, so a changed
sheet is never served stale, and the old entries age out.

What a page shows decides its key (:class:`PageState`):

* a sheet, its history and a revision: the project's ``version`` (the write door moves it once per
  real change, and renaming a department or official it shows moves it too) — one indexed query;
* pages that list many sheets (the register per query string, an official's record, and later
  feeds and exports): :func:`register_state` — the latest ``updated_at`` of any project (every
  write through the door stamps it, publishing and withdrawing included; an index answers it)
  together with a generation the door's ``sheet_written`` signal renews after each commit (it
  closes the window where two writes commit out of order).

Each process keeps the finished pages it served (their keys never go stale) and the states it
read, the latter only while the generation stands (``projects.process_memo``): a cached page then
costs one small read of the shared cache and no database round trip. A write commits, then its
process renews the generation, so the next request anywhere reads the new state; a change no
renewal announces (a write outside the door) shows after ``PAGE_STATE_SECONDS`` at the latest.

The same state gives the HTTP validators: ``ETag`` (a digest of the key) and ``Last-Modified``,
with ``Cache-Control: public, no-cache`` so a proxy or CDN may keep the page but asks each time;
a conditional GET that matches is answered ``304`` before anything is rendered or read from the
cache. The key also holds a digest of the templates and static file names, so a deploy with
changed templates never serves pages rendered by the old ones.

A new public page joins with one decorator::

    @cached_page(lambda request, **kwargs: register_state())
    def feed(request): ...
"""

import hashlib
import os
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import lru_cache, wraps
from pathlib import Path
from typing import NamedTuple

from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.filebased import FileBasedCache
from django.db import connection
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.dateparse import parse_datetime
from django.utils.http import http_date

from .. import process_memo, registration

CACHE_ALIAS = "pages"
GENERATION_KEY = "register-generation"


@dataclass(frozen=True)
class PageState:
    """What a page shows, as a version: ``parts`` go into the key, ``last_modified`` into the
    ``Last-Modified`` header."""

    parts: tuple
    last_modified: datetime | None


def cache():
    return caches[CACHE_ALIAS]


def enabled() -> bool:
    return getattr(settings, "PUBLIC_PAGE_CACHE", True)


def generation() -> str:
    """The register's generation: renewed after every committed change of a sheet. A fresh
    value when the cache has none (a new server, an evicted key): values are never reused."""
    global _file_seen
    store = cache()
    path, status = _file_status(store)  # before reading: a replacement after this is seen next time
    if status is not None and _file_seen is not None and _file_seen[:2] == (path, status):
        return _file_seen[2]
    value = store.get(GENERATION_KEY)
    if value is None:
        store.add(GENERATION_KEY, f"{time.time_ns():x}", timeout=None)
        return store.get(GENERATION_KEY)
    _file_seen = (path, status, value) if status is not None else None
    return value


#: (file, its status, the generation read from it): with the file cache, the generation is read
#: again only when its file has been replaced (a write replaces it, with a new inode and time).
_file_seen: tuple | None = None


def _file_status(store):
    """The generation's file and its status (inode, modification time, size), for the file cache."""
    if not isinstance(store, FileBasedCache):
        return None, None
    path = _generation_paths.get(store._dir)
    if path is None:
        path = _generation_paths[store._dir] = store._key_to_file(GENERATION_KEY)
    try:
        status = os.stat(path)
    except OSError:
        return path, None
    return path, (status.st_ino, status.st_mtime_ns, status.st_size)


_generation_paths: dict[str, str] = {}


def renew_generation(**kwargs) -> None:
    """``sheet_written`` receiver: every page keyed by :func:`register_state` gets a new key."""
    cache().set(GENERATION_KEY, f"{time.time_ns():x}", timeout=None)


# Both states are read with one plain SQL statement each: on a cached page the ORM's query
# building cost more than the rest of the request.
LATEST_SQL = "SELECT MAX(updated_at) FROM projects_policyproject"
PROJECT_SQL = (
    "SELECT id, version, updated_at, registration_number FROM projects_policyproject "
    "WHERE published_at IS NOT NULL AND registration_year = %s AND registration_seq = %s"
)


def fetch_one(sql: str, params=()):
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchone()


def register_state() -> PageState:
    """The state of everything the public lists: the latest change of any project (one index
    probe, kept in the process while the generation stands) and the generation."""
    current_generation = generation()
    latest = process_memo.current(("latest",), current_generation, latest_change)
    return PageState((latest.isoformat() if latest else "", current_generation), latest)


def latest_change() -> datetime | None:
    latest = fetch_one(LATEST_SQL)[0]
    if isinstance(latest, str):  # SQLite returns the aggregate as text
        latest = parse_datetime(latest)
    if latest is not None and timezone.is_naive(latest):
        latest = timezone.make_aware(latest, UTC)
    return latest


class PublishedSheet(NamedTuple):
    """Which version of a sheet is published: all a cached page or PDF needs to be found (the
    renderings' ``cache_key`` reads ``pk`` and ``version``)."""

    pk: int
    version: int
    updated_at: datetime
    registration_number: str


def published_version(number: str) -> PublishedSheet | None:
    """The :class:`PublishedSheet` registered under ``number`` exactly as written, else None
    (unknown, unpublished, malformed, or written the other way: the views then answer 404 or
    redirect, as without the cache).

    With the page cache on, the answer is kept in the process while the register's generation
    stands (``process_memo.current``): a cached page then costs no database round trip. Only
    well-formed numbers (at most ``9999-9999``) are kept, so made-up addresses cannot fill the
    process's memory."""
    parsed = registration.parse_or_none(number) if number == "".join(number.split()) else None
    if parsed is None:
        return None
    if not enabled():
        return _published_version_now(number, parsed)
    return process_memo.current(("sheet", number), generation(),
                                lambda: _published_version_now(number, parsed))


def _published_version_now(number: str, parsed) -> PublishedSheet | None:
    found = fetch_one(PROJECT_SQL, [parsed.year, parsed.seq])
    if not found or found[3] != number:
        return None
    pk, version, updated_at, _ = found
    if isinstance(updated_at, str):
        updated_at = parse_datetime(updated_at)
    if timezone.is_naive(updated_at):
        updated_at = timezone.make_aware(updated_at, UTC)
    return PublishedSheet(pk, version, updated_at, number)


def project_state(number: str) -> PageState | None:
    """The state of one published sheet: its version."""
    found = published_version(number)
    return None if found is None else PageState((found.pk, found.version), found.updated_at)


@lru_cache(maxsize=1)
def code_digest() -> str:
    """Templates and static file names as deployed (read once per process)."""
    digest = hashlib.sha256()
    folders = [Path(folder) for engine in settings.TEMPLATES for folder in engine.get("DIRS", [])]
    manifest = Path(settings.STATIC_ROOT or ".") / "staticfiles.json"
    for path in sorted(p for folder in folders for p in folder.rglob("*") if p.is_file()):
        stat = path.stat()
        digest.update(f"{path}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    if manifest.is_file():
        digest.update(manifest.read_bytes())
    return digest.hexdigest()[:16]


def page_key(request, view_name: str, state: PageState, args, kwargs) -> str:
    query = sorted(request.GET.lists())
    raw = repr((code_digest(), view_name, args, sorted(kwargs.items()), query, state.parts))
    return "page:" + hashlib.sha256(raw.encode()).hexdigest()


def validators(response, *, etag: str, state: PageState):
    response["ETag"] = etag
    if state.last_modified is not None:
        response["Last-Modified"] = http_date(state.last_modified.timestamp())
    patch_cache_control(response, public=True, no_cache=True)
    return response


def cached_page(state_of):
    """Serve the decorated GET view from the ``pages`` cache under the key ``state_of(request,
    *args, **kwargs)`` gives (None: not cacheable, run the view). Only 200 responses are kept."""

    def decorator(view):
        view_name = f"{view.__module__}.{view.__qualname__}"

        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if request.method not in ("GET", "HEAD") or not enabled():
                return view(request, *args, **kwargs)
            state = state_of(request, *args, **kwargs)
            if state is None:
                return view(request, *args, **kwargs)
            key = page_key(request, view_name, state, args, kwargs)
            etag = f'"{key[-32:]}"'
            last_modified = int(state.last_modified.timestamp()) if state.last_modified else None
            not_modified = get_conditional_response(request, etag=etag,
                                                    last_modified=last_modified)
            if not_modified is not None:
                return validators(not_modified, etag=etag, state=state)
            stored = process_memo.remembered(key, lambda: cache().get(key))
            if stored is not None:
                content, content_type = stored
                return validators(HttpResponse(content, content_type=content_type),
                                  etag=etag, state=state)
            response = view(request, *args, **kwargs)
            if response.status_code != 200 or response.streaming:
                return response
            if hasattr(response, "render") and callable(response.render):
                response = response.render()
            cache().set(key, (response.content, response["Content-Type"]))
            return validators(response, etag=etag, state=state)

        return wrapper

    return decorator


def connect_signals() -> None:
    from ..writing import sheet_written

    sheet_written.connect(renew_generation, dispatch_uid="pages-renew-generation")
