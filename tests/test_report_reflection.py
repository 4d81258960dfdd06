"""A written statement in `check`: reflected on in the walk-through and the report, and shown
under Accountability as one input next to the answers. It never changes a status."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from conftest import BASE_AFFECTED, BASE_BETRAYING, Cli, write_answers

DEFLECTING = (
    "I had an affair and it was my choice, but it only started because you were never home."
)
GENUINE = "I cheated on you and lied for months. Nobody made me. I humiliated you."


def report(cli: Cli, tmp_path: Path, role: str, **changes: object) -> dict[str, Any]:
    base = BASE_AFFECTED if role == "affected" else BASE_BETRAYING
    path = write_answers(tmp_path / "a.toml", role, {**base, **changes})
    data = cli.json("check", "--answers", str(path), "--json", "--no-save")
    assert isinstance(data, dict)
    return data


def accountability(data: dict[str, Any]) -> dict[str, Any]:
    area: dict[str, Any] = data["prerequisites"]["accountability"]
    return area


def test_no_statement_means_no_reflection_and_no_note(cli: Cli, tmp_path: Path) -> None:
    data = report(cli, tmp_path, "betraying")
    assert data["reflections"] == []
    assert accountability(data)["notes"] == []


def test_flags_in_the_statement_add_a_note_and_guidance_but_keep_the_status(
    cli: Cli, tmp_path: Path
) -> None:
    without = accountability(report(cli, tmp_path, "betraying"))
    data = report(cli, tmp_path, "betraying", acc_statement=DEFLECTING)
    acc = accountability(data)
    assert acc["status"] == without["status"] == "in_place"
    assert acc["reasons"] == without["reasons"]
    [note] = acc["notes"]
    assert note["kind"] == "reflection"
    assert note["text"] == (
        "The statement you wrote contains phrases that point back at the partner who was hurt."
    )
    assert note["phrases"] == ["because you were never home"]
    assert "does not change the status" in note["caption"]
    ids = [g["id"] for g in acc["guidance"]]
    assert ids == ["accountability_holds", "deflection_is_not_accountability"]


def test_a_clean_statement_does_not_upgrade_a_status(cli: Cli, tmp_path: Path) -> None:
    data = report(cli, tmp_path, "betraying", acc_blame_self="often", acc_statement=GENUINE)
    acc = accountability(data)
    assert acc["status"] == "not_yet"
    assert acc["notes"] == []
    [st] = data["reflections"]
    assert st["reflection"]["flags"] == []
    assert {s["id"] for s in st["reflection"]["strengths"]} == {
        "names_what_happened",
        "owns_it",
        "names_harm",
    }


def test_the_report_carries_the_reflection_for_json_readers(cli: Cli, tmp_path: Path) -> None:
    data = report(cli, tmp_path, "betraying", acc_statement=DEFLECTING)
    [st] = data["reflections"]
    assert st["question"] == "acc_statement"
    assert st["heading"] == "Reflecting on your statement"
    flag = st["reflection"]["flags"][0]
    assert {"category", "phrase", "explanation"} <= set(flag)


def test_what_the_affected_partner_heard_is_read_as_the_partners_words(
    cli: Cli, tmp_path: Path
) -> None:
    heard = "He said it was only a kiss and that I should get over it."
    data = report(cli, tmp_path, "affected", acc_heard=heard)
    [st] = data["reflections"]
    assert st["reflection"]["heard"] is True
    assert [f["category"] for f in st["reflection"]["flags"]] == [
        "minimising",
        "pressure_to_move_on",
    ]
    assert accountability(data)["notes"][0]["text"].startswith(
        "What you wrote down from your partner contains phrases that make what happened "
        "sound smaller and hurry"
    )
    assert accountability(data)["status"] == "in_place"


def test_terminal_summary_shows_the_note_under_accountability_and_the_reflection(
    cli: Cli, tmp_path: Path
) -> None:
    path = write_answers(
        tmp_path / "a.toml", "betraying", {**BASE_BETRAYING, "acc_statement": DEFLECTING}
    )
    cli("check", "--answers", str(path))
    out = cli("summary", "--full").stdout
    acc_panel = out[out.index("Accountability  ") : out.index("Transparency  ")]
    assert "✎ The statement you wrote contains phrases that point back" in acc_panel
    section = out.index("Reflecting on your statement")
    assert out.index("Transparency  ") < section < out.index("Timeline")
    # the phrase is quoted once, in the reflection, not again under accountability
    assert out.count("“because you were never home”") == 1
    assert "“because you were never home”" in out[section:]


def test_the_stored_check_in_shows_the_reflection_again_in_summary(
    cli: Cli, tmp_path: Path
) -> None:
    path = write_answers(
        tmp_path / "a.toml", "betraying", {**BASE_BETRAYING, "acc_statement": DEFLECTING}
    )
    cli("check", "--answers", str(path))
    data = cli.json("summary", "--json")
    assert data["reflections"][0]["reflection"]["flags"][0]["category"] == "blame_shifting"  # type: ignore[index]
    history = cli.json("history", "--json")
    assert history[0]["statuses"]["accountability"] == "in_place"  # type: ignore[index]


# --- the walk-through ----------------------------------------------------------------------

BEFORE_STATEMENT = ["n", "-", "1", "1", "1", "1", "1"]  # safety .. acc_repeat_self
AFTER_STATEMENT = ["1", "1", "1", "1", "1", "1"]  # transparency .. support


def walk(cli: Cli, statement_lines: list[str], offer: list[str] = ["n"]) -> Any:  # noqa: B006
    """The walk-through with this statement; `offer` answers the offer to rewrite it."""
    typed = [*BEFORE_STATEMENT, *statement_lines, "", *offer, *AFTER_STATEMENT]
    return cli("check", "--role", "betraying", "--no-save", "--json", input="\n".join(typed) + "\n")


def test_walk_through_reflects_right_after_the_statement(cli: Cli) -> None:
    result = walk(cli, ["I'm sorry if you felt hurt.", "We both let things slide."])
    ui = result.stderr
    reflection = ui.index("Reflecting on your statement")
    assert ui.index("accountability statement") < reflection < ui.index("Transparency")
    assert "“sorry if you felt hurt”" in ui
    assert "“We both let things slide”" in ui
    assert "Would you like to try writing it again" in ui
    data = json.loads(result.stdout)
    flags = data["reflections"][0]["reflection"]["flags"]
    assert [f["category"] for f in flags] == ["conditional_apology", "shared_blame"]


def test_walk_through_skipping_the_statement_shows_no_reflection(cli: Cli) -> None:
    result = walk(cli, ["-"], offer=[])
    assert "Reflecting on your statement" not in result.stderr


@pytest.mark.parametrize("line", ["[red]it was just a kiss[/red]"])
def test_walk_through_shows_the_statement_as_written(cli: Cli, line: str) -> None:
    result = walk(cli, [line])
    assert "“it was just a kiss”" in result.stderr


# --- exports: the same reflection in every view, and none of it with --no-notes ------------


@pytest.fixture
def saved_statement(cli: Cli, tmp_path: Path) -> None:
    answers = {**BASE_BETRAYING, "acc_statement": DEFLECTING + " It was just a <b>fling</b>."}
    cli("check", "--answers", str(write_answers(tmp_path / "a.toml", "betraying", answers)))


def test_markdown_and_html_exports_show_the_note_and_the_reflection(
    cli: Cli, saved_statement: None
) -> None:
    from markdown_it import MarkdownIt

    md = cli("export", "--format", "markdown").stdout
    assert "## Reflecting on your statement" in md
    assert "The statement you wrote contains phrases that point back" in md
    rendered = MarkdownIt("commonmark").render(md)
    assert "<b>fling</b>" not in rendered  # the person's words stay literal
    html = cli("export", "--format", "html").stdout
    assert "<h2>Reflecting on your statement</h2>" in html
    assert "“because you were never home”" in html
    assert "<b>fling" not in html


def test_no_notes_leaves_the_statement_and_its_phrases_out_of_every_format(
    cli: Cli, saved_statement: None
) -> None:
    for fmt in ("markdown", "html", "json", "toml"):
        out = cli("export", "--format", fmt, "--no-notes").stdout
        assert "never home" not in out, fmt
        assert "Reflecting on your statement" not in out, fmt
    data = cli.json("export", "--format", "json", "--no-notes")
    acc = data["summary"]["prerequisites"]["accountability"]  # type: ignore[index]
    assert acc["notes"][0]["phrases"] == []
    assert acc["notes"][0]["text"].startswith("The statement you wrote contains phrases")
    assert data["summary"]["reflections"] == []  # type: ignore[index]
