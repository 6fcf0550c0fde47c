"""Real file bytes for upload tests, made in code: a PDF (pypdf), images (Pillow), the ZIP-based
office formats with their real manifests, and an OLE2 compound file (the container of HWP 5 and
of .doc/.xls), written by hand because no kept library writes new OLE2 files."""

import io
import struct
import zipfile

from PIL import Image
from pypdf import PdfWriter


def pdf_bytes(pages: int = 1) -> bytes:
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=595, height=842)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def image_bytes(kind: str) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (4, 4), "navy").save(out, format=kind)
    return out.getvalue()


def zip_bytes(entries: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return out.getvalue()


def docx_bytes() -> bytes:
    return zip_bytes({
        "[Content_Types].xml": b'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/'
        b'package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/'
        b'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
        "word/document.xml": b'<?xml version="1.0"?><w:document/>',
    })


def hwpx_bytes() -> bytes:
    return zip_bytes({"mimetype": b"application/hwp+zip", "Contents/section0.xml": b"<hs:sec/>"})


def odt_bytes() -> bytes:
    return zip_bytes({"mimetype": b"application/vnd.oasis.opendocument.text",
                      "content.xml": b"<office:document-content/>"})


FREE, END, FAT_SECTOR, NO_STREAM = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFF


def _directory_entry(name: str, kind: int, child: int, start: int, size: int) -> bytes:
    encoded = (name + "\0").encode("utf-16-le") if name else b""
    return (encoded.ljust(64, b"\0") + struct.pack("<HBB", len(encoded), kind, 1)
            + struct.pack("<III", NO_STREAM, NO_STREAM, child) + b"\0" * 16 + b"\0" * 4
            + b"\0" * 16 + struct.pack("<IQ", start, size))


def ole2_bytes(stream_name: str, data: bytes) -> bytes:
    """A compound file (v3, 512-byte sectors) holding one stream of 4096 bytes (no mini stream)."""
    data = data.ljust(4096, b"\0")
    stream_sectors = len(data) // 512
    fat = [FAT_SECTOR, END, *range(3, 2 + stream_sectors), END]
    fat += [FREE] * (128 - len(fat))
    header = (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 16
              + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6) + b"\0" * 6
              + struct.pack("<IIIIIIIII", 0, 1, 1, 0, 4096, END, 0, END, 0)
              + struct.pack("<I", 0) + struct.pack("<I", FREE) * 108)
    directory = (_directory_entry("Root Entry", 5, 1, END, 0)
                 + _directory_entry(stream_name, 2, NO_STREAM, 2, len(data))
                 + _directory_entry("", 0, NO_STREAM, 0, 0) * 2)
    return header + struct.pack("<128I", *fat) + directory + data


def hwp_bytes() -> bytes:
    return ole2_bytes("FileHeader", b"HWP Document File" + b"\0" * 15 + b"\x00\x05\x00\x05")


def doc_bytes() -> bytes:
    """An OLE2 file that is not HWP (Word 97's main stream)."""
    return ole2_bytes("WordDocument", b"\xec\xa5\xc1\x00")
