"""`trustrepair compare`: crafted pairs of views, and keeping each partner's words private."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import BASE_AFFECTED, BASE_BETRAYING, Cli, write_answers
from trustrepair.compare import agreement


def checkin(cli: Cli, tmp_path: Path, profile: str, role: str, **changes: object) -> None:
    base = BASE_AFFECTED if role == "affected" else BASE_BETRAYING
    path = write_answers(tmp_path / f"{profile}.toml", role, {**base, **changes})
    cli("--profile", profile, "check", "--answers", str(path))


def views(cli: Cli) -> dict[str, str]:
    result = cli.json("compare", "robin", "kai", "--json")
    assert isinstance(result, dict)
    return {a["area"]: a["agreement"] for a in result["areas"]}


def test_full_agreement(cli: Cli, tmp_path: Path) -> None:
    checkin(cli, tmp_path, "robin", "affected")
    checkin(cli, tmp_path, "kai", "betraying")
    assert views(cli) == {
        "accountability": "agree",
        "transparency": "agree",
        "cessation": "agree",
    }
    assert "same view" in cli("compare", "robin", "kai").stdout


@pytest.mark.parametrize(
    ("area", "affected_change"),
    [
        ("accountability", {"acc_blame": "often"}),
        ("transparency", {"tr_offered": "never", "tr_checking": "often"}),
    ],
)
def test_one_divergence_per_prerequisite(
    cli: Cli, tmp_path: Path, area: str, affected_change: dict[str, object]
) -> None:
    checkin(cli, tmp_path, "robin", "affected", **affected_change)
    checkin(cli, tmp_path, "kai", "betraying")
    got = views(cli)
    assert got.pop(area) == "diverge"
    assert set(got.values()) == {"agree"}
    out = " ".join(cli("compare", "robin", "kai").stdout.split())
    assert "You see this very differently" in out
    assert "couples therapist can help" in out


def test_order_of_arguments_does_not_matter(cli: Cli, tmp_path: Path) -> None:
    checkin(cli, tmp_path, "robin", "affected", acc_blame="rarely")
    checkin(cli, tmp_path, "kai", "betraying")
    a = cli.json("compare", "robin", "kai", "--json")
    b = cli.json("compare", "kai", "robin", "--json")
    assert isinstance(a, dict) and isinstance(b, dict)
    assert a["areas"] == b["areas"]


def test_a_missing_role_gives_a_clear_message(cli: Cli, tmp_path: Path) -> None:
    checkin(cli, tmp_path, "robin", "affected")
    checkin(cli, tmp_path, "sam", "affected")
    result = cli("compare", "robin", "sam", code=2)
    assert "compare needs one from each partner" in result.stderr
    assert (
        "no profile or json export named 'nobody'"
        in cli("compare", "robin", "nobody", code=2).stderr
    )


def test_notes_stay_private_unless_asked(cli: Cli, tmp_path: Path) -> None:
    checkin(cli, tmp_path, "robin", "affected", acc_heard="He said it was my fault")
    checkin(cli, tmp_path, "kai", "betraying", acc_statement="I lied to you for months")
    assert "my fault" not in cli("compare", "robin", "kai").stdout
    assert "lied" not in cli("compare", "robin", "kai", "--json").stdout
    shared = cli("compare", "robin", "kai", "--include-notes").stdout
    assert "He said it was my fault" in shared
    assert "I lied to you for months" in shared


def test_compare_with_a_partners_json_export(cli: Cli, tmp_path: Path) -> None:
    checkin(cli, tmp_path, "robin", "affected")
    checkin(cli, tmp_path, "kai", "betraying", ongoing="reduced")
    shared = tmp_path / "kai.json"
    cli("--profile", "kai", "export", "--format", "json", "--no-notes", "-o", str(shared))
    result = cli.json("compare", "robin", str(shared), "--json")
    assert isinstance(result, dict)
    assert {a["area"]: a["agreement"] for a in result["areas"]}["cessation"] == "conflict"


@pytest.mark.parametrize("said", ["continuing", "reduced"])
def test_disagreeing_on_whether_it_goes_on_is_the_gravest_kind(
    cli: Cli, tmp_path: Path, said: str
) -> None:
    checkin(cli, tmp_path, "robin", "affected", ongoing=said)
    checkin(cli, tmp_path, "kai", "betraying")  # says it has fully stopped
    result = cli.json("compare", "robin", "kai", "--json")
    assert isinstance(result, dict)
    assert {a["area"]: a["agreement"] for a in result["areas"]}["cessation"] == "conflict"
    assert [w["id"] for w in result["warnings"]] == ["compare_conflict"]
    out = " ".join(cli("compare", "robin", "kai").stdout.split())
    # Said first, before the table, as a warning; with a therapist; never "different moments".
    assert out.index("You disagree on whether the behaviour has stopped") < out.index("Two views")
    assert "therapist" in out
    assert "different moments" not in out
    assert "one step apart" not in out.split("Two views")[1].split("Views")[0]


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("in_place", "in_place", "agree"),
        ("in_place", "partial", "partly_agree"),
        ("not_yet", "partial", "partly_agree"),
        ("not_yet", "in_place", "diverge"),
        ("unclear", "in_place", "unclear"),
        ("unclear", "unclear", "agree"),
    ],
)
def test_agreement_levels(a: str, b: str, expected: str) -> None:
    assert agreement(a, b) == expected  # type: ignore[arg-type]


def test_no_disagreement_is_read_out_while_one_partner_is_afraid(cli: Cli, tmp_path: Path) -> None:
    checkin(cli, tmp_path, "robin", "affected", ongoing="continuing", afraid=True)
    checkin(cli, tmp_path, "kai", "betraying")
    result = cli.json("compare", "robin", "kai", "--json")
    assert isinstance(result, dict)
    assert result["warnings"] == []
    assert result["withheld"] is True
    assert result["areas"] == []


@pytest.mark.parametrize("afraid_one", ["robin", "kai"])
def test_compare_shows_only_the_safety_note_while_either_partner_is_afraid(
    cli: Cli, tmp_path: Path, afraid_one: str
) -> None:
    checkin(cli, tmp_path, "robin", "affected", afraid=afraid_one == "robin")
    checkin(cli, tmp_path, "kai", "betraying", afraid=afraid_one == "kai")
    shown = " ".join(cli("compare", "robin", "kai", "--include-notes").stdout.split())
    assert "This comparison is held back" in shown
    assert "afraid" not in shown.split("If you feel afraid")[0]  # never says who, or that one is
    for verdict in ("○", "◐", "●", "in place", "not yet", "same view", "apart", "unclear"):
        assert verdict not in shown
    assert "talk through" not in shown and "ideally with a therapist" not in shown
    result = cli.json("compare", "robin", "kai", "--json", "--include-notes")
    assert isinstance(result, dict)
    assert result["withheld"] is True
    assert (result["areas"], result["warnings"], result["notes"]) == ([], [], None)
    assert "held back" in result["safety_note"]


def test_compare_is_not_withheld_when_neither_is_afraid(cli: Cli, tmp_path: Path) -> None:
    checkin(cli, tmp_path, "robin", "affected")
    checkin(cli, tmp_path, "kai", "betraying")
    result = cli.json("compare", "robin", "kai", "--json")
    assert isinstance(result, dict)
    assert result["withheld"] is False and len(result["areas"]) == 3
