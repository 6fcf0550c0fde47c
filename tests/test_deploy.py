"""Production settings: check --deploy is clean, CSP on every page and pages still work, login throttled."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.contrib.auth.models import User
from django.urls import reverse

from tests.staff import change_url

ROOT = Path(__file__).resolve().parent.parent


def production_env(tmp_path, **extra) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "DJANGO_SETTINGS_MODULE"}}
    env.update(
        DJANGO_SETTINGS_MODULE="policy_registry.settings",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="policy.example.go.kr",
        DATABASE_URL=f"sqlite:///{tmp_path / 'prod.sqlite3'}",
        **extra,
    )
    return env


def run(args, env):
    return subprocess.run(
        [sys.executable, *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
    )


def test_check_deploy_is_clean_with_production_variables(tmp_path):
    result = run(["manage.py", "check", "--deploy", "--fail-level", "DEBUG"],
                 production_env(tmp_path, BEHIND_PROXY="1"))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_proxy_header_is_trusted_only_behind_a_proxy(tmp_path):
    code = ("import django; django.setup(); from django.conf import settings as s; "
            "print(getattr(s, 'SECURE_PROXY_SSL_HEADER', None), s.SECURE_SSL_REDIRECT, s.SESSION_COOKIE_SECURE)")
    direct = run(["-c", code], production_env(tmp_path)).stdout.split()
    proxied = run(["-c", code], production_env(tmp_path, BEHIND_PROXY="1")).stdout.strip()
    assert direct == ["None", "True", "True"]
    assert proxied.startswith("('HTTP_X_FORWARDED_PROTO', 'https')")


# LOG_LEVEL=warning: written in lower case, as people do; it must boot as WARNING would
@pytest.mark.parametrize("extra", [{}, {"LOG_LEVEL": "warning"}], ids=["defaults", "log_level_lower"])
def test_gunicorn_configuration_loads_the_application(tmp_path, extra):
    gunicorn = Path(sys.executable).parent / "gunicorn"
    result = subprocess.run(
        [str(gunicorn), "--check-config", "-c", "gunicorn.conf.py"], cwd=ROOT,
        env=production_env(tmp_path, **extra), capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_whitenoise_serves_static_files_before_anything_else():
    middleware = settings.MIDDLEWARE
    assert middleware.index("whitenoise.middleware.WhiteNoiseMiddleware") == 1


# --- Content-Security-Policy ------------------------------------------------------------------

def csp_of(response) -> str:
    header = response.headers.get("Content-Security-Policy", "")
    assert header, "no Content-Security-Policy header"
    return header


def inline_code(html: str) -> list[str]:
    """Scripts and styles a CSP without 'unsafe-inline' would block."""
    soup = BeautifulSoup(html, "html.parser")
    found = [f"<script> {s.text[:60]!r}" for s in soup.find_all("script") if not s.get("src")
             and s.get("type") != "application/json"]
    found += [f"style= on <{tag.name}>" for tag in soup.find_all(style=True)]
    found += [f"on* handler on <{tag.name}>" for tag in soup.find_all(
        lambda t: any(attr.startswith("on") for attr in t.attrs))]
    found += [f"<style> {s.text[:60]!r}" for s in soup.find_all("style")]
    return found


@pytest.mark.django_db
def test_public_pages_carry_a_csp_without_unsafe_inline(client, seed_project):
    history = client.get(reverse("sheet_history", args=["2023-13"]))
    revision_id = history.context["revisions"][0].revision_id
    pages = [history, client.get(reverse("sheet_revision", args=["2023-13", revision_id]))]
    for response in pages:
        assert response.status_code == 200
        policy = csp_of(response)
        assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
        assert "script-src 'self'" in policy
        assert inline_code(response.content.decode()) == []


@pytest.mark.django_db
def test_admin_pages_work_under_the_csp(admin_client, seed_project):
    """Every admin page staff use has no inline code the CSP would block (scripts are files)."""
    from reversion.models import Version

    version = Version.objects.get_for_object(seed_project).first()
    urls = [
        reverse("admin:index"),
        reverse("admin:projects_policyproject_changelist"),
        change_url(seed_project),
        reverse("admin:projects_policyproject_add"),
        reverse("admin:projects_policyproject_history", args=[seed_project.pk]),
        reverse("admin:projects_policyproject_revision", args=[seed_project.pk, version.pk]),
        reverse("admin:projects_department_change", args=[seed_project.department_id]),
        reverse("admin:projects_official_changelist"),
    ]
    for url in urls:
        response = admin_client.get(url)
        assert response.status_code == 200, url
        assert "unsafe-inline" not in csp_of(response)
        assert inline_code(response.content.decode()) == [], url


# --- login throttling -------------------------------------------------------------------------

@pytest.mark.django_db
def test_admin_login_is_locked_after_repeated_failures(client):
    User.objects.create_user("clerk", password="correct-horse-battery", is_staff=True)
    url = reverse("admin:login")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(url, {"username": "clerk", "password": "wrong"})
    response = client.post(url, {"username": "clerk", "password": "correct-horse-battery"})
    assert response.status_code == 429
    page = response.content.decode()
    assert "로그인이 잠시 잠겼습니다" in page and "1시간 동안 막았습니다" in page
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_a_correct_login_before_the_limit_succeeds(client):
    User.objects.create_user("clerk", password="correct-horse-battery", is_staff=True)
    url = reverse("admin:login")
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        client.post(url, {"username": "clerk", "password": "wrong"})
    response = client.post(url, {"username": "clerk", "password": "correct-horse-battery"})
    assert response.status_code == 302


@pytest.mark.django_db
def test_login_without_a_request_is_left_to_the_model_backend(client):
    """The shell and the test client authenticate without a request: nothing to throttle."""
    User.objects.create_user("clerk", password="correct-horse-battery", is_staff=True)
    assert client.login(username="clerk", password="wrong") is False
    assert client.login(username="clerk", password="correct-horse-battery") is True
