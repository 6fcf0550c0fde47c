"""Reading published sheets: the seed's every text, the same sheet in other forms, bad input.

Plain functions, no database: the parser is pure Python.
"""

import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from projects.importer.parser import (
    MAX_SHEET_BYTES,
    PHASE_POSITIONS,
    ParsedItem,
    ParsedPhase,
    ParsedPhaseOfficial,
    ParsedProjectOfficial,
    ParsedSheet,
    SheetParseError,
    parse_month_period,
    parse_phase_period,
    parse_sheet,
)

DATA = Path(__file__).parent / "data"
SEED = (DATA / "sheet-2023-13.md").read_bytes()
SEED_TEXT = SEED.decode("utf-8")


def items(*pairs):
    return tuple(ParsedItem(level, text) for level, text in pairs)


def people(*pairs):
    return tuple(ParsedPhaseOfficial(name, position) for name, position in pairs)


def phase(heading, pairs, start, end, officials):
    return ParsedPhase(heading, items(*pairs), start, end, people(*officials))


SEED_EXPECTED = ParsedSheet(
    registration_number="2023-13", department="복지정책과",
    title="1인가구도 행복한 중구 조성", status="ongoing",
    background="급속한 1인가구 증가로 대상별 특성을 고려한 맞춤형 대응 필요",
    outline=items(
        (0, "추진목표"),
        (1, "'1인가구도 행복한 중구 조성'을 위한 복지인프라 조성"),
        (0, "추진내용"),
        (1, "「1인가구 종합지원 계획」수립 및 성과관리 추진"),
        (2, "분야별 추진계획 수립 및 성과관리로 부서별 1인가구 지원 통합관리"),
        (1, "「1인가구 소통공간」 조성·운영"),
        (2, "공유부엌, 소모임, 1인가구 지원 프로그램 등 운영"),
        (1, "「1인가구 온라인플랫폼」 운영"),
        (2, "1인가구 통합정보 제공 및 쌍방향 소통을 위한 플랫폼 운영"),
        (1, "「1인가구 지원 정책지원단」구성·운영"),
        (2, "민·관 전문가 및 시민이 참여하여 1인가구 지원 네트워크 강화"),
        (1, "중구 1인가구를 위한 특화사업 확대"),
        (2, "'전세보증금 반환보증료 지원', '전월세 계약 안심홈 상담소' 등"),
    ),
    officials=(ParsedProjectOfficial("복지정책과장", "이춘배"),
               ParsedProjectOfficial("담당 행정6급", "서민경")),
    criterion="구정주요현안", started_on=date(2021, 7, 1), ended_on=None,
    phases=(
        phase("「중구 1인가구 지원 조례」수립 및 성과관리 추진", [
            (1, "중구 1인가구 지원대책 추진방향 방침수립"),
            (1, "1인가구 지원 유관부서장 구청장 주재 회의"),
            (1, "중구 1인가구 지원업무 가이드라인 방침수립"),
        ], date(2021, 8, 1), date(2021, 10, 1),
            [("이수정", "과장"), ("엄태섭", "팀장"), ("손상영", "주무관"), ("김도희", "주무관")]),
        phase("「1인가구 소통공간」 조성", [
            (1, "황학동 1인가구 소통공간 조성관련 보고 및 면담"),
            (2, "중구 교육지원센터 '이로움' 시설담당자 면담"),
            (2, "황학동 원씨드 카페 창업주, '소굴' 예술인단체 대표 면담"),
            (1, "2022년 상반기 특별조정교부금 선정(1억6천만원)"),
            (1, "2022년 서울시 '싱글빙글 사랑방' 공모 선정(2천만원)"),
            (1, "공간 설계, 명칭공모, 인테리어 공사 진행('22.7.~11.)"),
        ], date(2021, 8, 1), date(2022, 11, 1), [("이수정", "과장"), ("엄태섭", "팀장")]),
        phase("", [
            (1, "『서울특별시 중구 1인가구 지원조례』 제정('22.10.19. 공포)"),
            (1, "1인가구를 위한 다양한 프로그램 추진(총 30회 585명 참여)"),
            (2, "소셜다이닝 재무관리정리수납 특강, 흥당무마켓, 무비나이트 개최 등"),
            (1, "1인가구 안심 홈 상담소 전담매니저 2인 위촉 및 운영"),
            (1, "'AI를 활용한 1인가구 생활관리 서비스' 운영 및 살피미 앱 설치(404명)"),
            (1, "1인가구 온라인 플랫폼(카카오톡 채널, 네이버 카페)운영"),
        ], date(2022, 1, 1), date(2022, 12, 1), [("손상영", "주무관"), ("김도희", "주무관")]),
        phase("", [
            (1, "1인가구 소통공간 <놀다가> 개소 및 운영 : '23. 1. 28."),
            (1, "1인가구 소통공간 화장실 전면 리모델링 : '23. 4."),
            (1, "1인가구 지원 행사 및 프로그램 운영"),
            (2, "(특별) 흥당무마켓(5. 13.), 미리,정동야행(6. 9.)"),
            (2, "(상시) 행복한밥상, 재무교육, 가드닝, 포틀럭파티 등"),
            (1, "기초자치단체 최초 전월세반환보증보험료 지원사업 시행"),
            (1, "1인가구 온라인 플랫폼 네이버카페 활성화 : 920명"),
        ], date(2023, 1, 1), date(2023, 6, 1),
            [("이수정", "과장"), ("안소영", "팀장"), ("서민경", "주무관")]),
        phase("", [], date(2023, 7, 1), date(2023, 8, 1),
              [("이춘배", "과장"), ("윤경희", "팀장"), ("서민경", "주무관")]),
    ),
)


