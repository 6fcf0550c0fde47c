import os
import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

from projects.demo import demo_load

DEMO_USERNAME = "demo"


class Command(BaseCommand):
    help = "데모 등록부(사업내역서 2023-13과 예시 사업)를 불러옵니다. 여러 번 실행해도 결과는 같습니다."

    def add_arguments(self, parser):
        parser.add_argument(
            "--host", default=os.environ.get("HOST") or "127.0.0.1:8000",
            help="관리자 화면 주소에 쓸 호스트:포트 (make run의 HOST). 예: 127.0.0.1:8311",
        )

    def handle(self, *args, **options):
        for project, created in demo_load():
            state = "추가함" if created else "이미 있음(그대로 둠)"
            self.stdout.write(f"  {project.registration_number} {project.title}: {state}")
        if settings.DEBUG:
            self._demo_account(f"http://{options['host']}/admin/")

    def _demo_account(self, admin_url: str):
        """A staff login for trying the admin on a development machine (never in production)."""
        users = get_user_model()
        if users.objects.filter(username=DEMO_USERNAME).exists():
            self.stdout.write(
                f"관리자 화면 {admin_url}  계정 '{DEMO_USERNAME}'은(는) 이미 있습니다. 비밀번호를 "
                f"잊었다면: DEBUG=1 .venv/bin/python manage.py changepassword {DEMO_USERNAME}"
            )
            return
        password = secrets.token_urlsafe(12)
        users.objects.create_superuser(DEMO_USERNAME, password=password)
        self.stdout.write(self.style.SUCCESS(
            f"관리자 화면 {admin_url}  아이디: {DEMO_USERNAME}  비밀번호: {password}"
        ))
