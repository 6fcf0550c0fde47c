"""Send the 국민신청 e-mails still pending and retry the failed ones (safe to run from cron:
overlapping runs skip rows another run is sending)."""

from django.core.management.base import BaseCommand

from projects.applications.notices import send_pending


class Command(BaseCommand):
    help = "보내지 못한 국민신청 안내 메일을 보냅니다(실패한 메일은 정해진 횟수까지 다시 보냅니다)."

    def add_arguments(self, parser):
        parser.add_argument("--max-attempts", type=int, default=None,
                            help="한 메일을 보내 보는 최대 횟수 (기본: APPLICATION_NOTIFICATION_MAX_ATTEMPTS)")

    def handle(self, *args, max_attempts=None, **options):
        counts = send_pending(max_attempts=max_attempts)
        self.stdout.write(f"보냄 {counts['sent']}건, 실패 {counts['failed']}건, "
                          f"다른 실행이 처리 중 {counts['skipped']}건")
