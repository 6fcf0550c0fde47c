"""What one app server process keeps in its own memory, in front of the shared caches.

The shared caches (a file cache, or Redis for several servers) cost a read, a decompression and
an unpickling per request, and the current version of a sheet costs a round trip to the
database: on a cached page those were most of the request. Two memories in the process save
them, each safe for its own reason:

* :func:`remembered` — values whose key names the version of what they hold (a page's key holds
  the state it shows, a rendering's key the sheet's version and the layout). The value under
  such a key never changes, so a process may keep it as long as it likes; it is bounded by bytes
  (``PROCESS_MEMO_MB``) and the least recently used go first.
* :func:`current` — answers to "what is published now" (a sheet's version, the register's latest
  change). They are kept under the register's *generation*, which the write door renews in the
  shared cache after every committed write (``projects.public.caching``), so the first request
  after a change, in any process of any server, finds a new generation and asks the database
  again. ``PAGE_STATE_SECONDS`` bounds how long an answer is kept even when no renewal comes
  (a write outside the door, or a process that died between its commit and the renewal).
  Inside a transaction it always asks the database: that transaction's own writes are announced
  only when it commits.

Both are per process and thread-safe (gunicorn may run threads); tests clear them with the
shared caches (:func:`clear`).
"""

import threading

from cachetools import LRUCache, TTLCache
from django.conf import settings
from django.db import connection

_lock = threading.Lock()
_immutable: LRUCache | None = None
_current: TTLCache | None = None
_MISSING = object()


def _immutable_store() -> LRUCache:
    global _immutable
    if _immutable is None:
        _immutable = LRUCache(maxsize=settings.PROCESS_MEMO_MB * 1024 * 1024, getsizeof=_size)
    return _immutable


def _current_store() -> TTLCache:
    global _current
    if _current is None:
        _current = TTLCache(maxsize=20_000, ttl=settings.PAGE_STATE_SECONDS)
    return _current


def _size(value) -> int:
    """Bytes a value holds: a body, or a tuple whose first item is the body."""
    body = value[0] if isinstance(value, tuple) else value
    return len(body) if isinstance(body, bytes | str) else 1


def remembered(key: str, load):
    """The value under ``key`` (a key naming a version: its value never changes), from this
    process if it has it, else ``load()`` (None: nothing to keep) kept here for next time."""
    store = _immutable_store()
    with _lock:
        found = store.get(key, _MISSING)
    if found is not _MISSING:
        return found
    value = load()
    if value is not None and _size(value) <= store.maxsize // 8:  # one value never fills it
        with _lock:
            store[key] = value
    return value


def current(key: tuple, generation: str, load):
    """``load()`` (what is published now) as of ``generation``: asked again once the
    generation is renewed, or after ``PAGE_STATE_SECONDS`` at the latest."""
    if connection.in_atomic_block:
        # Inside a transaction the database may hold this transaction's own writes, which no
        # generation announces until the commit: ask the database (tests run this way).
        return load()
    store = _current_store()
    entry = (key, generation)
    with _lock:
        found = store.get(entry, _MISSING)
    if found is not _MISSING:
        return found
    value = load()
    with _lock:
        store[entry] = value
    return value


def clear() -> None:
    """Forget everything (tests, where databases roll back and versions repeat)."""
    global _immutable, _current
    with _lock:
        _immutable = _current = None
