"""Answers -> statuses and guidance: unknown answers, pressure to move on, and role-true advice."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

import pytest

from conftest import BASE_AFFECTED, BASE_BETRAYING, Cli, write_answers
from trustrepair import assess
from trustrepair.bank import load_bank
from trustrepair.models import Marker, MarkerCounts
from trustrepair.plain import to_data
from trustrepair.report import build_report, marker_views, new_checkin
from trustrepair.vocab import PREREQUISITES, UNKNOWN, Role

BANK = load_bank()
TODAY = dt.date(2026, 12, 1)
BASE = {Role.affected: BASE_AFFECTED, Role.betraying: BASE_BETRAYING}


def statuses(role: Role, **changes: object) -> dict[str, str]:
    answers = {**BASE[role], **changes}
    return {a: assess.assess_area(BANK, role, a, answers).status for a in PREREQUISITES}


# --- "I don't know yet" ------------------------------------------------------------------


@pytest.mark.parametrize("role", list(Role))
def test_every_prerequisite_question_offers_i_dont_know_yet(role: Role) -> None:
    for q in BANK.questions_for(role):
        if q.section not in PREREQUISITES:
            continue
        if q.kind == "choice":
            labels = {o.value: o.label for o in q.options}
            assert UNKNOWN in labels or "unsure" in labels, q.id
        elif q.kind == "scale":
            assert q.unknown_label, q.id


def test_key_answers_unknown_make_every_area_unclear_with_what_to_watch_for(
    cli: Cli, tmp_path: Path
) -> None:
    unknown = {
        "acc_acknowledged": UNKNOWN,
        "acc_blame": UNKNOWN,
        "acc_harm": UNKNOWN,
        "tr_offered": UNKNOWN,
        "tr_checking": UNKNOWN,
        "ces_confidence": UNKNOWN,
    }
    path = write_answers(tmp_path / "a.toml", "affected", {**BASE_AFFECTED, **unknown})
    report = cli.json("check", "--answers", str(path), "--json")
    assert isinstance(report, dict)
    for area in PREREQUISITES:
        result = report["prerequisites"][area]
        assert result["status"] == "unclear", area
        texts = " ".join(g["text"] for g in result["guidance"])
        assert "Watch for" in texts, area
    out = " ".join(cli("summary", "--full").stdout.split())
    assert "Too early to tell" in out
    assert "Sure it has stopped: I don't know yet" in out  # shown as the person chose it


def test_unknown_never_hides_a_clear_problem() -> None:
    got = statuses(Role.affected, acc_acknowledged=UNKNOWN, acc_blame="often")
    assert got["accountability"] == "not_yet"


def test_dont_know_can_be_typed_on_the_confidence_scale() -> None:
    from trustrepair.answers import parse_typed

    q = BANK.question("ces_confidence")
    assert parse_typed(q, "don't know") == UNKNOWN
    assert parse_typed(q, "4") == 4


# --- "cannot be rushed" ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("role", "question"), [(Role.affected, "acc_repeat"), (Role.betraying, "acc_repeat_self")]
)
def test_usually_asking_to_move_on_keeps_accountability_not_yet(role: Role, question: str) -> None:
    assert statuses(role)["accountability"] == "in_place"
    assert statuses(role, **{question: "sometimes"})["accountability"] == "in_place"
    assert statuses(role, **{question: "rarely"})["accountability"] == "not_yet"


def test_the_reason_says_it_cannot_be_hurried(cli: Cli, tmp_path: Path) -> None:
    path = write_answers(tmp_path / "a.toml", "affected", {**BASE_AFFECTED, "acc_repeat": "rarely"})
    out = " ".join(cli("check", "--answers", str(path)).stdout.split())
    assert "Accountability: ○ not yet in place" in out
    assert "cannot be hurried" in out


# --- role-true guidance ------------------------------------------------------------------


def random_answers(role: Role, rng: random.Random) -> dict[str, object]:
    answers: dict[str, object] = {}
    for q in BANK.questions_for(role):
        if q.id == "role" or q.kind in ("text", "date"):
            continue
        if q.kind == "choice":
            answers[q.id] = rng.choice(q.options).value
        elif q.kind == "yes_no":
            answers[q.id] = rng.random() < 0.1
        elif q.kind == "scale" and q.min is not None and q.max is not None:
            choices: list[object] = list(range(q.min, q.max + 1))
            answers[q.id] = rng.choice([*choices, UNKNOWN] if q.unknown_label else choices)
    return answers


def addressees(data: object) -> set[str]:
    found: set[str] = set()
    if isinstance(data, dict):
        if "addresses" in data:
            found.add(data["addresses"])
        for value in data.values():
            found |= addressees(value)
    elif isinstance(data, list):
        for item in data:
            found |= addressees(item)
    return found


@pytest.mark.parametrize("role", list(Role))
def test_no_guidance_for_one_role_reaches_the_others_report(role: Role) -> None:
    rng = random.Random(11)  # noqa: S311 - repeatable test data, not secrets
    markers = [
        Marker(text="I check his phone every night"),
        Marker(text="Be more honest"),
        Marker(text="Texts me when plans change"),
    ]
    views = marker_views(BANK, markers, {m.uid: MarkerCounts() for m in markers}, TODAY)
    other = Role.betraying if role == Role.affected else Role.affected
    for n in range(300):
        checkin = new_checkin(BANK, role, random_answers(role, rng))  # type: ignore[arg-type]
        discovered = TODAY - dt.timedelta(days=rng.randrange(0, 2000))
        report = build_report(
            BANK, checkin, discovered=discovered, today=TODAY, marker_list=views[: n % 4]
        )
        assert other.value not in addressees(to_data(report)), n


def test_the_affected_partner_is_never_told_to_say_where_they_will_be(
    cli: Cli, tmp_path: Path
) -> None:
    for offered in ("never", "rarely", "sometimes"):
        answers = {**BASE_AFFECTED, "tr_offered": offered, "tr_checking": "often"}
        path = write_answers(tmp_path / "a.toml", "affected", answers)
        out = " ".join(cli("check", "--answers", str(path), "--no-save", "--full").stdout.split())
        assert "Telling your partner where you will be" not in out
        assert "What counts is what is offered" in out


# --- the affected partner's own part is not a grade -------------------------------------


def test_the_affected_partners_own_part_is_an_invitation_not_a_status(
    cli: Cli, tmp_path: Path
) -> None:
    answers = {**BASE_AFFECTED, "ap_openness": 1, "ap_markers": "not_yet"}
    path = write_answers(tmp_path / "a.toml", "affected", answers)
    report = cli.json("check", "--answers", str(path), "--json")
    assert isinstance(report, dict)
    assert report["your_part"] is None
    assert "your_part" not in report["prerequisites"]
    own = report["own_part"]
    assert own["title"] == "What may help you, when you are ready"
    assert "did nothing to cause this" in own["intro"]
    assert "status" not in own
    out = cli("summary", "--full").stdout
    table = out.split("Accountability:")[0]
    assert "Your part" not in table
    assert "What may help you, when you are ready" in out
    assert "Your part in the repair" not in out
    history = cli.json("history", "--json")
    assert isinstance(history, list)
    assert "your_part" not in history[0]["statuses"]


def test_the_partner_who_broke_trust_keeps_a_status_for_their_side(
    cli: Cli, tmp_path: Path
) -> None:
    answers = {**BASE_BETRAYING, "ap_patience_self": "pointless"}
    path = write_answers(tmp_path / "a.toml", "betraying", answers)
    report = cli.json("check", "--answers", str(path), "--json")
    assert isinstance(report, dict)
    assert report["your_part"]["status"] == "not_yet"
    assert report["own_part"] is None


# --- the opening line --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("role", "idea"),
    [("affected", "None of this was your doing."), ("betraying", "Promises and apologies")],
)
def test_each_roles_summary_opens_with_its_one_idea(
    cli: Cli, tmp_path: Path, role: str, idea: str
) -> None:
    base = BASE_AFFECTED if role == "affected" else BASE_BETRAYING
    cli("check", "--answers", str(write_answers(tmp_path / "a.toml", role, base)))
    assert cli("summary").stdout.lstrip().startswith(idea)
    report = cli.json("summary", "--json")
    assert isinstance(report, dict)
    assert report["opening"].startswith(idea)
    assert cli("export", "--format", "markdown").stdout.count(idea) == 1


def test_not_sure_yet_speaks_to_the_partner_who_broke_trust_as_such(
    cli: Cli, tmp_path: Path
) -> None:
    answers = {**BASE_BETRAYING, "acc_acknowledged_self": UNKNOWN, "tr_offered_self": UNKNOWN}
    path = write_answers(tmp_path / "a.toml", "betraying", answers)
    report = cli.json("check", "--answers", str(path), "--json")
    assert isinstance(report, dict)
    for area in ("accountability", "transparency"):
        result = report["prerequisites"][area]
        assert result["status"] == "unclear"
        assert {g["addresses"] for g in result["guidance"]} <= {"betraying", "both"}
    ids = [g["id"] for g in report["prerequisites"]["accountability"]["guidance"]]
    assert ids == ["too_early_accountability_self"]
