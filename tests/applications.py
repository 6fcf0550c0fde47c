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
