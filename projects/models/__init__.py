"""The app's models, one module per concern, all importable from ``projects.models``.

- ``register``: the register itself — departments, officials, selection criteria, projects and
  the rows of their sheets (⑤ 사업개요, ⑥ 담당자; the phases live in ``timeline``).
- ``records``: what 제63조 records beyond the sheet — opinions, related documents, meetings.
- ``about``: the 책임관 and the yearly 심의 results shown on ``/about/``.
- ``applications``: 국민신청실명제 — citizens' applications, their state log and notifications.
"""

from .about import AccountableOfficer, SelectionReview
from .applications import (
    Application,
    ApplicationStateChange,
    Notification,
    ReceiptCounter,
    RejectionReason,
    mask_name,
)
from .records import (
    Document,
    Meeting,
    MeetingAttendee,
    MeetingRemark,
    Opinion,
    OpinionKind,
)
from .register import (
    Department,
    Official,
    OutlineItem,
    PolicyProject,
    ProjectOfficial,
    SelectionCriterion,
)

__all__ = [
    "AccountableOfficer", "Application", "ApplicationStateChange", "Department", "Document",
    "Meeting", "MeetingAttendee", "MeetingRemark", "Notification", "Official", "Opinion",
    "OpinionKind", "OutlineItem", "PolicyProject", "ProjectOfficial", "ReceiptCounter",
    "RejectionReason", "SelectionCriterion", "SelectionReview", "mask_name",
]
