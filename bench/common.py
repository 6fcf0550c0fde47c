"""What the page benchmarks share: Django set up against the benchmark database, and the pages
of the issue's table (register first/deep/last, filtered, searches, sheet, official)."""

import os
import sys
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def ensure_database(url: str) -> None:
    """Create the benchmark database with LC_CTYPE C.UTF-8 (so pg_trgm sees Hangul) if missing."""
    from urllib.parse import urlparse

    import psycopg

    parsed = urlparse(url)
    name = parsed.path.lstrip("/")
    admin = parsed._replace(path="/postgres").geturl()
    with psycopg.connect(admin, autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            conn.execute(
                f'CREATE DATABASE "{name}" TEMPLATE template0 ENCODING \'UTF8\' '
                "LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'"
            )


def setup(*, page_cache: bool = False) -> None:
    """Django against ``DATABASE_URL`` (PostgreSQL), with DEBUG off and, unless ``page_cache``,
    the public page cache switched off so the figures are the database's and the templates'."""
    # Test settings: production-like (DEBUG off) but http, uncollected static files, local caches.
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "policy_registry.test_settings")
    os.environ.setdefault("SECRET_KEY", "bench-only-secret-key-not-for-any-deployment-0123456789")
    os.environ.setdefault("ALLOWED_HOSTS", "testserver,127.0.0.1,localhost")
    os.environ["DEBUG"] = ""  # DEBUG keeps every query in memory and slows everything down
    os.environ["PAGE_CACHE"] = "1" if page_cache else "0"
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        sys.exit("PostgreSQL에서 잽니다: DATABASE_URL=postgres://…/registry_bench 를 지정하세요.")
    import django

    django.setup()


def pages() -> list[tuple[str, str, str]]:
    """(kind, label, url) of every page the issue's table measures, picked from the data."""
    from django.db.models import Count

    from projects.models import Official, PolicyProject
    from timeline.models import PhaseOfficial

    published = PolicyProject.objects.published()
    count = published.count()
    last = (count + 19) // 20
    sample = published.order_by("registration_year", "registration_seq")[count // 2]
    busiest = (PhaseOfficial.objects.filter(phase__project__published_at__isnull=False)
               .values("official").annotate(n=Count("id")).order_by("-n")[0]["official"])
    big = published.annotate(n=Count("phases")).order_by("-n").first()
    return [
        ("page", "register, first page", "/"),
        ("page", "register, page 50", "/?page=50"),
        ("page", f"register, deep page {last // 2}", f"/?page={last // 2}"),
        ("page", f"register, last page {last}", f"/?page={last}"),
        ("page", "filtered (year+department+status)",
         f"/?year=2020&department={sample.department_id}&status=completed"),
        ("page", "filtered (year+criterion)", f"/?year=2020&criterion={sample.selection_criterion_id}"),
        ("page", "search 청년, first page", "/?q=" + quote("청년")),
        ("page", "search 청년, page 50", "/?q=" + quote("청년") + "&page=50"),
        ("page", "search 소통공간, first page", "/?q=" + quote("소통공간")),
        ("page", "search 소통공간, page 50", "/?q=" + quote("소통공간") + "&page=50"),
        ("page", "search 안전 + year", f"/?q={quote('안전')}&year=2019"),
        ("page", "official's page (busiest)", Official.objects.get(pk=busiest).get_absolute_url()),
        ("sheet", f"sheet page {big.registration_number}", big.get_absolute_url()),
    ]
