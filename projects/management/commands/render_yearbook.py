from django.conf import settings
from django.core.management.base import BaseCommand

from projects.models import PolicyProject
from projects.rendering import yearbook


class Command(BaseCommand):
    help = ("연도별 사업내역서 모음 PDF(/years/<연도>.pdf)를 미리 만들어 캐시에 둡니다. 연도를 주지 않으면 "
            "공개된 사업이 있는 모든 연도. 사업이 많은 해는 요청 중에 만들면 오래 걸리므로(300건에 CPU 약 1분) "
            "배포 뒤나 야간에 실행하세요. 예: python manage.py render_yearbook 2023 2024")

    def add_arguments(self, parser):
        parser.add_argument("years", nargs="*", type=int, help="등록연도. 예: 2023")

    def handle(self, *args, years, **options):
        years = years or list(PolicyProject.objects.published().order_by("registration_year")
                              .values_list("registration_year", flat=True).distinct())
        for year in years:
            size = yearbook.year_size(year)
            if size and not yearbook.has_book(size):
                self.stdout.write(f"  {year}년: {size:,}건으로 YEAR_BOOK_MAX_SHEETS"
                                  f"({settings.YEAR_BOOK_MAX_SHEETS:,}건)를 넘어 모음 PDF를 만들지 않습니다.")
                continue
            stamp = yearbook.year_stamp(year)
            if not stamp:
                self.stdout.write(f"  {year}년: 공개된 사업내역서가 없습니다.")
                continue
            body = yearbook.yearbook_pdf(year, stamp=stamp)
            self.stdout.write(f"  {year}년: {len(body) // 1024} KB")
