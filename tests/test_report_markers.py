"""The summary's markers section: counts, which are concrete, and guidance that fits."""

from __future__ import annotations

import datetime as dt

from conftest import BASE_AFFECTED, BASE_BETRAYING
from trustrepair.bank import load_bank
from trustrepair.markers import counts_from_records
from trustrepair.models import Marker, MarkerRecord
from trustrepair.report import build_report, marker_views, markers_section, new_checkin
from trustrepair.vocab import Role

BANK = load_bank()
TODAY = dt.date(2026, 3, 18)
ADDED = dt.datetime(2026, 1, 5, 12, tzinfo=dt.UTC)


def marker(text: str, n: int, retired: bool = False) -> Marker:
    return Marker(
        id=n,
        text=text,
        created_utc=ADDED,
        utc_offset_minutes=0,
        retired_utc=ADDED if retired else None,
    )


def views(items: list[Marker], shown: list[bool] | None = None):  # type: ignore[no-untyped-def]
    recs = [MarkerRecord(marker_uid=items[0].uid, on_date=TODAY, shown=s) for s in shown or []]
    counts = (
        {items[0].uid: counts_from_records(recs, TODAY - dt.timedelta(days=89))} if recs else {}
    )
    return marker_views(BANK, items, counts, TODAY)


CONCRETE = "Texts me before leaving work every evening"
VAGUE = "Be more honest with me"


def guidance_ids(section) -> list[str]:  # type: ignore[no-untyped-def]
    return [g.id for g in section.guidance]


def test_counts_only_active_markers_and_says_which_are_concrete() -> None:
    items = [marker(CONCRETE, 1), marker(VAGUE, 2), marker("Calls daily at noon", 3, retired=True)]
    section = markers_section(BANK, "affected", views(items))
    assert (section.active, section.concrete) == (2, 1)
    assert [(m.id, m.concrete) for m in section.markers] == [(1, True), (2, False)]
    assert section.markers[1].advice


def test_guidance_is_about_time_and_never_checking_up() -> None:
    section = markers_section(BANK, "affected", views([marker(CONCRETE, 1)], [True, True]))
    assert guidance_ids(section) == ["markers_evidence_builds", "markers_shown_not_checked"]
    assert {g.source for g in section.guidance} == {
        "The affected partner's role in trust repair",
        "The three prerequisites for trust repair",
    }


def test_a_day_not_shown_brings_the_not_a_collapse_guidance() -> None:
    section = markers_section(BANK, "affected", views([marker(CONCRETE, 1)], [True, False]))
    assert "markers_missed_day" in guidance_ids(section)
    text = next(g for g in section.guidance if g.id == "markers_missed_day").text
    assert "not wipe out" in text


def test_vague_markers_bring_the_make_it_observable_guidance() -> None:
    section = markers_section(BANK, "affected", views([marker(VAGUE, 1)]))
    assert "markers_make_observable" in guidance_ids(section)


def test_no_markers_nudges_only_the_affected_partner() -> None:
    assert guidance_ids(markers_section(BANK, "affected", [])) == ["name_concrete_markers"]
    assert markers_section(BANK, "betraying", []).guidance == []


def test_the_report_carries_the_section_without_repeating_guidance() -> None:
    answers = {**BASE_AFFECTED, "ap_markers": "not_yet"}
    checkin = new_checkin(BANK, Role.affected, answers)  # type: ignore[arg-type]
    report = build_report(BANK, checkin, discovered=None, today=TODAY)
    assert report.your_part is None  # the affected partner's own part is never graded
    assert report.own_part is not None
    assert "name_concrete_markers" in [g.id for g in report.own_part.guidance]
    assert report.markers.active == 0
    assert report.markers.guidance == []  # already given under "your part"


def test_the_other_partners_report_shows_markers_too() -> None:
    checkin = new_checkin(BANK, Role.betraying, BASE_BETRAYING)  # type: ignore[arg-type]
    report = build_report(
        BANK, checkin, discovered=None, today=TODAY, marker_list=views([marker(CONCRETE, 1)])
    )
    assert report.markers.active == 1
