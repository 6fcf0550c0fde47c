"""The register as data: /projects.csv|.xlsx|.json, /phases.*, /data/datapackage.json."""

import csv
import io
import json
from datetime import date, datetime

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from projects.opendata.datasets import PHASES, PROJECTS
from tests.factories import (
    PhaseFactory,
    PhaseOfficialFactory,
    PolicyProjectFactory,
    ProjectOfficialFactory,
)

pytestmark = pytest.mark.django_db


def download(client, name, fmt, **params):
    response = client.get(reverse("dataset_download", kwargs={"name": name, "fmt": fmt}), params)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"
    return response.getvalue()


def csv_rows(body: bytes) -> list[dict]:
    assert body.startswith("\ufeff".encode())
    return list(csv.DictReader(io.StringIO(body.decode("utf-8-sig"))))


def test_projects_csv_has_bom_korean_titles_and_the_seed_as_written(client, demo):
    rows = csv_rows(download(client, "projects", "csv"))
    assert [row["등록번호"] for row in rows] == ["2025-1", "2024-9", "2024-3", "2023-13", "2022-5"]
    seed = next(row for row in rows if row["등록번호"] == "2023-13")
    assert seed["정책사업명"] == "1인가구도 행복한 중구 조성"
    assert seed["상태"] == "진행중"
    assert seed["사업부서"] == "복지정책과"
    assert seed["선정기준"] == "구정주요현안"
    assert (seed["사업기간 시작"], seed["사업기간 종료"]) == ("2021-07-01", "")
    assert seed["⑥ 담당자"] == "복지정책과장 이춘배 / 담당 행정6급 서민경"
    assert seed["사업내역서 주소"] == "http://testserver/projects/2023-13/"
    assert seed["최초 공개"].endswith("+09:00")


def test_unpublished_project_is_in_no_dataset(client, demo):
    for name in ("projects", "phases"):
        for fmt in ("csv", "json", "xlsx"):
            body = download(client, name, fmt)
            if fmt == "xlsx":
                body = json.dumps([[c for c in row] for row in load_workbook(
                    io.BytesIO(body)).active.iter_rows(values_only=True)], default=str).encode()
            assert b"2025-4" not in body and "음식물류".encode() not in body


def test_downloads_honour_the_register_filters(client, demo):
    rows = csv_rows(download(client, "projects", "csv", year="2024"))
    assert [row["등록번호"] for row in rows] == ["2024-9", "2024-3"]
    rows = json.loads(download(client, "projects", "json", q="1인가구"))
    assert [row["registration_number"] for row in rows] == ["2023-13"]
    phases = csv_rows(download(client, "phases", "csv", q="1인가구"))
    assert {row["등록번호"] for row in phases} == {"2023-13"}
    # an unknown filter value is dropped, as on the register
    assert len(csv_rows(download(client, "projects", "csv", year="abc"))) == 5


def test_projects_json_is_an_array_of_objects_named_by_the_columns(client, demo):
    rows = json.loads(download(client, "projects", "json"))
    seed = next(row for row in rows if row["registration_number"] == "2023-13")
    assert list(seed) == [column.name for column in PROJECTS.columns]
    assert seed["started_on"] == "2021-07-01" and seed["ended_on"] is None
    assert seed["officials"] == "복지정책과장 이춘배 / 담당 행정6급 서민경"


def test_xlsx_has_typed_date_cells_and_a_frozen_header(client, demo):
    book = load_workbook(io.BytesIO(download(client, "projects", "xlsx")))
    sheet = book.active
    assert sheet.freeze_panes == "A2"
    header = [cell.value for cell in sheet[1]]
    assert header == [column.title for column in PROJECTS.columns]
    rows = {row[0]: row for row in sheet.iter_rows(min_row=2, values_only=True)}
    seed = dict(zip(header, rows["2023-13"], strict=True))
    assert seed["정책사업명"] == "1인가구도 행복한 중구 조성"
    assert isinstance(seed["사업기간 시작"], datetime)  # Excel stores dates as date-times
    assert seed["사업기간 시작"].date() == date(2021, 7, 1)
    assert isinstance(seed["최종 수정"], datetime)
    start_cell = sheet.cell(row=2, column=header.index("사업기간 시작") + 1)
    assert start_cell.is_date and start_cell.number_format == "yyyy-mm-dd"