def seed_with(old: str, new: str) -> bytes:
    assert old in SEED_TEXT, old
    return SEED_TEXT.replace(old, new, 1).encode()


def parse_error(data: bytes) -> SheetParseError:
    with pytest.raises(SheetParseError) as caught:
        parse_sheet(data)
    return caught.value


# The seed, the main case


def test_seed_parses_to_every_published_text_in_order():
    assert parse_sheet(SEED, filename="sheet-2023-13.md") == SEED_EXPECTED


def test_seed_keeps_angle_bracket_text_and_middle_dots_inside_words():
    sheet = parse_sheet(SEED)
    assert sheet.phases[3].items[0].text.startswith("1인가구 소통공간 <놀다가> 개소")
    assert "민·관 전문가" in sheet.outline[10].text
    assert sheet.outline[5].text == "「1인가구 소통공간」 조성·운영"


def test_html_page_of_the_seed_parses_to_the_same_sheet():
    assert parse_sheet((DATA / "sheet-2023-13.html").read_bytes()) == SEED_EXPECTED


def markdown_as_html_tables(markdown: str) -> str:
    """The Markdown export's tables as HTML tables, cells verbatim (the split phase table)."""
    out, in_table = ["<!DOCTYPE html><html><body>"], False
    for line in markdown.splitlines():
        if line.startswith("|") and not re.fullmatch(r"[|\-: ]+", line):
            out += [] if in_table else ["<table>"]
            cells = line.strip().strip("|").split("|")
            out.append("<tr>" + "".join(f"<td>{cell}</td>" for cell in cells) + "</tr>")
            in_table = True
        elif not line.startswith("|") and in_table:
            out.append("</table>")
            in_table = False
    return "\n".join([*out, "</table>" if in_table else "", "</body></html>"])


def test_html_page_with_the_phase_table_split_like_the_export_parses_the_same():
    assert parse_sheet(markdown_as_html_tables(SEED_TEXT).encode()) == SEED_EXPECTED


def test_euc_kr_file_parses_to_the_same_sheet():
    data = (DATA / "sheet-2023-13-euckr.md").read_bytes()
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    assert parse_sheet(data) == SEED_EXPECTED


def test_utf8_bom_and_windows_line_endings_parse_the_same():
    assert parse_sheet(b"\xef\xbb\xbf" + SEED.replace(b"\n", b"\r\n")) == SEED_EXPECTED


def test_utf16_with_bom_parses_the_same():
    assert parse_sheet(SEED_TEXT.encode("utf-16")) == SEED_EXPECTED


def test_entities_decode_and_less_than_without_a_tag_stays_text():
    sheet = parse_sheet(seed_with("920명", "R&amp;D 920명 &lt;b&gt; 3<5"))
    assert sheet.phases[3].items[-1].text == "1인가구 온라인 플랫폼 네이버카페 활성화 : R&D 920명 <b> 3<5"


def test_parser_imports_nothing_from_django():
    code = ("import sys, projects.importer.parser; "
            "sys.exit(any(m.split('.')[0] == 'django' for m in sys.modules))")
    assert subprocess.run([sys.executable, "-c", code], cwd=DATA.parent.parent).returncode == 0


# The second sheet: completed, an end month, another criterion, a phase without content


