import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

from projects.demo import demo_load

DEMO_USERNAME = "demo"


class Command(BaseCommand):
    help = "데모 등록부(사업내역서 2023-13과 예시 사업)를 불러옵니다. 여러 번 실행해도 결과는 같습니다."

    def handle(self, *args, **options):
        for project, created in demo_load():
            state = "추가함" if created else "이미 있음(그대로 둠)"
            self.stdout.write(f"  {project.registration_number} {project.title}: {state}")
        if settings.DEBUG:
            self._demo_account()

    def _demo_account(self):
        """A staff login for trying the admin on a development machine (never in production)."""
        users = get_user_model()
        if users.objects.filter(username=DEMO_USERNAME).exists():
            self.stdout.write(
                f"관리자 계정 '{DEMO_USERNAME}'이(가) 이미 있습니다. 비밀번호를 잊었다면: "
                f"python manage.py changepassword {DEMO_USERNAME}"
            )
            return
        password = secrets.token_urlsafe(12)
        users.objects.create_superuser(DEMO_USERNAME, password=password)
        self.stdout.write(self.style.SUCCESS(
            f"관리자 화면 http://127.0.0.1:8000/admin/  아이디: {DEMO_USERNAME}  비밀번호: {password}"
        ))
