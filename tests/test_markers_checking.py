"""Checking is surveillance, never evidence: the recogniser, its labelled set, and what people see.

The labelled set (tests/data/markers_checking.toml) has a dev part, which the patterns in
data/prompts.toml were written against, and a held-out part written before the patterns were run
on it and never tuned on. Figures at the time of writing (issue 11):
  dev:      checking recognised 22 of 22; offered flagged 0 of 15; ordinary flagged 0 of 7.
  held out: checking recognised 6 of 8 (75%); offered flagged 0 of 6; ordinary flagged 0 of 2.
  Missed in the held-out part: "I go over our joint account ..." ("go over", "our") and
  "I have her password and check her Facebook ..." (too many words before the verb).
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from conftest import BASE_AFFECTED, Cli, write_answers
from trustrepair.bank import load_bank
from trustrepair.markers import MarkerCoach

LABELLED = Path(__file__).parent / "data" / "markers_checking.toml"
EXAMPLES = tomllib.loads(LABELLED.read_text(encoding="utf-8"))["examples"]
COACH = MarkerCoach(load_bank().markers)


def share_flagged(kind: str, part: str) -> tuple[int, int]:
    items = [e["text"] for e in EXAMPLES if e["kind"] == kind and e["set"] == part]
    return sum(COACH.is_checking(t) for t in items), len(items)


def test_the_labelled_set_is_big_enough() -> None:
    assert len(EXAMPLES) >= 40
    assert {e["kind"] for e in EXAMPLES} == {"checking", "offered", "ordinary"}
    assert {e["set"] for e in EXAMPLES} == {"dev", "held_out"}


def test_checking_is_recognised_at_least_nine_times_in_ten() -> None:
    flagged, total = share_flagged("checking", "dev")
    assert flagged / total >= 0.9, (flagged, total)


def test_offered_markers_are_flagged_no_more_than_one_in_twenty() -> None:
    flagged, total = share_flagged("offered", "dev")
    assert flagged / total <= 0.05, (flagged, total)
    assert share_flagged("ordinary", "dev")[0] == 0


def test_held_out_figures_stay_as_reported() -> None:
    # Not tuned on: this guards the reported figures from getting worse, not a target.
    assert share_flagged("checking", "held_out")[0] >= 6
    assert share_flagged("offered", "held_out")[0] == 0
    assert share_flagged("ordinary", "held_out")[0] == 0


def test_checking_advice_is_kind_and_offers_the_offered_version() -> None:
    coaching = COACH.check("I check his phone every night")
    assert coaching.checking and not coaching.concrete
    (advice,) = coaching.advice
    assert "not a failing of yours" in advice
    assert "unasked" in advice
    # It never coaches surveillance into a "better", more concrete form.
    assert "Add a moment or a rhythm" not in advice


def test_markers_add_and_list_json_say_checking(cli: Cli) -> None:
    added = cli.json("markers", "add", "I go through her bank app each week", "--json")
    offered = cli.json(
        "markers", "add", "She forwards me her bank statement each month, unasked", "--json"
    )
    assert isinstance(added, dict) and isinstance(offered, dict)
    assert (added["checking"], added["concrete"]) == (True, False)
    assert (offered["checking"], offered["concrete"]) == (False, True)
    listed = cli.json("markers", "list", "--json")
    assert isinstance(listed, list)
    assert [m["checking"] for m in listed] == [True, False]
    out = " ".join(
        cli("markers", "add", "I track him on Life360 while he is at work").stdout.split()
    )
    assert "This one describes checking" in out
    assert "not a failing of yours" in out


def test_the_summary_never_counts_checking_as_evidence(cli: Cli, tmp_path: Path) -> None:
    cli("check", "--answers", str(write_answers(tmp_path / "a.toml", "affected", BASE_AFFECTED)))
    cli("markers", "add", "I check his phone every night")
    cli("markers", "add", "He texts me when he leaves work every evening")
    report = cli.json("summary", "--json")
    assert isinstance(report, dict)
    section = report["markers"]
    assert (section["active"], section["concrete"], section["checking"]) == (2, 1, 1)
    assert "markers_checking_is_not_evidence" in [g["id"] for g in section["guidance"]]
    out = " ".join(cli("summary", "--full").stdout.split())
    assert "2 active markers, 1 of them concrete" in out
    assert "1 describes checking and is not counted as evidence" in out
    md = cli("export", "--format", "markdown").stdout
    assert "| I check his phone every night | checking |" in md


def _checking_and_offered_with_records(cli: Cli, tmp_path: Path) -> None:
    cli("check", "--answers", str(write_answers(tmp_path / "a.toml", "affected", BASE_AFFECTED)))
    cli("markers", "add", "I call his office to confirm where he is")
    cli("markers", "add", "He texts me when he leaves work every evening")
    for day in ("yesterday", "2 days ago", "3 days ago"):
        cli("markers", "record", "1", "--shown", "--on", day)
    cli("markers", "record", "2", "--missed", "--on", "yesterday")


def test_checking_records_are_left_out_of_every_total(cli: Cli, tmp_path: Path) -> None:
    _checking_and_offered_with_records(cli, tmp_path)
    assert "shown 0 of 1 times in the last 30 days" in cli("summary").stdout
    report = cli.json("summary", "--json")
    assert isinstance(report, dict)
    assert report["markers"]["last_30_days"] == {"shown": 0, "recorded": 1}
    # The JSON keeps the raw figures of the checking marker itself.
    assert report["markers"]["markers"][0]["consistency"]["last_30_days"]["recorded"] == 3
    assert "3 of 3" not in cli("markers", "list").stdout
    assert "3 of 3" not in cli("summary", "--full").stdout
    md = cli("export", "--format", "markdown").stdout
    assert "| I call his office to confirm where he is | checking | not counted | – | – | – |" in md
    assert "3 of 3" not in cli("export", "--format", "html").stdout
    shown = " ".join(cli("markers", "show", "1").stdout.split())
    assert "not counted as evidence" in shown and "3 of 3" not in shown


def test_recording_a_checking_marker_keeps_it_but_says_it_is_not_counted(cli: Cli) -> None:
    cli("markers", "add", "I call his office to confirm where he is")
    result = cli("markers", "record", "1", "--shown", "--on", "yesterday")
    said = " ".join(result.stderr.split())
    assert "as it describes checking, it is not counted as evidence" in said
    assert "1 of 1" not in result.stdout
    listed = cli.json("markers", "list", "--json")
    assert isinstance(listed, list)
    assert listed[0]["consistency"]["since_added"] == {"shown": 1, "recorded": 1}


def test_coaching_never_suggests_typing_the_words_on_the_command_line(cli: Cli) -> None:
    empty = cli("markers", "list")
    assert "trustrepair markers add (it asks for the words)" in empty.stdout + empty.stderr
    out = " ".join(cli("markers", "add", "I check his phone every night").stdout.split())
    assert "trustrepair markers edit ID` (it asks for the new words)" in out
    assert '"new wording"' not in out


@pytest.mark.parametrize(
    "text",
    [
        "He calls me at lunch to check in",
        "He tells me the same day if she contacts him, and shows me the message.",
        "I check in with myself each evening about how the day felt",
    ],
)
def test_near_misses_are_not_called_checking(text: str) -> None:
    assert not COACH.is_checking(text)
