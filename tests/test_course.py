"""How things have moved: the strip's cells match the stored check-ins, in every output."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import jsonschema
import pytest

from conftest import EXAMPLES, Cli, open_home_store
from trustrepair.bank import load_bank
from trustrepair.course import MAX_CELLS_PER_CHECKIN, build_course, in_period, status_changes
from trustrepair.models import CheckIn
from trustrepair.schema import export_schema_text

UTC = dt.UTC


def _checkin(
    when: dt.datetime, acc: str, tr: str, ces: str, role: str = "affected", offset: int = 0
) -> CheckIn:
    return CheckIn(
        created_utc=when,
        utc_offset_minutes=offset,
        role=role,
        bank_version="test",
        answers={},
        statuses={"accountability": acc, "transparency": tr, "cessation": ces},
    )


HAND_MADE = [
    _checkin(dt.datetime(2026, 1, 5, 20, tzinfo=UTC), "not_yet", "not_yet", "partial"),
    _checkin(dt.datetime(2026, 1, 19, 20, tzinfo=UTC), "partial", "not_yet", "partial"),
    _checkin(dt.datetime(2026, 2, 2, 20, tzinfo=UTC), "partial", "partial", "in_place"),
    _checkin(dt.datetime(2026, 3, 2, 20, tzinfo=UTC), "in_place", "partial", "in_place"),
]


def _store(home: Path, checkins: list[CheckIn]) -> None:
    store = open_home_store(home)
    try:
        for c in checkins:
            store.add_checkin(c)
    finally:
        store.close()


def test_one_cell_per_checkin_in_time_order_with_the_stored_statuses() -> None:
    strips = build_course(load_bank(), list(reversed(HAND_MADE)))
    assert [s.area for s in strips] == ["accountability", "transparency", "cessation"]
    for strip in strips:
        assert strip.by == "checkin"
        assert [c.status for c in strip.cells] == [c.statuses[strip.area] for c in HAND_MADE]
        assert [c.start for c in strip.cells] == [c.created_utc.date() for c in HAND_MADE]
    acc = strips[0]
    assert [(c.on, c.before, c.after) for c in acc.changes] == [
        (dt.date(2026, 1, 19), "not_yet", "partial"),
        (dt.date(2026, 3, 2), "partial", "in_place"),
    ]


def test_many_checkins_become_months_with_the_latest_status_and_empty_months() -> None:
    start = dt.datetime(2025, 1, 1, 12, tzinfo=UTC)
    many = [
        _checkin(
            start + dt.timedelta(days=7 * i),
            "partial" if i < 10 else "in_place",
            "partial",
            "partial",
        )
        for i in range(MAX_CELLS_PER_CHECKIN)
    ]
    many.append(_checkin(dt.datetime(2025, 8, 10, tzinfo=UTC), "not_yet", "partial", "partial"))
    (acc, *_) = build_course(load_bank(), many)
    assert acc.by == "month"
    assert [(c.start.month, c.status, c.checkins) for c in acc.cells] == [
        (1, "partial", 5),
        (2, "partial", 4),
        (3, "in_place", 4),  # the 11th check-in (12 March) turned it; March ends in place
        (4, "in_place", 3),
        (5, None, 0),
        (6, None, 0),
        (7, None, 0),
        (8, "not_yet", 1),
    ]
    assert acc.cells[1].end == dt.date(2025, 2, 28)
    assert sum(c.checkins for c in acc.cells) == len(many)


def test_the_local_day_decides_the_cell_and_the_period() -> None:
    late = _checkin(
        dt.datetime(2026, 1, 31, 23, 30, tzinfo=UTC), "partial", "partial", "partial", offset=60
    )
    assert build_course(load_bank(), [late])[0].cells[0].start == dt.date(2026, 2, 1)
    assert in_period([late], dt.date(2026, 2, 1)) == [late]
    assert in_period([late], dt.date(2026, 2, 2)) == []


def test_each_partner_gets_their_own_strips() -> None:
    both = [
        *HAND_MADE,
        _checkin(
            dt.datetime(2026, 3, 3, tzinfo=UTC),
            "in_place",
            "in_place",
            "in_place",
            role="betraying",
        ),
    ]
    strips = build_course(load_bank(), both)
    assert [(s.role, s.area) for s in strips][3:] == [
        ("betraying", "accountability"),
        ("betraying", "transparency"),
        ("betraying", "cessation"),
    ]
    assert all(len(s.cells) == 1 for s in strips[3:])


def test_no_change_no_changes() -> None:
    labels = load_bank().report.status_labels
    points = [(dt.date(2026, 1, 1), "partial"), (dt.date(2026, 1, 2), "partial")]
    assert status_changes(points, labels) == []


def test_history_draws_the_strip_above_the_table(cli: Cli, home: Path) -> None:
    _store(home, HAND_MADE)
    out = cli("history").stdout
    lines = out.splitlines()
    assert lines[0] == "How things have moved"
    assert "4 check-ins, one mark each, 5 Jan 2026 to 2 Mar 2026" in out
    acc = next(line for line in lines if line.startswith("Accountability "))
    assert "○◐◐●" in acc and "2 changes, the last on 2 Mar 2026" in acc
    assert out.index("How things have moved") < out.index("Check-ins, newest first")
    since = cli("history", "--since", "2026-02-01").stdout
    assert "2 check-ins, one mark each, 2 Feb 2026 to 2 Mar 2026" in since
    assert "2026-01-19" not in since


def test_export_json_carries_the_course_as_a_list_under_the_schema(cli: Cli, home: Path) -> None:
    _store(home, HAND_MADE)
    data = json.loads(cli("export", "--format", "json", "--since", "2026-01-10").stdout)
    jsonschema.validate(data, json.loads(export_schema_text()))
    course = data["course"]
    assert isinstance(course, list) and len(course) == 3
    assert [c["status"] for c in course[0]["cells"]] == ["partial", "partial", "in_place"]
    assert course[0]["changes"] == [
        {"on": "2026-03-02", "before": "partial", "after": "in_place", "after_label": "in place"}
    ]


def partners_check_in(
    cli: Cli, tmp_path: Path, mine: dict[str, object], theirs: dict[str, object]
) -> None:
    """Robin (the affected partner) and Kai (the other) each check in on their own profile."""
    from conftest import write_answers

    for profile, role, answers in (("robin", "affected", mine), ("kai", "betraying", theirs)):
        answered = write_answers(tmp_path / f"{profile}.toml", role, answers)
        cli("--profile", profile, "check", "--answers", str(answered))


def test_export_with_partner_shows_both_views_and_nothing_else_of_theirs(
    cli: Cli, tmp_path: Path
) -> None:
    from conftest import BASE_AFFECTED, BASE_BETRAYING

    partners_check_in(cli, tmp_path, BASE_AFFECTED, BASE_BETRAYING)
    data = json.loads(
        cli("--profile", "robin", "export", "-f", "json", "--with-partner", "kai").stdout
    )
    assert [s["role"] for s in data["course"]] == ["affected"] * 3 + ["betraying"] * 3
    assert {c["role"] for c in data["data"]["checkins"]} == {"affected"}  # only statuses join
    page = cli("--profile", "robin", "export", "-f", "html", "--with-partner", "kai").stdout
    assert "Accountability (the partner who broke trust)" in page
    markdown = cli("--profile", "robin", "export", "-f", "markdown", "--with-partner", "kai").stdout
    assert "| Accountability (the affected partner) |" in markdown


def test_with_partner_refuses_the_same_partner_or_an_empty_profile(
    cli: Cli, tmp_path: Path
) -> None:
    from conftest import BASE_AFFECTED, write_answers

    mine = write_answers(tmp_path / "a.toml", "affected", BASE_AFFECTED)
    cli("--profile", "robin", "check", "--answers", str(mine))
    cli("--profile", "again", "check", "--answers", str(mine))
    same = cli("--profile", "robin", "export", "--with-partner", "again", code=2)
    assert "the other partner's profile" in same.stderr
    empty = cli("--profile", "robin", "export", "--with-partner", "nobody", code=2)
    assert "no check-in yet" in empty.stderr


@pytest.mark.parametrize("afraid_one", ["robin", "kai"])
def test_export_with_partner_shows_no_partner_strips_while_either_is_afraid(
    cli: Cli, tmp_path: Path, afraid_one: str
) -> None:
    from conftest import BASE_AFFECTED, BASE_BETRAYING

    mine = {**BASE_AFFECTED, "afraid": afraid_one == "robin"}
    theirs = {**BASE_BETRAYING, "afraid": afraid_one == "kai"}
    partners_check_in(cli, tmp_path, mine, theirs)
    data = json.loads(
        cli("--profile", "robin", "export", "-f", "json", "--with-partner", "kai").stdout
    )
    assert "betraying" not in [s["role"] for s in data["course"]]
    page = cli("--profile", "robin", "export", "-f", "html", "--with-partner", "kai").stdout
    assert "(the partner who broke trust)" not in page
    markdown = cli("--profile", "robin", "export", "-f", "markdown", "--with-partner", "kai").stdout
    assert "(the partner who broke trust)" not in markdown


def test_history_lists_the_latest_check_ins_and_all_of_them_on_request(
    cli: Cli, tmp_path: Path
) -> None:
    from trustrepair.cli.summary import LATEST

    answers = str(EXAMPLES / "answers-affected.toml")
    for _ in range(LATEST + 3):
        cli("check", "--answers", answers)
    listed = cli("--no-pager", "history").stdout
    assert listed.count(" affected ") == LATEST
    assert "Not listed here: 3 older check-ins." in listed
    every = cli("--no-pager", "history", "--all").stdout
    assert every.count(" affected ") == LATEST + 3 and "Not listed here" not in every
    assert len(cli.json("history", "--json")) == LATEST + 3  # type: ignore[arg-type]


def test_history_strips_keep_the_order_of_check_ins_made_in_the_same_second(
    cli: Cli, tmp_path: Path
) -> None:
    import time_machine

    first = tmp_path / "first.toml"
    source = (EXAMPLES / "answers-affected.toml").read_text(encoding="utf-8")
    first.write_text(source.replace('acc_acknowledged = "partly"', 'acc_acknowledged = "unknown"'))
    with time_machine.travel(dt.datetime(2026, 11, 30, 12, 0, tzinfo=dt.UTC), tick=False):
        cli("check", "--answers", str(first))
        cli("check", "--answers", str(EXAMPLES / "answers-affected.toml"))
        strip = next(
            line
            for line in cli("--no-pager", "history").stdout.splitlines()
            if line.startswith("Accountability ")
        )
    assert "?◐" in strip  # unclear first, then partly in place
