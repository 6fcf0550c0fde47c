"""The records beyond the sheet (제63조 ①1, ①2, ②) as plain data, for the sheet page, the meeting
page and the PDF's annex: one template renders them from here without touching the database.

Built from a project loaded with ``PolicyProject.objects.for_sheet().with_records()`` (and a
meeting loaded with ``Meeting.objects.for_page()``): a fixed number of queries whatever their size.
Only the fact that a 비공개 document exists is shown, never a way to it.
"""

from dataclasses import dataclass, field
from datetime import date, datetime

from ..months import phase_period
from ..uploads import TYPES


@dataclass(frozen=True)
class RecordOpinion:
    official_id: int
    name: str
    position: str
    date: date
    kind: str
    text: str


@dataclass(frozen=True)
class RecordDocument:
    pk: int
    title: str
    kind: str
    date: date
    department: str
    document_number: str
    disclosure: str  # 공개 / 부분공개 / 비공개
    ground: str  # the 제9조 ground's label, for 부분공개 and 비공개
    url: str  # an external address (a link document), else ""
    file_label: str  # PDF, HWP … for a downloadable file, else ""
    downloadable: bool

    @property
    def withheld(self) -> bool:
        return self.disclosure == "비공개"

    @property
    def ground_short(self) -> str:
        """``제6호`` of ``제6호: 개인정보(…)``, for narrow cells."""
        return self.ground.partition(":")[0]


@dataclass(frozen=True)
class RecordAttendee:
    official_id: int | None
    name: str
    affiliation: str
    role: str


@dataclass(frozen=True)
class RecordRemark:
    official_id: int | None
    speaker: str
    text: str


@dataclass
class RecordMeeting:
    pk: int
    name: str
    held_at: datetime
    place: str
    decision: str
    votes: tuple[int, int, int] | None
    attendees: list[RecordAttendee] = field(default_factory=list)
    remarks: list[RecordRemark] = field(default_factory=list)
    documents: list[RecordDocument] = field(default_factory=list)


@dataclass
class RecordPhase:
    heading: str
    started_on: date | None
    ended_on: date | None
    opinions: list[RecordOpinion]
    meetings: list[RecordMeeting]
    documents: list[RecordDocument]

    @property
    def period(self) -> str:
        return phase_period(self.started_on, self.ended_on)


@dataclass
class SheetRecords:
    registration_number: str
    phases: list[RecordPhase]  # only phases with at least one record, in the sheet's order
    documents: list[RecordDocument]  # the project's own documents (no phase)

    @property
    def is_empty(self) -> bool:
        return not self.phases and not self.documents

    @property
    def all_documents(self) -> list[RecordDocument]:
        return [*self.documents, *(d for phase in self.phases for d in phase.documents)]

    @property
    def opinions(self) -> list[tuple[RecordPhase, RecordOpinion]]:
        return [(phase, opinion) for phase in self.phases for opinion in phase.opinions]

    @property
    def meetings(self) -> list[tuple[RecordPhase, RecordMeeting]]:
        return [(phase, meeting) for phase in self.phases for meeting in phase.meetings]


def record_document(document) -> RecordDocument:
    file_type = TYPES.get(document.file_type)
    withheld = document.disclosure == document.Disclosure.CLOSED
    return RecordDocument(
        pk=document.pk, title=document.title, kind=document.get_kind_display(), date=document.date,
        department=document.department.name, document_number=document.document_number,
        disclosure=document.get_disclosure_display(),
        ground=document.get_ground_display() if document.ground else "",
        url="" if withheld else document.url,
        file_label=file_type.label if file_type and document.file else "",
        downloadable=document.is_served,
    )


def record_meeting(meeting, documents=None, *, in_full: bool = True) -> RecordMeeting:
    """A meeting with its attendees, remarks and documents (all prefetched); without
    ``in_full`` only what a list of meetings shows."""
    if not in_full:
        return RecordMeeting(pk=meeting.pk, name=meeting.name, held_at=meeting.held_at,
                             place=meeting.place, decision=meeting.decision, votes=None,
                             documents=documents or [])
    return RecordMeeting(
        pk=meeting.pk, name=meeting.name, held_at=meeting.held_at, place=meeting.place,
        decision=meeting.decision,
        votes=(meeting.votes_for, meeting.votes_against, meeting.votes_abstain)
        if meeting.was_voted else None,
        attendees=[
            RecordAttendee(row.official_id, row.display_name, row.affiliation_name, row.role)
            for row in meeting.attendees.all()
        ],
        remarks=[RecordRemark(row.official_id, row.speaker, row.text) for row in meeting.remarks.all()],
        documents=documents if documents is not None else [
            record_document(document) for document in meeting.documents.all()],
    )


def records_from_project(project, *, meetings_in_full: bool = False) -> SheetRecords:
    """The records of a project fetched with ``.for_sheet().with_records()`` (no further queries;
    ``meetings_in_full`` as given to ``with_records``)."""
    documents = [record_document(document) for document in project.documents.all()]
    by_phase: dict[int | None, list[RecordDocument]] = {}
    by_meeting: dict[int, list[RecordDocument]] = {}
    for document, row in zip(project.documents.all(), documents, strict=True):
        by_phase.setdefault(document.phase_id, []).append(row)
        if document.meeting_id:
            by_meeting.setdefault(document.meeting_id, []).append(row)
    phases = []
    for phase in project.phases.all():
        record = RecordPhase(
            heading=phase.heading, started_on=phase.started_on, ended_on=phase.ended_on,
            opinions=[
                RecordOpinion(o.official_id, o.official.name, o.position_then, o.date, o.kind.name, o.text)
                for o in phase.opinions.all()
            ],
            meetings=[record_meeting(m, by_meeting.get(m.pk, []), in_full=meetings_in_full)
                      for m in phase.meetings.all()],
            documents=by_phase.get(phase.pk, []),
        )
        if record.opinions or record.meetings or record.documents:
            phases.append(record)
    return SheetRecords(project.registration_number, phases, by_phase.get(None, []))
