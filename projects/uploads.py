"""What a 관련 자료 file is, read from its content — never from its name.

A document file is served to citizens, so a file that is not what it claims (an ``.exe`` renamed
``.pdf``, an HTML page that a browser would run, a plain ZIP renamed ``.docx``) must never be
stored. The type is decided by the bytes:

- PDF, PNG, JPEG, GIF by their signatures;
- HWP (5.x) is an OLE2 container: it must hold a ``FileHeader`` stream that starts with
  ``HWP Document File`` (read with ``olefile``), so a ``.doc``, ``.xls`` or ``.msi`` is refused;
- HWPX, ODT, DOCX, XLSX and PPTX are ZIP containers: HWPX and ODT name themselves in their
  ``mimetype`` entry, the Office formats in ``[Content_Types].xml`` together with their main part.
  A ZIP that is none of these is refused.

Generic signature libraries (``filetype``, ``puremagic``) match the first bytes only: they call
every ZIP "zip" or guess Office formats from header text, and know neither HWP nor HWPX, so the
container checks are done here with ``olefile`` and the standard ``zipfile``.

Then the name's extension must agree with the content (a PDF named ``.hwp`` is a mistake worth
a message), and the size must be at most ``settings.DOCUMENT_MAX_BYTES``.
"""

import os
import zipfile
from dataclasses import dataclass

import olefile
from django.conf import settings
from django.core.exceptions import ValidationError


@dataclass(frozen=True)
class FileType:
    key: str
    label: str
    content_type: str
    extensions: tuple[str, ...]


TYPES = {t.key: t for t in (
    FileType("pdf", "PDF", "application/pdf", (".pdf",)),
    FileType("hwp", "HWP", "application/x-hwp", (".hwp",)),
    FileType("hwpx", "HWPX", "application/hwp+zip", (".hwpx",)),
    FileType("docx", "DOCX", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
             (".docx",)),
    FileType("xlsx", "XLSX", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
             (".xlsx",)),
    FileType("pptx", "PPTX",
             "application/vnd.openxmlformats-officedocument.presentationml.presentation", (".pptx",)),
    FileType("odt", "ODT", "application/vnd.oasis.opendocument.text", (".odt",)),
    FileType("png", "PNG", "image/png", (".png",)),
    FileType("jpeg", "JPEG", "image/jpeg", (".jpg", ".jpeg")),
    FileType("gif", "GIF", "image/gif", (".gif",)),
)}
ALLOWED_LABELS = ", ".join(t.label for t in TYPES.values())

SIGNATURES = (
    (b"%PDF-", "pdf"),
    (b"\x89PNG\r\n\x1a\n", "png"),
    (b"\xff\xd8\xff", "jpeg"),
    (b"GIF87a", "gif"),
    (b"GIF89a", "gif"),
)
OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP = b"PK\x03\x04"
HWP_SIGNATURE = b"HWP Document File"
ZIP_MIMETYPES = {
    b"application/hwp+zip": "hwpx",
    b"application/vnd.oasis.opendocument.text": "odt",
}
#: Office Open XML: (main part, content type of that part) → type.
OOXML_PARTS = (
    ("word/document.xml", b"wordprocessingml.document.main+xml", "docx"),
    ("xl/workbook.xml", b"spreadsheetml.sheet.main+xml", "xlsx"),
    ("ppt/presentation.xml", b"presentationml.presentation.main+xml", "pptx"),
)
#: A manifest larger than this is not a document's manifest (and is not read into memory).
MAX_MANIFEST = 1024 * 1024
#: A ZIP-based document may unpack to at most this many times the upload limit, in at most this
#: many entries: a 20 MB spreadsheet that unpacks to gigabytes (a "zip bomb") is not a record
#: anyone can open, and would stop the office program or server of whoever opens it.
MAX_EXPANSION = 10
MAX_ZIP_ENTRIES = 10_000
ZIP_TYPES = {"hwpx", "docx", "xlsx", "pptx", "odt"}

#: What refused content is, when it is recognisable: the message names it.
KNOWN_REFUSED = (
    (b"MZ", "실행 파일(EXE·DLL)"),
    (b"\x7fELF", "실행 파일(ELF)"),
    (b"#!", "스크립트 파일"),
)
MARKUP_HINTS = (b"<!doctype html", b"<html", b"<svg", b"<script", b"<?xml", b"<body", b"<iframe")


def _ole_type(file) -> str | None:
    try:
        with olefile.OleFileIO(file) as ole:
            if not ole.exists("FileHeader"):
                return None
            with ole.openstream("FileHeader") as stream:
                return "hwp" if stream.read(len(HWP_SIGNATURE)) == HWP_SIGNATURE else None
    except (OSError, ValueError, NotImplementedError):
        return None


