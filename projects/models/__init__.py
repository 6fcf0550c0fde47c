"""The app's models, one module per concern, all importable from ``projects.models``.

- ``register``: the register itself — departments, officials, selection criteria, projects and
  the rows of their sheets (⑤ 사업개요, ⑥ 담당자; the phases live in ``timeline``).
- ``applications``: 국민신청실명제 — citizens' applications, their state log and notifications.
"""

from .applications import (
    Application,
    ApplicationStateChange,
    Notification,
    ReceiptCounter,
    RejectionReason,
    mask_name,
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
    "Application", "ApplicationStateChange", "Notification", "ReceiptCounter", "RejectionReason",
    "mask_name",
    "Department", "Official", "OutlineItem", "PolicyProject", "ProjectOfficial",
    "SelectionCriterion",
]
