"""One outline, three renderers: the same sections in the same order, and every point once."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from conftest import BASE_AFFECTED, BASE_BETRAYING, Cli, write_answers

STATEMENT = "I had an affair and it was my choice, but it only started because you were never home."
STATUS_WORDS = ("not yet in place", "partly in place", "in place", "unclear")


@pytest.fixture(params=["affected", "betraying"])
def rich_history(request: pytest.FixtureRequest, cli: Cli, tmp_path: Path) -> str:
    """A check-in with warnings, a statement, markers and logged spikes: every section shows."""
    role = request.param
    if role == "affected":
        answers = {
            **BASE_AFFECTED,
            "acc_blame": "often",
            "tr_offered": "never",
            "tr_checking": "often",
            "acc_heard": STATEMENT,
            "sp_frequency": "daily",
            "discovered": "2025-03-01",
            "notes": "A hard week.",
        }
    else:
        answers = {
            **BASE_BETRAYING,
            "acc_blame_self": "often",
            "ongoing": "reduced",
            "acc_statement": STATEMENT,
            "discovered": "2025-03-01",
        }
    answers = {k: v for k, v in answers.items() if k != "notes"}
    cli("check", "--answers", str(write_answers(tmp_path / "a.toml", role, answers)))
    cli("markers", "add", "Texts me the same day when plans change")
    cli("markers", "add", "Be more honest with me")
    cli("markers", "record", "1", "--shown")
    for when in ("20 days ago", "13 days ago", "6 days ago", "2 days ago"):
        cli("spike", "--at", when, "--minutes", "20")
    return role


def terminal_titles(text: str) -> list[str]:
    titles = []
    for line in text.splitlines():
        found = re.match(r"^(?:╭─ )?([^\s╰─].*?)\s*─{3,}", line)
        if found:
            titles.append(found.group(1).split("  ")[0].strip())
    return titles


def markdown_titles(text: str) -> list[str]:
    return [line[3:].split(": ")[0] for line in text.splitlines() if line.startswith("## ")]


def html_titles(text: str) -> list[str]:
    heads = re.findall(r"<h2>(.*?)</h2>", text)
    return [re.sub(r"<[^>]+>", "", h).split(": ")[0] for h in heads]


def unescape_md(title: str) -> str:
    return re.sub(r"\\(.)", r"\1", title)


def test_terminal_markdown_and_html_have_the_same_sections_in_order(
    cli: Cli, rich_history: str
) -> None:
    import html as html_lib

    terminal = terminal_titles(cli("summary", "--full").stdout)
    markdown = [unescape_md(t) for t in markdown_titles(cli("export", "-f", "markdown").stdout)]
    page = [html_lib.unescape(t) for t in html_titles(cli("export", "-f", "html").stdout)]
    assert len(terminal) >= 8
    assert markdown == page
    # An export adds what only it has (render/document.py) and puts the first page first.
    assert sorted(t for t in page if t not in EXPORT_ONLY) == sorted(terminal)
    for title in ("Markers", "Waves of distrust", "Timeline", "Support"):
        assert title in terminal


EXPORT_ONLY = (
    "At a glance",
    "How things have moved",
    "How things have moved, change by change",
    "Reading the waves and the markers",
    "Waves of distrust, week by week",
)


def area_statuses(text: str) -> list[str]:
    found = []
    for area in ("Accountability", "Transparency", "The behaviour has stopped"):
        details = text.find(f"## {area}")  # exports: the area's own section, after page one
        start = details if details >= 0 else text.index(area)
        tail = text[start:][:120]
        found.append(next(w for w in STATUS_WORDS if w in tail))
    return found


def test_every_format_uses_the_same_status_words(cli: Cli, rich_history: str) -> None:
    terminal = cli("summary", "--full").stdout
    markdown = cli("export", "-f", "markdown").stdout
    html = cli("export", "-f", "html").stdout.split("<body>")[1].replace("<h2>", "## ")
    page = re.sub(r"<[^>]+>", "", html)
    short = cli("summary").stdout
    assert area_statuses(terminal) == area_statuses(markdown) == area_statuses(page)
    assert area_statuses(short) == area_statuses(terminal)
    history = cli("history").stdout
    assert "partial" not in history.replace("partially", "")  # the summary's words, not ids


def sentences(text: str) -> list[str]:
    text = re.sub(r"[│╭╮╰╯─┃━]", " ", text)
    text = re.sub(r"[*_>#|\\]", " ", text)
    flat = " ".join(text.split())
    return [s.strip() for s in re.split(r"(?<=[.!?])\s+", flat)]


def lines_of(text: str) -> list[str]:
    """Headings, titles and credits end without a full stop: each line counts on its own too."""
    text = re.sub(r"[│╭╮╰╯─┃━]", " ", text)
    text = re.sub(r"[*_>#|\\]", " ", text)
    return [" ".join(line.split()) for line in text.splitlines()]


def repeated(text: str) -> list[str]:
    found: set[str] = set()
    for pieces in (sentences(text), lines_of(text)):
        counts = Counter(s for s in pieces if len(s) >= 30)
        found |= {s for s, n in counts.items() if n > 1}
    return sorted(found)


def html_text(page: str) -> str:
    import html as html_lib

    body = page.split("<body>")[1]
    return html_lib.unescape(re.sub(r"<[^>]+>", "\n", body))


def test_no_sentence_is_said_twice_in_any_format(cli: Cli, rich_history: str) -> None:
    assert repeated(cli("summary").stdout) == []
    assert repeated(cli("summary", "--full").stdout) == []
    assert repeated(cli("export", "-f", "markdown").stdout) == []
    assert repeated(html_text(cli("export", "-f", "html").stdout)) == []


def test_the_repeat_check_catches_a_repeat() -> None:
    said = "Being sure comes later than the stopping, and that is usual."
    assert repeated(f"{said}\n│ {said} │") == [said]
    credit = "From the article: The three prerequisites for repair"
    assert repeated(f"{credit}\n\n**Title**\n\n{credit}") == [credit]


def test_each_guidance_entry_is_credited_once_and_the_parts_named_once(
    cli: Cli, rich_history: str
) -> None:
    out = cli("summary", "--full").stdout
    assert out.count("From the article") == 0
    assert out.count("Guidance drawn from the article, by part:") == 1
    flat = " ".join(out.split())
    import re

    from trustrepair.render.sections import article_parts

    credited = {int(n) for n in re.findall(r"\(article, part (\d)\)", flat)}
    key = flat.split("Guidance drawn from the article, by part: ")[1].split(".")[0]
    listed = {int(n): title for n, title in re.findall(r"(\d) ([^;]+)", key)}
    assert credited and credited == set(listed)
    for n, title in listed.items():  # a part's number is its place among the headings
        assert article_parts()[n - 1] == title.strip()


SCENARIOS = sorted((Path(__file__).parent / "scenarios").glob("*.toml"))
EXAMPLES_DIR = Path(__file__).parents[1] / "examples"


@pytest.mark.parametrize(
    "path", SCENARIOS + sorted(EXAMPLES_DIR.glob("answers-*.toml")), ids=lambda p: p.stem
)
def test_no_scenario_says_a_sentence_twice(cli: Cli, tmp_path: Path, path: Path) -> None:
    import tomllib

    data = tomllib.loads(path.read_text(encoding="utf-8"))
    answers = write_answers(tmp_path / "a.toml", data["role"], data["answers"])
    cli("check", "--answers", str(answers))
    for args in (["summary"], ["summary", "--full"], ["export", "-f", "markdown"]):
        assert repeated(cli(*args).stdout) == [], args
    assert repeated(html_text(cli("export", "-f", "html").stdout)) == []
