"""The question bank: the shipped one is sound, and broken ones fail with one clear line."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest
import tomli_w

from conftest import BASE_AFFECTED, EXAMPLES, ROOT, Cli, write_answers
from trustrepair.bank import default_bank_path, load_bank
from trustrepair.errors import BankError
from trustrepair.vocab import ROLES

BANK = ROOT / "data" / "prompts.toml"


def bank_data() -> dict[str, Any]:
    return tomllib.loads(BANK.read_text(encoding="utf-8"))


def write_bank(tmp_path: Path, data: dict[str, Any]) -> Path:
    path = tmp_path / "custom.toml"
    path.write_text(tomli_w.dumps(data), encoding="utf-8")
    return path


def test_the_shipped_bank_validates(cli: Cli) -> None:
    result = cli("prompts", "validate", str(BANK))
    assert "valid" in result.stderr


def test_the_installed_bank_is_the_checkout_one_in_development() -> None:
    # In an editable install the wheel's force-include is absent; the checkout copy is used.
    assert default_bank_path().read_bytes() == BANK.read_bytes()


def test_safety_comes_first_for_both_roles() -> None:
    bank = load_bank()
    for role in ROLES:
        assert bank.questions_for(role)[0].section == "safety"


# The reference article sits in the shared folder beside the checkout (or one level up).
ARTICLE = next(
    (
        base / "shared" / "reference" / "rebuild-trust-after-betrayal.txt"
        for base in (ROOT.parent, ROOT.parent.parent)
        if (base / "shared" / "reference").is_dir()
    ),
    ROOT / "missing-article.txt",
)


def article_headings() -> set[str]:
    """The article's section headings: short lines without a closing stop, after the header."""
    body = ARTICLE.read_text(encoding="utf-8").split("-----", 1)[1]
    lines = [line.strip() for line in body.splitlines()]
    return {
        line
        for line in lines
        if 0 < len(line.split()) < 14 and not line.endswith((".", "?", "!", ":"))
    }


@pytest.mark.skipif(not ARTICLE.is_file(), reason="the reference article is not checked out here")
def test_every_credit_names_a_real_heading_exactly() -> None:
    bank = load_bank()
    headings = article_headings()
    assert "The three prerequisites for trust repair" in headings  # the reader works
    for source in bank.sources.values():
        assert source.title in headings, source.title
    cited = [g.source for g in bank.guidance] + [bank.report.horizon.source, bank.about.source]
    for sid in cited:
        assert sid is None or sid in bank.sources


def test_text_with_no_article_basis_carries_no_credit() -> None:
    bank = load_bank()
    own_words = ["safety_first", "safety_own_support", "phase_after_first_year"]
    own_words += ["compare_agree", "compare_partly", "compare_diverge", "compare_unclear"]
    for gid in own_words:
        assert bank.guide(gid).source is None, gid
    framing = next(p for p in bank.phases if p.id == "before_horizon")
    assert "trustrepair's own framing" in framing.title


def test_every_guidance_says_whom_it_addresses() -> None:
    bank = load_bank()
    for g in bank.guidance:
        assert g.addresses in ("affected", "betraying", "both")
    # The advice to tell a partner where you will be is for the partner who broke trust.
    assert bank.guide("offer_before_asked").addresses == "betraying"
    assert bank.guide("offered_not_requested").addresses == "affected"


def test_a_rule_cannot_send_guidance_to_the_other_role(tmp_path: Path) -> None:
    text = default_bank_path().read_text(encoding="utf-8")
    bad = text.replace(
        'reason = "Nothing is offered unless you ask."\nguidance = ["offered_not_requested"]',
        'reason = "Nothing is offered unless you ask."\nguidance = ["offer_before_asked"]',
    )
    assert bad != text
    path = tmp_path / "bank.toml"
    path.write_text(bad, encoding="utf-8")
    with pytest.raises(BankError, match=r"offer_before_asked.*addresses the betraying partner"):
        load_bank(path)


def test_both_roles_cover_every_prerequisite() -> None:
    bank = load_bank()
    for role in ROLES:
        for area in ("accountability", "transparency", "cessation"):
            statuses = {r.status for r in bank.rules if r.area == area and role in r.roles}
            assert {"in_place", "not_yet"} <= statuses, (role, area)


