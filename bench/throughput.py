"""Throughput of the public pages under gunicorn, as a share of an "ok" view, in one run.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/registry_bench .venv/bin/python bench/throughput.py

Starts gunicorn (gunicorn.conf.py as in production, 2 sync workers for the 2-core machine, port
8305) with bench/settings.py (the
production file caches in a fresh folder), warms each page once (so it is in the page cache, as
for every visitor after the first), then runs ``wrk`` against the "ok" view and each page in
turn and prints requests per second and each page's share of the "ok" view's.
Targets: sheet page, register and search >= 0.5; cached PDF >= 0.8.
"""

import argparse
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request

from common import pages, setup

PORT = 8305
TARGETS = {"page": 0.5, "sheet": 0.5, "pdf": 0.8}


def wrk(url: str, seconds: int, connections: int) -> float:
    out = subprocess.run(
        ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", url],
        capture_output=True, text=True, check=True,
    ).stdout
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    if errors:
        raise SystemExit(f"{url}: {errors.group(1)}개 응답이 실패했습니다\n{out}")
    return float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=5)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--only", default="",
                        help="measure only the pages whose label contains this text (e.g. PDF)")
    args = parser.parse_args()
    if not shutil.which("wrk"):
        sys.exit("wrk가 없습니다: apt-get install wrk")
    setup(page_cache=True)
    from django.urls import reverse

    from projects.models import PolicyProject

    listed = pages()
    sheet = next(url for kind, _, url in listed if kind == "sheet")
    number = PolicyProject.objects.get(registration_number=sheet.strip("/").split("/")[-1])
    listed.append(("pdf", "cached PDF", reverse("sheet_pdf", args=[number.registration_number])))
    listed = [page for page in listed if args.only in page[1]]

    cache_dir = tempfile.mkdtemp(prefix="throughput-cache-")
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "bench.settings", "REGISTRY_CACHE_DIR": cache_dir,
           "PAGE_CACHE": "1", "DEBUG": "", "ALLOWED_HOSTS": "127.0.0.1,localhost,testserver"}
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py", "-w", "2",
         "-b", f"127.0.0.1:{PORT}", "--access-logfile", "/dev/null", "--error-logfile", "-",
         "--log-level", "warning"],
        cwd=root, env=env, start_new_session=True,
    )
    base = f"http://127.0.0.1:{PORT}"
    try:
        for _ in range(60):
            try:
                urllib.request.urlopen(base + "/bench-ok/", timeout=2)
                break
            except OSError:
                time.sleep(0.5)
        for _, _, url in listed:
            for _ in range(4):  # both workers, and the page cache, have seen it
                urllib.request.urlopen(base + url, timeout=60).read()
        print(f"gunicorn 2 workers, wrk -t2 -c{args.connections} -d{args.seconds}s; each page "
              "against the \"ok\" view measured just before and after it (the machine drifts)")
        print(f"{'page':<40}{'req/s':>8}{'ok req/s':>10}{'share':>8}  target")
        failed = False
        ok_after = wrk(base + "/bench-ok/", args.seconds, args.connections)
        for kind, label, url in listed:
            ok_before = ok_after
            rate = wrk(base + url, args.seconds, args.connections)
            ok_after = wrk(base + "/bench-ok/", args.seconds, args.connections)
            ok = (ok_before + ok_after) / 2
            share, goal = rate / ok, TARGETS[kind]
            failed |= share < goal
            print(f"{label:<40}{rate:>8.0f}{ok:>10.0f}{share:>8.2f}  >= {goal} "
                  f"{'OK' if share >= goal else 'MISSED'}", flush=True)
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
        shutil.rmtree(cache_dir, ignore_errors=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
