"""Delete applicants' contact details once the retention period of their consent has passed."""

from django.core.management.base import BaseCommand

from projects.applications.services import purge_applicant_contacts


class Command(BaseCommand):
    help = ("결정 후 보유기간(동의서에 적힌 기간)이 지난 국민신청의 성명·전자우편·전화번호를 파기합니다. "
            "가린 성명과 신청·결정 내용은 공개 기록으로 남습니다.")

    def handle(self, *args, **options):
        purged = purge_applicant_contacts()
        self.stdout.write(f"연락처 파기 {len(purged)}건" + (f": {', '.join(purged)}" if purged else ""))
