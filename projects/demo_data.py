"""The demo register: the seed sheet 2023-13 exactly as published, and a few realistic others.

Bullets are written one per line with their sheet marker (□ ○ - for ⑤, ▶ · for phases) so the
data reads like the sheet it stands for.
"""

SEED_2023_13 = {
    "number": "2023-13",
    "department": "복지정책과",
    "title": "1인가구도 행복한 중구 조성",
    "status": "ongoing",
    "background": "급속한 1인가구 증가로 대상별 특성을 고려한 맞춤형 대응 필요",
    "criterion": "구정주요현안",
    "period": ("2021-07", None),
    "published": True,
    "officials": [("복지정책과장", "이춘배"), ("담당 행정6급", "서민경")],
    "outline": """
□ 추진목표
○ '1인가구도 행복한 중구 조성'을 위한 복지인프라 조성
□ 추진내용
○ 「1인가구 종합지원 계획」수립 및 성과관리 추진
- 분야별 추진계획 수립 및 성과관리로 부서별 1인가구 지원 통합관리
○ 「1인가구 소통공간」 조성·운영
- 공유부엌, 소모임, 1인가구 지원 프로그램 등 운영
○ 「1인가구 온라인플랫폼」 운영
- 1인가구 통합정보 제공 및 쌍방향 소통을 위한 플랫폼 운영
○ 「1인가구 지원 정책지원단」구성·운영
- 민·관 전문가 및 시민이 참여하여 1인가구 지원 네트워크 강화
○ 중구 1인가구를 위한 특화사업 확대
- '전세보증금 반환보증료 지원', '전월세 계약 안심홈 상담소' 등
""",
    "phases": [
        {
            "heading": "「중구 1인가구 지원 조례」수립 및 성과관리 추진",
            "period": ("2021-08", "2021-10"),
            "items": """
▶ 중구 1인가구 지원대책 추진방향 방침수립
▶ 1인가구 지원 유관부서장 구청장 주재 회의
▶ 중구 1인가구 지원업무 가이드라인 방침수립
""",
            "officials": "이수정 과장 엄태섭 팀장 손상영 주무관 김도희 주무관",
        },
        {
            "heading": "「1인가구 소통공간」 조성",
            "period": ("2021-08", "2022-11"),
            "items": """
▶ 황학동 1인가구 소통공간 조성관련 보고 및 면담
· 중구 교육지원센터 '이로움' 시설담당자 면담
· 황학동 원씨드 카페 창업주, '소굴' 예술인단체 대표 면담
▶ 2022년 상반기 특별조정교부금 선정(1억6천만원)
▶ 2022년 서울시 '싱글빙글 사랑방' 공모 선정(2천만원)
▶ 공간 설계, 명칭공모, 인테리어 공사 진행('22.7.~11.)
""",
            "officials": "이수정 과장 엄태섭 팀장",
        },
        {
            "heading": "",
            "period": ("2022-01", "2022-12"),
            "items": """
▶ 『서울특별시 중구 1인가구 지원조례』 제정('22.10.19. 공포)
▶ 1인가구를 위한 다양한 프로그램 추진(총 30회 585명 참여)
· 소셜다이닝 재무관리정리수납 특강, 흥당무마켓, 무비나이트 개최 등
▶ 1인가구 안심 홈 상담소 전담매니저 2인 위촉 및 운영
▶ 'AI를 활용한 1인가구 생활관리 서비스' 운영 및 살피미 앱 설치(404명)
▶ 1인가구 온라인 플랫폼(카카오톡 채널, 네이버 카페)운영
""",
            "officials": "손상영 주무관 김도희 주무관",
        },
        {
            "heading": "",
            "period": ("2023-01", "2023-06"),
            "items": """
▶ 1인가구 소통공간 <놀다가> 개소 및 운영 : '23. 1. 28.
▶ 1인가구 소통공간 화장실 전면 리모델링 : '23. 4.
▶ 1인가구 지원 행사 및 프로그램 운영
· (특별) 흥당무마켓(5. 13.), 미리,정동야행(6. 9.)
· (상시) 행복한밥상, 재무교육, 가드닝, 포틀럭파티 등
▶ 기초자치단체 최초 전월세반환보증보험료 지원사업 시행
▶ 1인가구 온라인 플랫폼 네이버카페 활성화 : 920명
""",
            "officials": "이수정 과장 안소영 팀장 서민경 주무관",
        },
        {
            "heading": "",
            "period": ("2023-07", "2023-08"),
            "items": "",
            "officials": "이춘배 과장 윤경희 팀장 서민경 주무관",
        },
    ],
}

