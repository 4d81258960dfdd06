"""Set the affected partner's view beside the other partner's, prerequisite by prerequisite."""

from __future__ import annotations

from trustrepair.assess import guidance_item
from trustrepair.bank import PREREQUISITES, Agreement, Bank, Status
from trustrepair.errors import BadInputError
from trustrepair.models import AreaComparison, CheckIn, Comparison, as_local
from trustrepair.report import free_text

RANK: dict[Status, int] = {"not_yet": 0, "partial": 1, "in_place": 2}


def agreement(a: Status, b: Status) -> Agreement:
    if a == "unclear" or b == "unclear":
        return "agree" if a == b else "unclear"
    gap = abs(RANK[a] - RANK[b])
    return "agree" if gap == 0 else "partly_agree" if gap == 1 else "diverge"


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
    (a_name, a), (b_name, b) = by_role["affected"], by_role["betraying"]
    areas = []
    for area in PREREQUISITES:
        sa, sb = a.statuses.get(area, "unclear"), b.statuses.get(area, "unclear")
        agree = agreement(sa, sb)
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
        notes = {"affected": free_text(bank, a.answers), "betraying": free_text(bank, b.answers)}
    return Comparison(
        affected_source=a_name,
        betraying_source=b_name,
        affected_when=as_local(a.created_utc, a.utc_offset_minutes),
        betraying_when=as_local(b.created_utc, b.utc_offset_minutes),
        areas=areas,
        notes=notes,
        disclaimer=bank.report.disclaimer,
    )
