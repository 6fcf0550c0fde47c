"""The read-only API under /api/: published data only, the sheet as structured data, ETag,
throttling, CORS, the OpenAPI schema and its documentation page."""

import json
from urllib.parse import quote

import pytest
from bs4 import BeautifulSoup
from django.contrib.staticfiles import finders
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openapi_spec_validator import validate

from projects.models import Department, SelectionCriterion
from tests.factories import (
    DocumentFactory,
    MeetingAttendeeFactory,
    MeetingFactory,
    MeetingRemarkFactory,
    OpinionFactory,
    PhaseFactory,
    PhaseItemFactory,
    PhaseOfficialFactory,
    PolicyProjectFactory,
    ProjectOfficialFactory,
)
from tests.writes import edit_sheet

pytestmark = pytest.mark.django_db


def get_json(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200, response.content[:300]
    return response.json()


def numbers(body) -> list[str]:
    return [row["registration_number"] for row in body["results"]]


def test_project_list_is_the_published_register_newest_first(client, demo):
    body = get_json(client, reverse("api-project-list"))
    assert body["count"] == 5
    assert numbers(body) == ["2025-1", "2024-9", "2024-3", "2023-13", "2022-5"]
    seed = body["results"][3]
    assert seed["title"] == "1인가구도 행복한 중구 조성"
    assert seed["status_display"] == "진행중" and seed["department"]["name"] == "복지정책과"
    assert seed["sheet"] == "http://testserver/projects/2023-13/"


def test_project_list_takes_the_register_filters_and_pages(client, demo):
    url = reverse("api-project-list")
    assert numbers(get_json(client, url, year=2024)) == ["2024-9", "2024-3"]
    assert numbers(get_json(client, url, q="1인가구")) == ["2023-13"]
    welfare = Department.objects.get(name="복지정책과").pk
    assert numbers(get_json(client, url, department=welfare)) == ["2023-13"]
    page = get_json(client, url, page_size=2, page=2)
    assert numbers(page) == ["2024-3", "2023-13"] and page["next"] and page["previous"]
    assert numbers(get_json(client, url, year="abc")) == numbers(get_json(client, url))


def test_unpublished_project_is_absent_and_its_detail_is_404(client, demo):
    assert "2025-4" not in numbers(get_json(client, reverse("api-project-list"), page_size=100))
    assert client.get(reverse("api-project-detail", args=["2025-4"])).status_code == 404
    assert client.get(reverse("api-project-detail", args=["2023-XX"])).status_code == 404


def test_detail_is_the_whole_sheet_as_structured_data(client, demo):
    sheet = get_json(client, reverse("api-project-detail", args=["2023-13"]))
    assert sheet["registration_number"] == "2023-13"
    assert sheet["background"] == "급속한 1인가구 증가로 대상별 특성을 고려한 맞춤형 대응 필요"
    assert sheet["outline"][:3] == [
        {"level": 0, "text": "추진목표"},
        {"level": 1, "text": "'1인가구도 행복한 중구 조성'을 위한 복지인프라 조성"},
        {"level": 0, "text": "추진내용"},
    ]
    assert [(o["role_label"], o["official"]["name"]) for o in sheet["officials"]] == [
        ("복지정책과장", "이춘배"), ("담당 행정6급", "서민경")]
    assert len(sheet["phases"]) == 5
    first, last = sheet["phases"][0], sheet["phases"][-1]
    assert first["heading"] == "「중구 1인가구 지원 조례」수립 및 성과관리 추진"
    assert first["period"] == "'21. 8. ~ '21. 10."
    assert first["items"][0] == {"level": 1, "text": "중구 1인가구 지원대책 추진방향 방침수립"}
    assert [(p["official"]["name"], p["position"]) for p in last["officials"]] == [
        ("이춘배", "과장"), ("윤경희", "팀장"), ("서민경", "주무관")]
    assert last["items"] == [] and last["heading"] == ""
    texts = [item["text"] for phase in sheet["phases"] for item in phase["items"]]
    assert "1인가구 소통공간 <놀다가> 개소 및 운영 : '23. 1. 28." in texts  # text, not HTML


def test_detail_holds_the_records_of_each_phase_and_the_projects_documents(client, db):
    project = sheet_with(1)
    phase = project.phases.get()
    outsider = MeetingAttendeeFactory(meeting=phase.meetings.get(), official=None, name="김민수",
                                      affiliation="1인가구 정책지원단", role="위원")
    closed = DocumentFactory(project=project, title="비공개 <검토> 자료", disclosure="closed",
                             ground="5")
    sheet = get_json(client, reverse("api-project-detail", args=[project.registration_number]))
    record = sheet["phases"][0]
    assert record["opinions"][0]["text"] == phase.opinions.get().text
    assert record["opinions"][0]["kind"] == "찬성"
    meeting = record["meetings"][0]
    assert meeting["decision"] == "원안대로 추진" and len(meeting["remarks"]) == 1
    assert {"name": "김민수", "affiliation": "1인가구 정책지원단", "role": "위원",
            "official": None} in meeting["attendees"]
    assert meeting["page"].startswith("http://testserver/projects/")
    documents = {document["title"]: document for document in sheet["documents"]}
    assert documents[closed.title]["disclosure_display"] == "비공개"
    assert documents[closed.title]["download"] is None  # listed, never served
    assert outsider.pk


def test_detail_sends_an_etag_by_version_and_304_until_the_sheet_changes(client, seed_project):
    url = reverse("api-project-detail", args=["2023-13"])
    first = client.get(url)
    etag = first["ETag"]
    assert client.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 304
    edit_sheet(seed_project, comment="추진배경 수정")
    changed = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200 and changed["ETag"] != etag
    assert changed.json()["background"] == seed_project.background


def sheet_with(phases: int):
    project = PolicyProjectFactory(published_at=timezone.now())
    ProjectOfficialFactory.create_batch(2, project=project)
    for phase in PhaseFactory.create_batch(phases, project=project):
        PhaseItemFactory.create_batch(2, phase=phase)
        PhaseOfficialFactory.create_batch(2, phase=phase)
        OpinionFactory(phase=phase)
        meeting = MeetingFactory(phase=phase)
        MeetingAttendeeFactory.create_batch(2, meeting=meeting)
        MeetingRemarkFactory(meeting=meeting)
        DocumentFactory(project=project, phase=phase)
    return project


def count_queries(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_query_counts_do_not_grow_with_the_data(client, db):
    small, big = sheet_with(1), sheet_with(8)
    detail = [count_queries(client, reverse("api-project-detail", args=[p.registration_number]))
              for p in (small, big)]
    assert detail[0] == detail[1]
    listing = count_queries(client, reverse("api-project-list"))
    PolicyProjectFactory.create_batch(5, published_at=timezone.now())
    assert count_queries(client, reverse("api-project-list")) == listing


def test_officials_departments_and_criteria(client, demo):
    officials = get_json(client, reverse("api-official-list"), page_size=100)["results"]
    names = {official["name"] for official in officials}
    assert {"이춘배", "서민경", "이수정"} <= names
    lee = next(o for o in officials if o["name"] == "이춘배")
    record = get_json(client, lee["url"])
    assert record["records"][0]["project"]["registration_number"] == "2023-13"
    assert record["records"][0]["role_labels"] == ["복지정책과장"]
    departments = get_json(client, reverse("api-department-list"))
    welfare = next(d for d in departments if d["name"] == "복지정책과")
    assert welfare["published_projects"] == 1
    criteria = get_json(client, reverse("api-criterion-list"))
    assert [c["short_name"] for c in criteria] == list(
        SelectionCriterion.objects.values_list("short_name", flat=True))


def test_an_official_only_on_a_draft_has_no_api_record(client, db):
    draft = PolicyProjectFactory()
    hidden = ProjectOfficialFactory(project=draft).official
    assert client.get(reverse("api-official-detail", args=[hidden.pk])).status_code == 404
    names = [o["name"] for o in get_json(client, reverse("api-official-list"))["results"]]
    assert hidden.name not in names


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_the_api_only_reads(client, demo, method):
    for url in (reverse("api-project-list"), reverse("api-project-detail", args=["2023-13"])):
        response = getattr(client, method)(url, data="{}", content_type="application/json")
        assert response.status_code in (403, 405)
    assert get_json(client, reverse("api-project-detail", args=["2023-13"]))["title"]


def test_anonymous_clients_are_throttled(client, db, settings):
    settings.API_ANON_RATE = "3/minute"
    statuses = [client.get(reverse("api-criterion-list")).status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]


def test_cors_lets_other_sites_read_the_api_and_nothing_else(client, demo):
    origin = {"HTTP_ORIGIN": "https://news.example"}
    response = client.get(reverse("api-project-list"), **origin)
    assert response["Access-Control-Allow-Origin"] == "*"
    preflight = client.options(reverse("api-project-list"), HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
                               **origin)
    assert "POST" not in preflight["Access-Control-Allow-Methods"]
    assert "Access-Control-Allow-Origin" not in client.get(reverse("register"), **origin)


def openapi_schema(client) -> dict:
    response = client.get(reverse("api-schema"), {"format": "json"})
    assert response.status_code == 200
    return json.loads(response.content)


def test_the_schema_is_valid_openapi_3_and_describes_every_endpoint(client, db):
    schema = openapi_schema(client)
    validate(schema)
    assert schema["openapi"].startswith("3.")
    assert {"/api/projects/", "/api/projects/{number}/", "/api/officials/", "/api/officials/{id}/",
            "/api/departments/", "/api/criteria/"} <= set(schema["paths"])
    parameters = {p["name"] for p in schema["paths"]["/api/projects/"]["get"]["parameters"]}
    assert {"q", "year", "department", "criterion", "status", "page"} <= parameters


def test_docs_page_uses_our_own_static_files_and_passes_the_csp(client, db):
    response = client.get(reverse("api-docs"))
    assert response.status_code == 200
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    soup = BeautifulSoup(response.content, "html.parser")
    assert not soup.find("style") and not soup.select("[style]")
    scripts = [tag["src"] for tag in soup.find_all("script")]
    assert scripts and all(tag.get("src") for tag in soup.find_all("script"))  # none inline
    for url in [*scripts, *(link["href"] for link in soup.find_all("link"))]:
        assert url.startswith("/static/")
        assert finders.find(url.removeprefix("/static/")), url
    schema_url = soup.find(id="swagger-ui")["data-schema-url"]
    assert client.get(schema_url).status_code == 200


# --- property test: no value of any documented parameter makes a 500 -----------------------

@pytest.fixture
def api_schema(client, db) -> dict:
    """The schema, read once for all the examples of a test (it is the same for each)."""
    return openapi_schema(client)


text = st.one_of(st.text(max_size=30), st.integers(-10**12, 10**12).map(str),
                 st.sampled_from(["2023-13", "2024-5", "0", "-1", "", "%00", "1e9", "２０２３"]))


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_no_parameter_value_makes_a_server_error(client, demo, data, api_schema):
    schema = api_schema
    with override_settings(API_ANON_RATE="100000/minute"):
        path = data.draw(st.sampled_from(sorted(schema["paths"])))
        operation = schema["paths"][path]["get"]
        url, params = path, {}
        for parameter in operation.get("parameters", []):
            if parameter["in"] == "path":
                url = url.replace("{" + parameter["name"] + "}",
                                  quote(data.draw(text, parameter["name"]), safe="") or "x")
            elif data.draw(st.booleans()):
                params[parameter["name"]] = data.draw(text, parameter["name"])
        response = client.get(url, params)
        assert response.status_code < 500, (url, params)


def test_an_officials_record_holds_their_opinions_and_meetings(client, db):
    project = sheet_with(1)
    phase = project.phases.get()
    opinion = phase.opinions.get()
    attendee = phase.meetings.get().attendees.first()
    said = get_json(client, reverse("api-official-detail", args=[opinion.official_id]))
    assert [o["text"] for o in said["opinions"]] == [opinion.text]
    assert said["opinions"][0]["project"]["registration_number"] == project.registration_number
    sat = get_json(client, reverse("api-official-detail", args=[attendee.official_id]))
    assert [m["name"] for m in sat["meetings"]] == [phase.meetings.get().name]


def test_the_throttle_holds_whichever_worker_answers(client, db, settings):
    from django.core.cache import caches

    settings.API_ANON_RATE = "1/minute"
    assert client.get(reverse("api-criterion-list")).status_code == 200
    caches["default"].clear()  # another worker's own memory
    assert client.get(reverse("api-criterion-list")).status_code == 429
    caches["limits"].clear()
    assert client.get(reverse("api-criterion-list")).status_code == 200
