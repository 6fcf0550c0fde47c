"""What a citizen submits on /apply/, and applications made through the service for tests."""

from projects.applications.services import application_submit

FORM = {
    "applicant_name": "홍길동",
    "applicant_email": "hong@example.com",
    "applicant_phone": "010-1234-5678",
    "policy_title": "중구 공공자전거 확충",
    "reason": "예산 규모가 크고 주민 생활에 영향이 커서 누가 결정했는지 알고 싶습니다.",
    "consent": "on",
}


def submitted(**changes):
    """An application as if submitted through the form (cleaned data), via the service."""
    data = {**FORM, "consent": True, "department": None, "project": None, **changes}
    return application_submit(data=data, client_address="127.0.0.1")


class RefusingBackend:
    """An e-mail backend whose server is down: every send raises, as smtplib would."""

    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        import smtplib

        raise smtplib.SMTPServerDisconnected("메일 서버에 연결할 수 없습니다(시험)")


def change_url(application) -> str:
    from django.urls import reverse

    return reverse("admin:projects_application_change", args=[application.pk])


def review(client, application, **fields):
    """Post the application's admin change form as a reviewer would, with ``fields`` changed."""
    from tests.conftest import form_data

    page = client.get(change_url(application))
    assert page.status_code == 200
    data = form_data(page.content.decode(), "application_form")
    data.update({name: [value] for name, value in fields.items()})
    data["_save"] = ["저장"]
    return client.post(change_url(application), data)
