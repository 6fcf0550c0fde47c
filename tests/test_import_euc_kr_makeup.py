"""An EUC-KR file may write a syllable outside KS X 1001's 2,350 as the 8-byte make-up sequence
(KS X 1001 annex 3; Python's ``euc-kr`` codec writes 윦 so): it imports as the syllable, never as
loose jamo and bogus officials; a broken sequence is refused naming its line."""

import pytest

from projects.importer.services import SheetImportError, sheet_import
from projects.models import Official
from tests.conftest import SEED_PATH

pytestmark = pytest.mark.django_db


def seed_in_euc_kr(name: str) -> bytes:
    text = SEED_PATH.read_text(encoding="utf-8").replace("서민경", name)
    data = text.encode("euc-kr")
    assert "\u3164".encode("euc-kr") in data  # the file really holds a make-up sequence
    return data


def test_make_up_sequence_imports_as_the_syllable():
    result = sheet_import(source=seed_in_euc_kr("최윦서"), filename="sheet-euckr.md")
    names = {p.official.name for p in result.project.project_officials.select_related("official")}
    assert "최윦서" in names
    assert not Official.objects.filter(name__contains="\u3164").exists()
    assert not Official.objects.filter(name__regex="[ㄱ-ㅣ]").exists()


def test_a_broken_make_up_sequence_is_refused_naming_its_line():
    data = seed_in_euc_kr("최윦서")
    broken = data.replace("\u3164ㅇㅠㄶ".encode("euc-kr"), "\u3164ㅇㅇㅇ".encode("euc-kr"))
    line = next(n for n, row in enumerate(broken.split(b"\n"), 1) if "\u3164".encode("euc-kr") in row)
    with pytest.raises(SheetImportError) as error:
        sheet_import(source=broken, filename="sheet-euckr.md")
    assert f"{line}번째 줄" in str(error.value) and "조합" in str(error.value)
    assert not Official.objects.exists()