def test_phases_dataset_has_one_row_per_phase_official_in_sheet_order(client, demo):
    rows = [row for row in csv_rows(download(client, "phases", "csv")) if row["등록번호"] == "2023-13"]
    people = [(row["추진단계 순번"], row["성명"], row["직위"]) for row in rows]
    assert people[:4] == [("1", "이수정", "과장"), ("1", "엄태섭", "팀장"),
                          ("1", "손상영", "주무관"), ("1", "김도희", "주무관")]
    assert people[-3:] == [("5", "이춘배", "과장"), ("5", "윤경희", "팀장"), ("5", "서민경", "주무관")]
    last = rows[-1]
    assert (last["추진기간 시작"], last["추진기간 종료"]) == ("2023-07-01", "2023-08-01")
    assert rows[0]["제목"] == "「중구 1인가구 지원 조례」수립 및 성과관리 추진"
    assert rows[0]["관련자 주소"].startswith("http://testserver/officials/")


def published_projects(count):
    projects = PolicyProjectFactory.create_batch(count, published_at=timezone.now())
    for project in projects:
        ProjectOfficialFactory.create_batch(2, project=project)
        for phase in PhaseFactory.create_batch(2, project=project):
            PhaseOfficialFactory.create_batch(2, phase=phase)
    return projects


@pytest.mark.parametrize("name", ["projects", "phases"])
@pytest.mark.parametrize("fmt", ["csv", "json", "xlsx"])
def test_query_count_does_not_grow_with_the_register(client, name, fmt):
    def queries():
        with CaptureQueriesContext(connection) as captured:
            download(client, name, fmt)
        return len(captured)

    published_projects(2)
    few = queries()
    published_projects(6)
    assert queries() == few


def test_datapackage_describes_every_column_with_korean_titles_and_types(client):
    response = client.get(reverse("datapackage"))
    package = response.json()
    resources = {resource["name"]: resource for resource in package["resources"]}
    assert set(resources) == {"projects", "phases"}
    for dataset in (PROJECTS, PHASES):
        resource = resources[dataset.name]
        assert resource["path"].endswith(f"/{dataset.name}.csv")
        fields = resource["schema"]["fields"]
        assert [field["title"] for field in fields] == [column.title for column in dataset.columns]
        assert {field["type"] for field in fields} <= {"string", "integer", "date", "datetime"}
    started = next(f for f in resources["projects"]["schema"]["fields"] if f["name"] == "started_on")
    assert started == {**started, "title": "사업기간 시작", "type": "date"}


def test_register_links_to_the_downloads_with_its_filters(client, demo):
    page = client.get(reverse("register"), {"year": "2024"}).content.decode()
    soup = BeautifulSoup(page, "html.parser")
    links = [a["href"] for a in soup.select(".register-downloads a")]
    assert "/projects.csv?year=2024" in links
    assert "/phases.xlsx?year=2024" in links
    assert reverse("datapackage") in links
    csv_link = next(link for link in links if link.startswith("/projects.csv"))
    assert [row["등록번호"] for row in csv_rows(client.get(csv_link).getvalue())] == ["2024-9", "2024-3"]


def test_a_phase_without_officials_keeps_its_place_in_the_numbering(client, db):
    project = PolicyProjectFactory(registration_number="2024-30", published_at=timezone.now())
    first, empty, third = (PhaseFactory(project=project, order=n) for n in (1, 2, 3))
    PhaseOfficialFactory(phase=first, official__name="가나다")
    PhaseOfficialFactory(phase=third, official__name="라마바")
    rows = csv_rows(download(client, "phases", "csv"))
    assert [(row["추진단계 순번"], row["성명"]) for row in rows] == [("1", "가나다"), ("3", "라마바")]
    assert empty.officials.count() == 0


@pytest.mark.parametrize("name", ["projects", "phases"])
def test_an_xlsx_too_large_for_a_spreadsheet_is_offered_as_csv_or_narrower(
        client, demo, settings, name):
    dataset = PROJECTS if name == "projects" else PHASES
    from projects.models import PolicyProject

    rows = dataset.count(PolicyProject.objects.published())
    assert rows > 2
    settings.EXPORT_XLSX_MAX_ROWS = rows - 1
    url = reverse("dataset_download", kwargs={"name": name, "fmt": "xlsx"})
    response = client.get(url, {"year": "", "q": ""})
    assert response.status_code == 400
    assert "Content-Disposition" not in response
    soup = BeautifulSoup(response.content, "html.parser")
    lead = soup.select_one(".page-lead").get_text(" ", strip=True)
    assert f"{rows:,}행" in lead and f"{rows - 1:,}행까지" in lead
    csv_link = soup.find("a", string="같은 자료를 CSV로 내려받기")["href"]
    assert csv_link == reverse("dataset_download", kwargs={"name": name, "fmt": "csv"}) + "?year=&q="
    assert len(csv_rows(client.get(csv_link).getvalue())) == rows
    settings.EXPORT_XLSX_MAX_ROWS = rows
    assert load_workbook(io.BytesIO(download(client, name, "xlsx"))).active.max_row == rows + 1