def test_second_sheet_completed_with_end_month_and_shared_people():
    sheet = parse_sheet((DATA / "sheet-2024-07.md").read_bytes())
    assert sheet.registration_number == "2024-7"  # as the file writes it
    assert (sheet.department, sheet.title, sheet.status) == ("도로과", "을지로 보행환경 개선사업", "completed")
    assert (sheet.started_on, sheet.ended_on) == (date(2024, 3, 1), date(2025, 2, 1))
    assert sheet.criterion == "10억원 이상의 예산이 투입되는 공사 또는 사업"
    assert sheet.officials == (ParsedProjectOfficial("도로과장", "오세진"),
                               ParsedProjectOfficial("담당 시설6급", "정다은"))
    assert sheet.outline[6] == ParsedItem(2, "횡단보도 턱낮춤 24개소, 점자블록 정비, B-1 구간 보행섬 설치")
    assert sheet.outline[10] == ParsedItem(2, "상가번영회와 '보행로 가꿈이' 협약 체결, 주민 Q&A 창구 운영")
    assert [p.heading for p in sheet.phases] == [
        "「을지로 보행환경 개선 기본계획」 수립", "실시설계 및 공사 발주", "", "", "준공 및 사후관리"]
    assert sheet.phases[1].items == items(
        (1, "실시설계 용역 착수('24. 7.) 및 주민설명회 개최(2회, 86명 참석)"),
        (1, "교통안전시설 심의 및 관할 경찰서 협의"),
        (2, "민·관 합동 현장점검(3회)"),
        (1, "공사 발주 및 계약 체결(총 14억 2천만원)"),
    )
    assert sheet.phases[3] == phase("", [], date(2025, 1, 1), date(2025, 1, 1),
                                    [("오세진", "과장"), ("강민지", "팀장"), ("정다은", "주무관")])
    names = [official.name for p in sheet.phases for official in p.officials]
    assert names.count("최민호") == 3 and names.count("정다은") == 3


# Cells and helpers


@pytest.mark.parametrize(("text", "expected"), [
    ("2021. 7월 ~ 계속", (date(2021, 7, 1), None)),
    ("2024. 3월 ~ 2025. 2월", (date(2024, 3, 1), date(2025, 2, 1))),
    ("2024.3 ~ 2025.2", (date(2024, 3, 1), date(2025, 2, 1))),
    ("2024년 3월~2025년 12월", (date(2024, 3, 1), date(2025, 12, 1))),
    ("  2021.  07월  ~  계속 ", (date(2021, 7, 1), None)),
])
def test_project_period_reads_months(text, expected):
    assert parse_month_period(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("'21. 8. ~ '21. 10.", (date(2021, 8, 1), date(2021, 10, 1))),
    ("'24. 10. ~ '25. 2.", (date(2024, 10, 1), date(2025, 2, 1))),
    ("'24. 3. ~", (date(2024, 3, 1), None)),
    ("'21.8.~'21.10.", (date(2021, 8, 1), date(2021, 10, 1))),
    ("2021. 8. ~ 2022. 1.", (date(2021, 8, 1), date(2022, 1, 1))),
])
def test_phase_period_reads_months_and_open_end(text, expected):
    assert parse_phase_period(text) == expected


@pytest.mark.parametrize(("parse", "text", "words"), [
    (parse_month_period, "2021. 13월 ~ 계속", "13월은 없는 달"),
    (parse_month_period, "2025. 3월 ~ 2024. 2월", "앞섭니다"),
    (parse_month_period, "2021년 여름부터", "읽을 수 없습니다"),
    (parse_month_period, "1989. 3월 ~ 계속", "1989년"),
    (parse_phase_period, "'21. 13. ~ '21. 10.", "13월은 없는 달"),
    (parse_phase_period, "'22. 3. ~ '21. 10.", "앞섭니다"),
    (parse_phase_period, "8월 중", "읽을 수 없습니다"),
])
def test_bad_period_names_the_reason_and_the_text(parse, text, words):
    with pytest.raises(SheetParseError) as caught:
        parse(text)
    assert words in str(caught.value) and caught.value.text == text


@pytest.mark.parametrize(("title", "expected"), [
    ("을지로 보행환경 개선사업(완료)", ("을지로 보행환경 개선사업", "completed")),
    ("청년 창업(1단계) 지원 (중단)", ("청년 창업(1단계) 지원", "suspended")),
    ("1인가구도 행복한 중구 조성(진행 중)", ("1인가구도 행복한 중구 조성", "ongoing")),
])
def test_title_status_is_the_last_bracket(title, expected):
    sheet = parse_sheet(seed_with("1인가구도 행복한 중구 조성(진행중)", title))
    assert (sheet.title, sheet.status) == expected


def test_registration_number_with_leading_zero_is_kept_as_written():
    sheet = parse_sheet(seed_with("| 2023-13 |", "| 2024-07 |"))
    assert sheet.registration_number == "2024-07"


