"""How large one 사업내역서 may be, and so how many fields its change page may post.

Plain Python (no Django imports): the admin's inlines bound their formsets with these numbers
(``projects.admin.inlines``) and the settings derive ``DATA_UPLOAD_MAX_NUMBER_FIELDS`` from them,
so the two cannot drift apart.

The biggest sheets published run to ~40 phases of a few bullets and three or four people; the
bounds leave room for more than twice that.
"""

MAX_PROJECT_OFFICIALS = 20  # ⑥ 담당자
MAX_OUTLINE_ITEMS = 100  # ⑤ 사업개요 bullets
MAX_PHASES = 100  # rows of <주요 추진내용 및 사업관련자>
MAX_PHASE_ITEMS = 20  # bullets of one phase
MAX_PHASE_OFFICIALS = 15  # 사업관련자 of one phase

#: What the change page posts (nested_admin posts every row of every formset in one form):
#: each formset sends 4 management fields and its empty template row; a row sends its fields,
#: its parent's id, ``id``, ``order`` and, when ticked, ``DELETE``.
PROJECT_FIELDS = 16  # the project's own fields, the version, the comment, the CSRF token, the button
MANAGEMENT_FIELDS = 4  # TOTAL_FORMS, INITIAL_FORMS, MIN_NUM_FORMS, MAX_NUM_FORMS
OUTLINE_ROW = 6  # id, project, level, text, order, DELETE
OFFICIAL_ROW = 6  # id, project, role_label, official, order, DELETE
PHASE_ROW = 7  # id, project, started_on, ended_on, heading, order, DELETE
PHASE_ITEM_ROW = 6  # id, phase, level, text, order, DELETE
PHASE_OFFICIAL_ROW = 6  # id, phase, official, position, order, DELETE


def posted_fields(*, outline: int, officials: int, phases: int, phase_items: int,
                  phase_officials: int) -> int:
    """The most fields the change page of a sheet of this size posts (every DELETE ticked)."""
    def formset(rows, row_fields):  # the rows, the empty template row, the management form
        return rows * row_fields + (row_fields - 1) + MANAGEMENT_FIELDS

    def phase_children():
        return formset(phase_items, PHASE_ITEM_ROW) + formset(phase_officials, PHASE_OFFICIAL_ROW)

    return (
        PROJECT_FIELDS
        + formset(outline, OUTLINE_ROW)
        + formset(officials, OFFICIAL_ROW)
        + formset(phases, PHASE_ROW)
        + phases * phase_children()
        # the empty phase template carries empty item and official formsets of its own
        + formset(0, PHASE_ITEM_ROW) + formset(0, PHASE_OFFICIAL_ROW)
    )


#: Fields posted by the largest sheet the admin accepts: 24,282.
MAX_POSTED_FIELDS = posted_fields(
    outline=MAX_OUTLINE_ITEMS, officials=MAX_PROJECT_OFFICIALS, phases=MAX_PHASES,
    phase_items=MAX_PHASE_ITEMS, phase_officials=MAX_PHASE_OFFICIALS,
)