def break_bank(case: str) -> dict[str, Any]:
    data = bank_data()
    match case:
        case "unknown key":
            data["questions"][0]["colour"] = "blue"
        case "duplicate id":
            data["questions"].append(dict(data["questions"][2]))
        case "rule names a missing question":
            data["rules"][0]["when"][0]["question"] = "no_such_question"
        case "rule names missing guidance":
            data["rules"][0]["guidance"] = ["no_such_guidance"]
        case "option out of range":
            data["rules"][0]["when"][0]["is_one_of"] = ["sometimes", "always"]
        case "scale value out of range":
            data["rules"][-1]["when"] = [{"question": "ces_confidence", "is_one_of": [9]}]
        case "default out of range":
            q = next(q for q in data["questions"] if q["id"] == "ap_openness")
            q["default"] = 7
        case "missing section":
            data["questions"][0]["section"] = "nowhere"
    return data


@pytest.mark.parametrize(
    ("case", "expected"),
    [
        ("unknown key", "questions['afraid'].colour: Extra inputs are not permitted"),
        ("duplicate id", "duplicate question id 'discovered'"),
        ("rule names a missing question", "names a missing question 'no_such_question'"),
        ("rule names missing guidance", "names a missing guidance 'no_such_guidance'"),
        ("option out of range", "expected one of: never, rarely, sometimes, often"),
        ("scale value out of range", "expected 5 or less"),
        ("default out of range", "question 'ap_openness' default: expected 5 or less"),
        ("missing section", "names a missing section 'nowhere'"),
    ],
)
def test_broken_banks_give_one_clear_line(
    cli: Cli, tmp_path: Path, case: str, expected: str
) -> None:
    path = write_bank(tmp_path, break_bank(case))
    result = cli("prompts", "validate", str(path), code=2)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert str(path) in lines[0]
    assert expected in lines[0]


def test_a_custom_bank_changes_the_wording_of_check(cli: Cli, tmp_path: Path) -> None:
    data = bank_data()
    g = next(g for g in data["guidance"] if g["id"] == "deflection_is_not_accountability")
    g["title"] = "A therapist's own wording about deflection"
    data["meta"]["version"] = "clinic-1"
    bank = write_bank(tmp_path, data)
    answers = write_answers(
        tmp_path / "a.toml", "affected", {**BASE_AFFECTED, "acc_blame": "often"}
    )
    result = cli("check", "--prompts", str(bank), "--answers", str(answers), "--full")
    assert "A therapist's own wording about deflection" in result.stdout
    history = cli.json("history", "--json")
    assert isinstance(history, list)
    assert history[0]["statuses"]["accountability"] == "not_yet"
    # The summary with the built-in bank says the check-in used another bank.
    assert "clinic-1" in cli("summary").stdout


def test_a_missing_or_malformed_bank_file(cli: Cli, tmp_path: Path) -> None:
    assert "no such file" in cli("prompts", "validate", str(tmp_path / "nope.toml"), code=2).stderr
    bad = tmp_path / "bad.toml"
    bad.write_text("[meta\n")
    assert "not valid TOML" in cli("prompts", "validate", str(bad), code=2).stderr


def test_every_question_has_help_text() -> None:
    from trustrepair.bank import load_bank

    missing = [q.id for q in load_bank(None).questions if not (q.help or "").strip()]
    assert missing == []


def test_help_at_a_core_question_explains_it(cli) -> None:  # type: ignore[no-untyped-def]
    # afraid: n, then ? at "Has your partner told you plainly what they did" (question 4).
    result = cli("check", "--role", "affected", "--no-save", input="n\n-\n1\n?\n", code=2)
    assert "No extra help" not in result.output
    assert "Plainly means the facts as they were" in result.output


def test_guidance_says_you_to_the_person_it_addresses() -> None:
    """A rough check that "you" means the right person in role-bound guidance."""
    bank = load_bank()
    for_the_other_side = {
        "affected": ["tell your partner", "what you did", "before they ask", "your steadiness"],
        "betraying": ["you were hurt", "your wariness", "forgive", "you did nothing"],
    }
    for g in bank.guidance:
        text = f"{g.title} {g.text}".lower()
        for phrase in for_the_other_side.get(g.addresses, []):
            assert phrase not in text, (g.id, phrase)


def test_a_bank_version_too_long_to_store_is_refused_when_the_bank_is_read(
    cli: Cli, tmp_path: Path
) -> None:
    # Every check-in keeps its bank's version; one that an import would refuse never gets in.
    data = bank_data()
    data["meta"]["version"] = "v" * 100
    path = write_bank(tmp_path, data)
    answers = str(EXAMPLES / "answers-affected.toml")
    result = cli("check", "--prompts", str(path), "--answers", answers, code=2)
    assert "meta.version" in result.stderr and "64" in result.stderr