def _read_small(archive: zipfile.ZipFile, name: str) -> bytes | None:
    try:
        info = archive.getinfo(name)
    except KeyError:
        return None
    if info.file_size > MAX_MANIFEST:
        return None
    return archive.read(info)


def _zip_type(file) -> str | None:
    try:
        with zipfile.ZipFile(file) as archive:
            mimetype = _read_small(archive, "mimetype")
            if mimetype is not None:
                return ZIP_MIMETYPES.get(mimetype.strip())
            manifest = _read_small(archive, "[Content_Types].xml")
            if manifest is None:
                return None
            names = set(archive.namelist())
            for part, content_type, key in OOXML_PARTS:
                if part in names and content_type in manifest:
                    return key
    except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError, RuntimeError):
        return None
    return None


def identify(file) -> str | None:
    """The key of ``TYPES`` that ``file`` (a binary file object) is, from its bytes; else None."""
    file.seek(0)
    head = file.read(16)
    file.seek(0)
    try:
        for signature, key in SIGNATURES:
            if head.startswith(signature):
                return key
        if head.startswith(OLE2):
            return _ole_type(file)
        if head.startswith(ZIP):
            return _zip_type(file)
        return None
    finally:
        file.seek(0)


def _refused_content(file) -> str | None:
    """A name for recognisably dangerous content (executable, HTML, SVG), for the message."""
    file.seek(0)
    head = file.read(1024)
    file.seek(0)
    for signature, name in KNOWN_REFUSED:
        if head.startswith(signature):
            return name
    lowered = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if any(hint in lowered for hint in MARKUP_HINTS):
        return "HTML·SVG·XML 문서"
    if head.startswith(ZIP):
        return "일반 압축(ZIP) 파일"
    return None


def _zip_too_big(file) -> str | None:
    """Why a ZIP-based document unpacks to too much (from its directory, nothing is unpacked)."""
    file.seek(0)
    try:
        with zipfile.ZipFile(file) as archive:
            entries = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError, RuntimeError):
        return None
    finally:
        file.seek(0)
    if len(entries) > MAX_ZIP_ENTRIES:
        return f"압축 안에 파일이 {len(entries):,}개 들어 있습니다({MAX_ZIP_ENTRIES:,}개까지)"
    unpacked = sum(entry.file_size for entry in entries)
    limit = settings.DOCUMENT_MAX_BYTES * MAX_EXPANSION
    if unpacked > limit:
        return f"압축을 풀면 {megabytes(unpacked)}가 됩니다({megabytes(limit)}까지)"
    return None


def megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f}MB"


def check_document_file(uploaded) -> FileType:
    """The type of an uploaded document file, or a Korean ``ValidationError`` saying why not.

    ``uploaded`` is a Django ``File`` (an ``UploadedFile`` from a form, or a ``ContentFile``).
    """
    limit = settings.DOCUMENT_MAX_BYTES
    name = os.path.basename(uploaded.name or "")
    if uploaded.size is None or uploaded.size == 0:
        raise ValidationError("빈 파일입니다(0바이트). 내용이 있는 파일을 올리세요.", code="empty")
    if uploaded.size > limit:
        raise ValidationError(
            f"파일이 너무 큽니다({megabytes(uploaded.size)}). {limit // (1024 * 1024)}MB 이하의 "
            "파일만 올릴 수 있습니다. 큰 자료는 정보공개 포털 등에 올리고 주소를 적으세요.",
            code="too_large",
        )
    key = identify(uploaded)
    if key is None:
        what = _refused_content(uploaded)
        prefix = f"「{name}」은(는) {what}입니다. " if what else f"「{name}」의 내용이 "
        raise ValidationError(
            prefix + ("올릴 수 없는 형식입니다. " if what else "허용된 형식이 아닙니다. ")
            + f"{ALLOWED_LABELS} 파일만 올릴 수 있습니다(형식은 파일 이름이 아니라 내용으로 확인합니다).",
            code="type",
        )
    if key in ZIP_TYPES and (why := _zip_too_big(uploaded)):
        raise ValidationError(
            f"「{name}」은(는) {why}. 정상적인 문서로 볼 수 없어 올릴 수 없습니다. 문서를 다시 "
            "저장하거나 나누어 올리세요.",
            code="zip_bomb",
        )
    file_type = TYPES[key]
    extension = os.path.splitext(name)[1].lower()
    if extension not in file_type.extensions:
        raise ValidationError(
            f"「{name}」의 내용은 {file_type.label} 파일인데 이름의 확장자는 "
            f"{extension or '(없음)'}입니다. 확장자를 {file_type.extensions[0]}(으)로 고쳐 다시 올리세요.",
            code="extension",
        )
    return file_type
