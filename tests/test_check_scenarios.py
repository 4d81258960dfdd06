"""The three scripted scenarios from the article, through `check --answers --json`."""

from __future__ import annotations

from pathlib import Path

from conftest import BASE_AFFECTED, BASE_BETRAYING, EXAMPLES, Cli, write_answers


def report_for(cli: Cli, tmp_path: Path, role: str, **changes: object) -> dict:
    base = BASE_AFFECTED if role == "affected" else BASE_BETRAYING
    path = write_answers(tmp_path / "a.toml", role, {**base, **changes})
    report = cli.json("check", "--answers", str(path), "--json")
    assert isinstance(report, dict)
    return report


def guidance_ids(area: dict) -> list[str]:
    return [g["id"] for g in area["guidance"]]


def test_all_in_place_when_every_answer_supports_it(cli: Cli, tmp_path: Path) -> None:
    report = report_for(cli, tmp_path, "affected")
    statuses = {k: v["status"] for k, v in report["prerequisites"].items()}
    assert statuses == {
        "accountability": "in_place",
        "transparency": "in_place",
        "cessation": "in_place",
    }
    assert report["warnings"] == []
    assert report["safety"] == []


def test_blame_on_affected_partner_means_accountability_not_in_place(
    cli: Cli, tmp_path: Path
) -> None:
    report = report_for(cli, tmp_path, "affected", acc_blame="often")
    acc = report["prerequisites"]["accountability"]
    assert acc["status"] == "not_yet"
    assert "deflection_is_not_accountability" in guidance_ids(acc)
    assert any(r["evidence"][0]["answer"] == "Often" for r in acc["reasons"])
    assert [w["id"] for w in report["warnings"]] == ["blame_sharing"]


def test_betraying_partner_who_blames_sees_the_same_guidance(cli: Cli, tmp_path: Path) -> None:
    report = report_for(cli, tmp_path, "betraying", acc_blame_self="sometimes")
    acc = report["prerequisites"]["accountability"]
    assert acc["status"] == "not_yet"
    assert "deflection_is_not_accountability" in guidance_ids(acc)


def test_checking_the_phone_with_nothing_offered_is_not_transparency(
    cli: Cli, tmp_path: Path
) -> None:
    report = report_for(cli, tmp_path, "affected", tr_checking="often", tr_offered="never")
    tr = report["prerequisites"]["transparency"]
    assert tr["status"] == "not_yet"
    assert "transparency_not_surveillance" in guidance_ids(tr)
    text = " ".join(g["text"] for g in tr["guidance"])
    assert "surveillance" in text


def test_contact_still_going_on_means_cessation_not_in_place(cli: Cli, tmp_path: Path) -> None:
    report = report_for(cli, tmp_path, "affected", ongoing="reduced")
    assert report["prerequisites"]["cessation"]["status"] == "not_yet"
    warnings = [w["id"] for w in report["warnings"]]
    assert warnings == ["behaviour_ongoing"]
    assert "cannot" in report["warnings"][0]["guidance"]["text"]


def test_not_sure_whether_it_stopped_is_unclear(cli: Cli, tmp_path: Path) -> None:
    report = report_for(cli, tmp_path, "affected", ongoing="unsure")
    assert report["prerequisites"]["cessation"]["status"] == "unclear"


def test_safety_guidance_comes_first_when_afraid(cli: Cli, tmp_path: Path) -> None:
    path = write_answers(tmp_path / "a.toml", "affected", {**BASE_AFFECTED, "afraid": True})
    result = cli("check", "--answers", str(path))
    out = result.stdout
    assert out.index("Your safety comes first") < out.index("Accountability")
    assert "emergency" in out


def test_shipped_examples_run(cli: Cli) -> None:
    for name in ("answers-affected.toml", "answers-betraying.toml"):
        report = cli.json("check", "--answers", str(EXAMPLES / name), "--json", "--no-save")
        assert isinstance(report, dict)
        assert set(report["prerequisites"]) == {"accountability", "transparency", "cessation"}
        for area in report["prerequisites"].values():
            assert area["status"] in {"in_place", "partial", "not_yet", "unclear"}


def test_spike_progress_is_not_pushed_on_the_partner_who_broke_trust(cli: Cli) -> None:
    cli("check", "--answers", str(EXAMPLES / "answers-betraying.toml"))
    assert "trustrepair spike" not in cli("summary").stdout
    report = cli.json("summary", "--json")
    assert isinstance(report, dict)
    assert report["progress"] is None
    cli("check", "--answers", str(EXAMPLES / "answers-affected.toml"))
    assert "Log one with" in " ".join(cli("summary").stdout.split())