OTHER_SHEETS = [
    {
        "number": "2022-5",
        "department": "안전총괄과",
        "title": "스마트 안심 귀갓길 조성",
        "status": "completed",
        "background": "야간 보행 안전에 대한 주민 불안이 커져 골목길 방범 인프라 확충 필요",
        "criterion": "10억원 이상의 예산이 투입되는 공사 또는 사업",
        "period": ("2022-03", "2023-12"),
        "published": True,
        "officials": [("안전총괄과장", "박정호"), ("담당 시설6급", "최유진")],
        "outline": """
□ 추진목표
○ 범죄 취약 골목길 안전 강화로 안심하고 걷는 중구 조성
□ 추진내용
○ 지능형 CCTV 120대 및 비상벨 60개소 설치
- 보행량 분석으로 우선 설치 구간 선정
○ 로고젝터·안심 조명 설치 및 귀갓길 안내 표지 정비
""",
        "phases": [
            {"heading": "「안심 귀갓길 기본계획」 수립", "period": ("2022-03", "2022-06"),
             "items": "▶ 범죄 취약지역 실태조사\n▶ 주민설명회 개최(3회, 142명 참석)",
             "officials": "박정호 과장 한지민 팀장 최유진 주무관"},
            {"heading": "", "period": ("2022-07", "2023-09"),
             "items": "▶ 지능형 CCTV 설치 공사\n· 1단계 60대('22. 12.)\n· 2단계 60대('23. 9.)\n▶ 비상벨 60개소 설치",
             "officials": "박정호 과장 한지민 팀장 최유진 주무관 오세훈 주무관"},
            {"heading": "", "period": ("2023-10", "2023-12"),
             "items": "▶ 사업 준공 및 효과 분석(야간 보행 만족도 18%p 상승)",
             "officials": "김태윤 과장 한지민 팀장 최유진 주무관"},
        ],
    },
    {
        "number": "2024-3",
        "department": "일자리경제과",
        "title": "청년 창업 지원센터 운영 활성화",
        "status": "ongoing",
        "background": "청년 창업 수요 증가에 비해 초기 창업 공간과 전문 상담이 부족함",
        "criterion": "구정주요현안",
        "period": ("2024-02", None),
        "published": True,
        "officials": [("일자리경제과장", "정미란"), ("담당 행정7급", "강민수")],
        "outline": """
□ 추진목표
○ 청년 창업 초기 3년 생존율 향상
□ 추진내용
○ 창업 공간 24실 무상 제공 및 전문가 멘토링
- 세무·법률·마케팅 분야 1:1 상담
""",
        "phases": [
            {"heading": "「청년 창업 지원센터」 입주기업 모집", "period": ("2024-02", "2024-04"),
             "items": "▶ 입주기업 공모 및 선정(24개 기업)",
             "officials": "정미란 과장 윤서연 팀장 강민수 주무관"},
            {"heading": "", "period": ("2024-05", "2024-12"),
             "items": "▶ 청년 창업 아카데미 운영(8회)\n▶ 투자 유치 설명회 개최",
             "officials": "정미란 과장 윤서연 팀장 강민수 주무관"},
        ],
    },
    {
        "number": "2025-1",
        "department": "도시계획과",
        "title": "도시관리계획 재정비 연구용역",
        "status": "ongoing",
        "background": "도시관리계획 정비 주기 도래 및 도심 정비사업 여건 변화 반영 필요",
        "criterion": "5천만원 이상의 연구·용역 사업",
        "period": ("2025-01", "2026-06"),
        "published": True,
        "officials": [("도시계획과장", "임현우"), ("담당 시설6급", "배수진")],
        "outline": """
□ 추진목표
○ 변화된 도시 여건을 반영한 합리적 토지이용계획 수립
□ 추진내용
○ 용도지역·지구 재정비 및 지구단위계획 정비
""",
        "phases": [
            {"heading": "「도시관리계획 재정비」 용역 착수", "period": ("2025-01", "2025-03"),
             "items": "▶ 용역 계약 체결 및 착수보고회 개최",
             "officials": "임현우 과장 송하늘 팀장 배수진 주무관"},
            {"heading": "", "period": ("2025-04", None),
             "items": "▶ 기초조사 및 주민 의견 수렴\n· 권역별 주민 간담회(5회)",
             "officials": "임현우 과장 송하늘 팀장 배수진 주무관"},
        ],
    },
    {
        "number": "2024-9",
        "department": "자치행정과",
        "title": "주민참여 기본 조례 전부개정",
        "status": "completed",
        "background": "주민자치회 전면 시행에 따라 주민참여 제도 전반의 정비 필요",
        "criterion": "다수 구민과 관련된 자치법규 제정·개정·폐지",
        "period": ("2024-03", "2024-12"),
        "published": True,
        "officials": [("자치행정과장", "조은비"), ("담당 행정6급", "남궁민")],
        "outline": """
□ 추진내용
○ 주민참여예산·주민자치회 관련 규정 통합 정비
- 입법예고 및 주민 의견 반영
""",
        "phases": [
            {"heading": "", "period": ("2024-03", "2024-08"),
             "items": "▶ 조례 개정안 마련 및 입법예고\n▶ 안전·복지 분야 주민 의견 수렴",
             "officials": "조은비 과장 유재석 팀장 남궁민 주무관"},
            {"heading": "", "period": ("2024-09", "2024-12"),
             "items": "▶ 구의회 의결 및 공포('24. 12. 5.)",
             "officials": "조은비 과장 유재석 팀장 남궁민 주무관"},
        ],
    },
    {
        "number": "2025-4",
        "department": "청소행정과",
        "title": "음식물류 폐기물 감량 시범사업",
        "status": "ongoing",
        "background": "공동주택 음식물류 폐기물 발생량 감축 필요 (작성 중, 미공개)",
        "criterion": "그 밖에 중점관리가 필요한 사업",
        "period": ("2025-03", None),
        "published": False,
        "officials": [("청소행정과장", "문상철")],
        "outline": "□ 추진목표\n○ 시범 단지 음식물류 폐기물 20% 감량",
        "phases": [],
    },
]

