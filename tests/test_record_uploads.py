"""A 관련 자료 file is judged by its bytes: real documents pass, disguised ones are refused in Korean."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from projects.uploads import check_document_file
from tests import files


def upload(name: str, data: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data)


@pytest.mark.parametrize(("name", "data", "key"), [
    ("방침.pdf", files.pdf_bytes(), "pdf"),
    ("계획서.hwp", files.hwp_bytes(), "hwp"),
    ("계획서.hwpx", files.hwpx_bytes(), "hwpx"),
    ("보고서.docx", files.docx_bytes(), "docx"),
    ("보고서.odt", files.odt_bytes(), "odt"),
    ("사진.png", files.image_bytes("png"), "png"),
    ("사진.JPG", files.image_bytes("jpeg"), "jpeg"),
    ("사진.gif", files.image_bytes("gif"), "gif"),
])
def test_real_documents_pass_with_the_type_their_content_has(name, data, key):
    file_type = check_document_file(upload(name, data))
    assert file_type.key == key


def refusal(name: str, data: bytes) -> str:
    with pytest.raises(ValidationError) as error:
        check_document_file(upload(name, data))
    return " ".join(error.value.messages)


def test_an_exe_renamed_pdf_is_refused_as_an_executable():
    message = refusal("방침.pdf", b"MZ\x90\x00\x03\x00\x00\x00" + b"\0" * 200)
    assert "실행 파일" in message and "내용으로 확인합니다" in message


@pytest.mark.parametrize("data", [
    b"<!DOCTYPE html><html><script>alert(1)</script></html>",
    b"\xef\xbb\xbf  <html><body>hi</body></html>",
    b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script/></svg>',
])
def test_html_and_svg_are_refused_whatever_their_name(data):
    assert "HTML·SVG·XML 문서" in refusal("보고서.pdf", data)


def test_a_plain_zip_renamed_docx_is_refused():
    message = refusal("보고서.docx", files.zip_bytes({"readme.txt": b"not a document"}))
    assert "일반 압축(ZIP) 파일" in message


def test_an_ole2_file_that_is_not_hwp_is_refused():
    assert "허용된 형식이 아닙니다" in refusal("계획서.hwp", files.doc_bytes())


def test_a_file_over_the_limit_is_refused_with_its_size(settings):
    settings.DOCUMENT_MAX_BYTES = 20 * 1024 * 1024
    big = upload("큰자료.pdf", b"")
    big.size = 50 * 1024 * 1024  # the check reads the size before any byte
    with pytest.raises(ValidationError) as error:
        check_document_file(big)
    assert error.value.messages == [
        "파일이 너무 큽니다(50.0MB). 20MB 이하의 파일만 올릴 수 있습니다. 큰 자료는 정보공개 포털 등에 "
        "올리고 주소를 적으세요."]


def test_an_empty_file_and_a_wrong_extension_are_explained():
    assert "빈 파일" in refusal("빈.pdf", b"")
    assert "내용은 PDF 파일인데 이름의 확장자는 .hwp입니다" in refusal("방침.hwp", files.pdf_bytes())
