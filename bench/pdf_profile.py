"""Where the first render of a long sheet's PDF goes: CPU seconds and a profile.

    .venv/bin/python bench/pdf_profile.py [--phases 60] [--runs 5] [--profile]

Renders the sheet of a project with ``--phases`` phases (tests/sheet_builders.py) in a throwaway
SQLite database, warm (fonts and stylesheets loaded), and prints the median CPU seconds of
``render_sheet_pdf`` (this process's CPU time, so other work on the machine skews it little);
``--profile`` adds the functions that cost the most (cProfile). Target: 60 phases <= 0.6 s.
"""

import argparse
import cProfile
import os
import pstats
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "policy_registry.test_settings")
os.environ.pop("DEBUG", None)
os.environ.pop("DATABASE_URL", None)

import django  # noqa: E402

django.setup()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--phases", type=int, default=60)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--out", help="write the PDF here (to compare pages as PNGs)")
    args = parser.parse_args()
    from django.db import connection
    from django.test.utils import setup_test_environment

    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0, keepdb=False)
    try:
        from projects.models import PolicyProject
        from projects.rendering import pdf
        from projects.rendering.sheet import sheet_from_project
        from tests.sheet_builders import project_with_phases

        project = project_with_phases(args.phases)
        sheet = sheet_from_project(PolicyProject.objects.for_sheet().get(pk=project.pk))
        body = pdf.render_sheet_pdf(sheet=sheet)  # warm: fonts, stylesheets, templates
        if args.out:
            Path(args.out).write_bytes(body)
        times = []
        for _ in range(args.runs):
            start = time.process_time()
            pdf.render_sheet_pdf(sheet=sheet)
            times.append(time.process_time() - start)
        print(f"{args.phases} phases: first render {statistics.median(times):.3f} s CPU "
              f"(median of {args.runs}; min {min(times):.3f}), {len(body) / 1024:.0f} KB; "
              f"load average {os.getloadavg()[0]:.1f}")
        if args.profile:
            profile = cProfile.Profile()
            profile.runcall(pdf.render_sheet_pdf, sheet=sheet)
            pstats.Stats(profile).sort_stats("cumulative").print_stats(40)
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
    return 0


if __name__ == "__main__":
    sys.exit(main())
