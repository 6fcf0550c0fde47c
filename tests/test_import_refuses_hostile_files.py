"""A file built to keep a worker busy (a 2 MB HTML page of ~330,000 nested <div>s, or flat
floods of elements) is refused by the parse-work bound with a Korean message, before any tree
is built; sizes and missing files are reported honestly, in Korean."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command

from projects.importer import source
from projects.importer.services import MAX_SHEET_BYTES, SheetImportError, sheet_parse
from projects.models import PolicyProject

pytestmark = pytest.mark.django_db

URL = "/admin/projects/policyproject/import/"


def nested_divs() -> bytes:
    """~330,000 nested <div>s, just under the 2 MB limit."""
    data = b"<html><body><table><tr><td>" + b"<div>\n" * 330_000 + b"x"
    assert 1_900_000 < len(data) <= MAX_SHEET_BYTES
    return data


def flat_elements() -> bytes:
    return b"<html><body>" + b"<b>x</b>" * 200_000 + b"</body></html>"


@pytest.fixture
def no_tree_is_built(monkeypatch):
    """The refusal comes from the bound: the HTML parser is never asked to build the tree."""
    def refuse(*args, **kwargs):
        raise AssertionError("the hostile file reached BeautifulSoup")
    monkeypatch.setattr(source, "BeautifulSoup", refuse)


def test_deeply_nested_html_is_refused_naming_the_bound(no_tree_is_built):
    with pytest.raises(SheetImportError) as error:
        sheet_parse(source=nested_divs(), filename="hostile.html")
    assert f"HTML 요소가 너무 깊게 겹쳐 있습니다(최대 {source.MAX_DEPTH}단계)" in str(error.value)


def test_a_flood_of_elements_is_refused_naming_the_bound(no_tree_is_built):
    with pytest.raises(SheetImportError) as error:
        sheet_parse(source=flat_elements(), filename="hostile.html")
    assert f"HTML 요소가 너무 많습니다(최대 {source.MAX_ELEMENTS:,}개)" in str(error.value)


def test_the_admin_upload_answers_the_hostile_file_with_the_message(admin_client, no_tree_is_built):
    response = admin_client.post(URL, {"file": SimpleUploadedFile("hostile.html", nested_divs())})
    assert response.status_code == 200
    assert "HTML 요소가 너무 깊게 겹쳐 있습니다" in response.content.decode()
    assert not PolicyProject.objects.exists()


def test_a_5_mb_file_is_said_to_be_over_the_2_mb_limit(admin_client):
    response = admin_client.post(URL, {"file": SimpleUploadedFile("big.md", b"|" * (5 * 1024 * 1024))})
    page = response.content.decode()
    assert "파일이 2MB를 넘습니다" in page and "2.0MB" not in page


def test_a_missing_file_is_reported_in_korean(tmp_path, capsys):
    with pytest.raises(CommandError):
        call_command("import_sheet", str(tmp_path / "없는파일.md"))
    err = capsys.readouterr().err
    assert "파일이 없습니다. 경로와 파일 이름을 확인하세요." in err
    assert "No such file" not in err and "Errno" not in err