def test_phase_position_outside_the_list_is_accepted_when_it_ends_like_a_rank():
    assert "책임감리원" not in PHASE_POSITIONS
    sheet = parse_sheet(seed_with("이수정 과장 엄태섭 팀장 |", "이수정 과장 김건우 책임감리원 |"))
    assert sheet.phases[1].officials == people(("이수정", "과장"), ("김건우", "책임감리원"))


def test_label_cells_are_found_without_their_circled_numbers():
    assert parse_sheet(seed_with("| ⑦ 선정기준 |", "| 선정기준 |")) == SEED_EXPECTED


# Bad input: a SheetParseError with a Korean message naming the cell


BAD_SHEETS = {
    "empty": (b"", None, "파일이 비어 있습니다"),
    "only spaces": (b" \n\r\n ", None, "파일이 비어 있습니다"),
    "too big": (b"|" * (MAX_SHEET_BYTES + 1), None, "파일이 2MB를 넘습니다"),
    "binary": (bytes(range(256)) * 40, None, "텍스트 파일이 아닙니다"),
    "undecodable": (b"\x80\x81\xff" * 10, None, "텍스트 파일"),
    "not a sheet": ("# 회의록\n\n오늘 회의는 없었습니다.\n".encode(), "① 등록번호", "사업내역서가 아닙니다"),
    "table, not a sheet": ("| 이름 | 나이 |\n|--|--|\n| 홍길동 | 30 |".encode(), "① 등록번호",
                           "사업내역서가 아닙니다"),
    "missing ①": (seed_with("| ① 등록번호 | 2023-13 |", "| 등록 | 2023-13 |"), "① 등록번호",
                  "필수 칸이 없습니다"),
    "missing ⑦": (seed_with("| ⑦ 선정기준 | 구정주요현안 |", "| | |"), "⑦ 선정기준", "필수 칸이 없습니다"),
    "empty ②": (seed_with("| 복지정책과 |", "| |"), "② 사업부서", "비어 있습니다"),
    "two sheets in one": (SEED + b"\n\n" + SEED, "① 등록번호", "두 번"),
    "2023-XX": (seed_with("| 2023-13 |", "| 2023-XX |"), "① 등록번호", "2023-XX"),
    "year 1989": (seed_with("| 2023-13 |", "| 1989-13 |"), "① 등록번호", "연도 1989은(는)"),
    "no status": (seed_with("조성(진행중)", "조성"), "③ 정책사업명", "(진행중), (완료), (중단)"),
    "unknown status": (seed_with("(진행중)", "(보류)"), "③ 정책사업명", "'보류'"),
    "⑥ without role": (seed_with("/ 담당 행정6급 서민경", "/ 서민경"), "⑥ 담당자", "서민경"),
    "⑧ unreadable": (seed_with("2021. 7월 ~ 계속", "2021년 여름부터"), "⑧ 사업기간", "2021년 여름부터"),
    "'21. 13.": (seed_with("'21. 8. ~ '21. 10.", "'21. 13. ~ '21. 10."), "주요 추진내용 1번째 행",
                 "'21. 13."),
    "phase end before start": (seed_with("'22. 1. ~ '22. 12.", "'22. 12. ~ '22. 1."),
                               "주요 추진내용 3번째 행", "앞섭니다"),
    "phase without period": (seed_with("'23. 7. ~ '23. 8.", "미정"), "주요 추진내용 5번째 행",
                             "추진기간"),
    "odd officials": (seed_with("이수정 과장 엄태섭 팀장 |", "이수정 과장 엄태섭 |"),
                      "주요 추진내용 2번째 행", "홀수"),
    "officials out of order": (seed_with("| 손상영 주무관 김도희 주무관 |", "| 주무관 손상영 주무관 김도희 |"),
                               "주요 추진내용 3번째 행", "'주무관 손상영'"),
    "name, no position": (seed_with("이수정 과장 엄태섭 팀장 |", "이수정 과장 엄태섭 김도희 |"),
                          "주요 추진내용 2번째 행", "'엄태섭 김도희'"),
}


@pytest.mark.parametrize("name", BAD_SHEETS)
def test_bad_sheet_is_refused_with_a_korean_message_naming_the_cell(name):
    data, cell, words = BAD_SHEETS[name]
    error = parse_error(data)
    assert error.cell == cell
    assert words in str(error)
    if cell:
        assert str(error).startswith(f"{cell}: ")
    assert error.message.endswith(("다.", "요.")), "a full Korean sentence"


def test_error_text_is_truncated_and_the_error_is_a_value_error():
    error = parse_error(seed_with("'23. 7. ~ '23. 8.", "미정 " + "가" * 200))
    assert isinstance(error, ValueError)
    assert len(error.text) <= 80 and error.text.endswith("…")
    assert str(error).startswith("주요 추진내용 5번째 행: ") and f"'{error.text}'" in str(error)