DEMO_SHEETS = [SEED_2023_13, *OTHER_SHEETS]


#: The records beyond the sheet (제63조) for the seed sheet 2023-13: an opinion, a meeting with
#: attendees, remarks and a decision, and documents (one 비공개). ``phase`` is the phase's index on
#: the sheet; officials are named as on the sheet (the sheet's department), outsiders with their
#: affiliation. Documents with ``pdf`` get a small generated PDF file, the others a link.
DEMO_RECORDS = {
    "2023-13": {
        "opinions": [
            {"phase": 0, "official": "이수정", "position": "복지정책과장", "date": "2021-08-17",
             "kind": "수정 의견",
             "text": "추진방향에 사회적 고립 예방과 주거 안전 분야를 포함하고, 부서별 과제를 한 계획으로 "
                     "묶어 성과를 관리할 것."},
        ],
        "meetings": [
            {"phase": 0, "name": "1인가구 지원 유관부서장 회의", "held_at": "2021-09-14T14:00:00",
             "place": "중구청 기획상황실",
             "attendees": [("이수정", "", "", "과장(주관)"), ("엄태섭", "", "", "팀장"),
                           ("손상영", "", "", "주무관(간사)"),
                           ("", "박지현", "1인가구 정책지원단", "위원")],
             "remarks": [
                 ("이수정", "부서별로 흩어진 1인가구 사업을 한 계획으로 묶어 성과를 관리하겠습니다."),
                 ("박지현(1인가구 정책지원단)", "청년·중장년·노년 1인가구의 필요가 달라 대상별 과제를 나눠야 합니다."),
                 ("엄태섭", "다음 달까지 부서별 과제 목록을 받아 지원업무 가이드라인 초안을 만들겠습니다."),
             ],
             "decision": "부서별 1인가구 지원사업은 복지정책과가 총괄 관리하고, 10월 중 1인가구 지원업무 "
                         "가이드라인 방침을 수립한다."},
        ],
        "documents": [
            {"phase": 0, "title": "중구 1인가구 지원대책 추진방향 방침", "kind": "plan",
             "date": "2021-08-20", "number": "복지정책과-12345", "disclosure": "open", "ground": "",
             "pdf": "중구 1인가구 지원대책 추진방향 방침"},
            {"phase": 0, "meeting": 0, "title": "1인가구 지원 유관부서장 회의 결과 보고",
             "kind": "meeting", "date": "2021-09-15", "number": "복지정책과-13102",
             "disclosure": "partial", "ground": "6", "pdf": "1인가구 지원 유관부서장 회의 결과 보고"},
            {"phase": 1, "title": "1인가구 소통공간 임대차 계약 검토", "kind": "report",
             "date": "2022-03-10", "number": "복지정책과-4021", "disclosure": "closed", "ground": "7",
             "pdf": "1인가구 소통공간 임대차 계약 검토"},
            {"phase": None, "title": "서울특별시 중구 1인가구 지원 조례", "kind": "other",
             "date": "2022-10-19", "number": "", "disclosure": "open", "ground": "",
             "url": "https://www.elis.go.kr/"},
        ],
    },
}

#: 정책실명제 책임관 shown on /about/ (editable by the 총괄 in the admin).
DEMO_OFFICERS = [
    {"role": "정책실명제 책임관", "name": "최정민", "position": "기획예산과장", "department": "기획예산과",
     "phone": "02-3396-4114"},
    {"role": "정책실명제 담당자", "name": "한유리", "position": "주무관", "department": "기획예산과",
     "phone": "02-3396-4114"},
]

#: 심의 results: the year's review that chose the demo's projects of that year.
DEMO_REVIEWS = [
    {"year": 2023, "held_on": "2023-03-15", "body": "정책실명제 심의위원회",
     "summary": "부서에서 신청한 사업을 심의하여 중점관리 대상사업을 선정"},
]
