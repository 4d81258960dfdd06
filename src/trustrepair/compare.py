"""Set the affected partner's view beside the other partner's, prerequisite by prerequisite."""

from __future__ import annotations

from trustrepair.assess import afraid, afraid_now, guidance_item
from trustrepair.bank import Bank
from trustrepair.errors import BadInputError
from trustrepair.models import AreaComparison, CheckIn, Comparison, as_local
from trustrepair.report import free_text
from trustrepair.vocab import CONTINUING, PREREQUISITES, Q_ONGOING, Agreement, Role, Status

RANK: dict[Status, int] = {"not_yet": 0, "partial": 1, "in_place": 2}


def agreement(a: Status, b: Status) -> Agreement:
    if a == "unclear" or b == "unclear":
        return "agree" if a == b else "unclear"
    gap = abs(RANK[a] - RANK[b])
    return "agree" if gap == 0 else "partly_agree" if gap == 1 else "diverge"


def ongoing_disputed(a: CheckIn, b: CheckIn) -> bool:
    """One partner says the behaviour goes on in some form; the other says it has stopped.

    Not read out while either partner says they are afraid: then nothing is weighed."""
    if afraid(a.answers) or afraid(b.answers):
        return False
    said = {a.answers.get(Q_ONGOING), b.answers.get(Q_ONGOING)}
    return "ended" in said and any(v in CONTINUING for v in said)


def compare(
    bank: Bank,
    first: tuple[str, CheckIn],
    second: tuple[str, CheckIn],
    *,
    include_notes: bool = False,
) -> Comparison:
    """Two latest check-ins, one from each role, in either order."""
    by_role = {first[1].role: first, second[1].role: second}
    if set(by_role) != {"affected", "betraying"}:
        role = first[1].role.replace("betraying", "partner who broke trust")
        raise BadInputError(
            f"both check-ins are from the {role} side; compare needs one from each partner"
        )
    (a_name, a), (b_name, b) = by_role[Role.affected], by_role[Role.betraying]
    if afraid_now(a) or afraid_now(b):  # safety first: nothing weighed, nothing joint
        return Comparison(
            affected_source=a_name,
            betraying_source=b_name,
            affected_when=as_local(a.created_utc, a.utc_offset_minutes),
            betraying_when=as_local(b.created_utc, b.utc_offset_minutes),
            areas=[],
            disclaimer=bank.report.disclaimer,
            withheld=True,
            safety_note=bank.report.compare_safety,
        )
    disputed = ongoing_disputed(a, b)
    areas = []
    for area in PREREQUISITES:
        sa, sb = a.statuses.get(area, "unclear"), b.statuses.get(area, "unclear")
        # The gravest disagreement: never softened into "one step apart".
        agree = "conflict" if disputed and area == "cessation" else agreement(sa, sb)
        gid = bank.report.compare_guidance.get(agree)
        areas.append(
            AreaComparison(
                area=area,
                title=bank.report.area_titles[area],
                affected=sa,
                betraying=sb,
                agreement=agree,
                guidance=guidance_item(bank, gid) if gid else None,
            )
        )
    notes = None
    if include_notes:
        notes = {
            Role.affected: free_text(bank, a.answers),
            Role.betraying: free_text(bank, b.answers),
        }
    return Comparison(
        affected_source=a_name,
        betraying_source=b_name,
        affected_when=as_local(a.created_utc, a.utc_offset_minutes),
        betraying_when=as_local(b.created_utc, b.utc_offset_minutes),
        warnings=[a.guidance for a in areas if a.agreement == "conflict" and a.guidance],
        areas=areas,
        notes=notes,
        disclaimer=bank.report.disclaimer,
    )
