"""A sheet that was withdrawn, or never published, is in no public output: not the register or
its exports, the API, a feed, the sitemap, a year's page or book, an official's page, the
history, a meeting page or a document download — also after those were served (and cached)
while it was public. Its officials named nowhere else have no public page, feed or API record."""

import io
import json

import pytest
from django.core.files.base import ContentFile
from pypdf import PdfReader

from projects.publication import publish, withdraw
from tests import files
from tests.factories import (
    DepartmentFactory,
    DocumentFactory,
    MeetingAttendeeFactory,
    MeetingFactory,
    OfficialFactory,
    OpinionFactory,
    PhaseFactory,
    PhaseOfficialFactory,
    PolicyProjectFactory,
    ProjectOfficialFactory,
)

pytestmark = pytest.mark.django_db

SECRET_TITLE = "철회될 비밀사업"
SECRET_OFFICIAL = "철회사업만의담당자"


def sheet(number, title, department, official=None):
    project = PolicyProjectFactory(registration_number=number, title=title, department=department)
    phase = PhaseFactory(project=project, heading=f"{title} 단계")
    if official is not None:
        ProjectOfficialFactory(project=project, official=official)
        PhaseOfficialFactory(phase=phase, official=official)
        OpinionFactory(phase=phase, official=official, text=f"{title} 의견")
        MeetingAttendeeFactory(meeting=MeetingFactory(phase=phase, name=f"{title} 회의"),
                               official=official)
    DocumentFactory(project=project, url="", title=f"{title} 자료", file_type="pdf",
                    file=ContentFile(files.pdf_bytes(), name="plan.pdf"))
    return project


@pytest.fixture
def register():
    department = DepartmentFactory(name="복지정책과")
    secret_official = OfficialFactory(name=SECRET_OFFICIAL, department=department)
    public = sheet("2024-1", "공개된 사업", department, OfficialFactory(department=department))
    withdrawn = sheet("2024-2", SECRET_TITLE, department, secret_official)
    draft = sheet("2024-3", "초안 사업", department, secret_official)
    for project in (public, withdrawn):
        publish(project=project, user=None)
    named = public.project_officials.get().official  # public, and also heard on the hidden sheets
    for hidden in (withdrawn, draft):
        phase = hidden.phases.get()
        OpinionFactory(phase=phase, official=named, text=f"{hidden.title} 의견")
        MeetingAttendeeFactory(meeting=phase.meetings.get(), official=named)
    return {"public": public, "withdrawn": withdrawn, "draft": draft,
            "official": secret_official, "department": department}


def outputs(register) -> dict[str, str]:
    department = register["department"].pk
    named = register["public"].project_officials.get().official_id
    return {
        url: url for url in (
            "/", "/?q=비밀사업", "/?year=2024", "/projects.csv", "/projects.json", "/phases.csv",
            "/phases.json", "/api/projects/", "/api/projects/?q=비밀사업", "/api/officials/",
            f"/api/departments/{department}/", "/feeds/projects/", f"/feeds/departments/{department}/",
            "/sitemap.xml", "/sitemap-sheets.xml", "/sitemap-officials.xml", "/years/2024/",
            "/years/2024.pdf", f"/officials/{named}/", f"/api/officials/{named}/",
            f"/feeds/officials/{named}/",
        )
    }


def text_of(response) -> str:
    body = b"".join(response.streaming_content) if response.streaming else response.content
    if response["Content-Type"] == "application/pdf":
        return "".join(page.extract_text() for page in PdfReader(io.BytesIO(body)).pages)
    if response["Content-Type"].startswith("application/json"):
        return json.dumps(json.loads(body), ensure_ascii=False)
    return body.decode("utf-8-sig")


def test_withdrawn_and_draft_sheets_are_in_no_output_even_after_being_cached(client, register,
                                                                             django_capture_on_commit_callbacks):
    for url in outputs(register):  # served (and cached) while 2024-2 is public
        assert client.get(url).status_code == 200, url
    assert SECRET_TITLE in text_of(client.get("/projects.csv"))  # the check below can fail
    with django_capture_on_commit_callbacks(execute=True):
        withdraw(project=register["withdrawn"], user=None, reason="시험")
    for url in outputs(register):
        response = client.get(url)
        assert response.status_code == 200, url
        text = text_of(response)
        if not url.startswith(("/api/departments/", "/api/officials/", "/sitemap")) and "q=" not in url:
            assert "공개된 사업" in text, url  # the page still answers with the public sheet
        for hidden in (SECRET_TITLE, "초안 사업", "2024-2", "2024-3", SECRET_OFFICIAL):
            assert hidden not in text, (url, hidden)


def test_their_own_addresses_are_gone(client, register, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        withdraw(project=register["withdrawn"], user=None, reason="시험")
    official = register["official"]
    for project in (register["withdrawn"], register["draft"]):
        number = project.registration_number
        meeting = project.phases.get().meetings.get()
        document = project.documents.get()
        for url in (f"/projects/{number}/", f"/projects/{number}.pdf", f"/projects/{number}.hwpx",
                    f"/projects/{number}/history/", f"/projects/{number}/meetings/{meeting.pk}/",
                    f"/projects/{number}/documents/{document.pk}/", f"/api/projects/{number}/"):
            assert client.get(url).status_code == 404, url
    for url in (f"/officials/{official.pk}/", f"/feeds/officials/{official.pk}/",
                f"/api/officials/{official.pk}/"):
        assert client.get(url).status_code == 404, url
