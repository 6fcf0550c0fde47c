"""E-mail settings come from the environment: EMAIL_URL, else SMTP variables; console when DEBUG."""

import json

from tests.test_deploy import production_env, run

SHOW = ("from django.conf import settings as s; import json; print(json.dumps([s.EMAIL_BACKEND, "
        "s.EMAIL_HOST, s.EMAIL_PORT, s.EMAIL_HOST_USER, s.EMAIL_USE_TLS, s.DEFAULT_FROM_EMAIL]))")


def email_settings(tmp_path, **env):
    result = run(["manage.py", "shell", "-c", SHOW], production_env(tmp_path, **env))
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_email_url_configures_smtp_with_starttls(tmp_path):
    assert email_settings(
        tmp_path, EMAIL_URL="submission://registry%40example.go.kr:pw@smtp.example.go.kr",
        DEFAULT_FROM_EMAIL="정책실명제 <noreply@example.go.kr>",
    ) == ["django.core.mail.backends.smtp.EmailBackend", "smtp.example.go.kr", 587,
          "registry@example.go.kr", True, "정책실명제 <noreply@example.go.kr>"]


def test_without_email_url_the_smtp_variables_are_read(tmp_path):
    assert email_settings(tmp_path, EMAIL_HOST="mail.example.go.kr", EMAIL_PORT="2525",
                          EMAIL_USE_TLS="1")[:5] == [
        "django.core.mail.backends.smtp.EmailBackend", "mail.example.go.kr", 2525, "", True]


def test_debug_without_a_mail_server_prints_mail_to_the_console(tmp_path):
    assert email_settings(tmp_path, DEBUG="1")[0] == "django.core.mail.backends.console.EmailBackend"


def test_a_wrong_email_url_stops_start_up_with_a_korean_message(tmp_path):
    result = run(["manage.py", "check"], production_env(tmp_path, EMAIL_URL="carrier-pigeon://x"))
    assert result.returncode != 0 and "EMAIL_URL의 형식" in result.stderr


def test_check_deploy_stays_clean_with_mail_configured(tmp_path):
    result = run(["manage.py", "check", "--deploy", "--fail-level", "DEBUG"],
                 production_env(tmp_path, BEHIND_PROXY="1", EMAIL_URL="smtp://mail.example.go.kr"))
    assert result.returncode == 0, result.stdout + result.stderr
