"""The exported document: one outline for Markdown and HTML, first page first, readable by all.

The browser checks (print, axe-core) are in test_print.py; these read the files themselves.
"""

from __future__ import annotations

import html as html_lib
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from conftest import BASE_AFFECTED, Cli, write_answers

FIRST_PART = ["At a glance", "How things have moved", "Waves of distrust", "Markers"]


@pytest.fixture
def history(cli: Cli, tmp_path: Path) -> None:
    """Two check-ins a month apart (a status changes), markers, and spikes over weeks."""
    early = {**BASE_AFFECTED, "acc_blame": "often", "discovered": "2025-06-01"}
    cli("check", "--answers", str(write_answers(tmp_path / "a.toml", "affected", early)))
    cli("check", "--answers", str(write_answers(tmp_path / "b.toml", "affected", BASE_AFFECTED)))
    cli("markers", "add", "Texts me the same day when plans change")
    cli("markers", "record", "1", "--shown")
    for when in ("20 days ago", "13 days ago", "6 days ago", "2 days ago"):
        cli("spike", "--at", when, "--minutes", "20")


def md_titles(text: str) -> list[str]:
    return [
        re.sub(r"\\(.)", r"\1", line[3:].split(": ")[0])
        for line in text.splitlines()
        if line.startswith("## ")
    ]


def html_titles(text: str) -> list[str]:
    heads = re.findall(r"<h2>(.*?)</h2>", text)
    return [html_lib.unescape(re.sub(r"<[^>]+>", "", h)).split(": ")[0] for h in heads]


def test_markdown_and_html_have_the_same_sections_first_page_first(cli: Cli, history: None) -> None:
    markdown = md_titles(cli("export", "-f", "markdown").stdout)
    page = html_titles(cli("export", "-f", "html").stdout)
    assert markdown == page
    assert page[: len(FIRST_PART)] == FIRST_PART
    assert page.index("Markers") < page.index("Accountability")  # details after page one
    assert page[-1] == "About this summary"


def test_markdown_is_commonmark_with_commands_as_code_and_no_stray_backticks(
    cli: Cli, history: None, tmp_path: Path
) -> None:
    # Guidance that names a command: no markers yet said to be in place.
    nudge = {**BASE_AFFECTED, "ap_markers": "not_yet"}
    cli("check", "--answers", str(write_answers(tmp_path / "c.toml", "affected", nudge)))
    text = cli("export", "-f", "markdown").stdout
    rendered = MarkdownIt("commonmark").enable("table").render(text)
    assert "<code>trustrepair " in rendered
    outside_code = re.sub(r"<code>.*?</code>", "", rendered, flags=re.S)
    assert "`" not in outside_code
    assert "<table>" in rendered


def test_a_persons_backticks_stay_text_not_markup(cli: Cli, tmp_path: Path) -> None:
    answers = {**BASE_AFFECTED, "acc_heard": "He said `sorry` and <b>left</b> *twice*"}
    cli("check", "--answers", str(write_answers(tmp_path / "a.toml", "affected", answers)))
    rendered = MarkdownIt("commonmark").render(cli("export", "-f", "markdown").stdout)
    assert "<b>" not in rendered and "<em>twice" not in rendered
    page = cli("export", "-f", "html").stdout
    assert "&lt;b&gt;left&lt;/b&gt;" in page and "<b>" not in page


class Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.found: list[tuple[str, dict[str, str | None]]] = []
        self.text_in: dict[int, str] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        if self.found:
            index = len(self.found) - 1
            self.text_in[index] = self.text_in.get(index, "") + data


def test_the_page_has_a_main_landmark_captions_and_row_headers(cli: Cli, history: None) -> None:
    page = cli("export", "-f", "html").stdout
    assert page.count("<main>") == 1
    assert not re.search(r"<th[^>]*>\s*</th>", page)  # no empty header cell
    tables = re.findall(r"<table.*?</table>", page, re.S)
    assert len(tables) >= 4
    for table in tables:
        assert "<caption" in table
        for row in re.findall(r"<tbody>(.*?)</tbody>", table, re.S)[0].split("<tr>")[1:]:
            assert '<th scope="row"' in row  # every row is named


def test_status_marks_are_hidden_from_screen_readers_and_the_words_are_there(
    cli: Cli, history: None
) -> None:
    page = cli("export", "-f", "html").stdout.split("<body>")[1]
    for mark in "●◐○":
        for found in re.finditer(re.escape(mark), page):
            before = page[: found.start()]
            assert before.rstrip().endswith('<span class="mark" aria-hidden="true">'), mark
    strip = re.search(r'<table class="strip">.*?</table>', page, re.S)
    assert strip is not None
    assert strip.group(0).count('<span class="sr">') == strip.group(0).count('class="cell ')
    assert '<span class="sr">in place</span>' in strip.group(0)


def test_the_chart_has_a_text_alternative_tied_to_its_figures(cli: Cli, history: None) -> None:
    page = cli("export", "-f", "html").stdout
    svg = re.search(r"<svg[^>]*>", page)
    assert svg is not None
    label = re.search(r'aria-label="([^"]*)"', svg.group(0))
    assert label is not None and "a week at first" in label.group(1)
    target = re.search(r'aria-describedby="([^"]*)"', svg.group(0))
    assert target is not None
    assert f'<caption id="{target.group(1)}">' in page  # the table of figures, later on
    assert "url(" not in page  # the highlighted bars' pattern needs no reference


def test_the_caption_names_the_highlighted_bars_only_when_there_are_some(
    cli: Cli, history: None, tmp_path: Path
) -> None:
    page = cli("export", "-f", "html").stdout
    caption = re.search(r"<figcaption>(.*?)</figcaption>", page, re.S)
    assert caption is not None
    flagged = 'class="bar setback"' in page
    assert ("Banded bars with a triangle" in caption.group(1)) is flagged
    assert "Amber" not in page and "amber" not in caption.group(1)


def test_the_strip_cells_match_the_json_course(cli: Cli, history: None) -> None:
    page = cli("export", "-f", "html").stdout
    course = cli.json("export", "-f", "json")["course"]  # type: ignore[index]
    strip = re.search(r'<table class="strip">.*?</table>', page, re.S)
    assert strip is not None
    rows = strip.group(0).split("<tbody>")[1].split("<tr>")[1:]
    assert len(rows) == len(course) == 3
    for row, item in zip(rows, course, strict=True):
        cells = re.findall(r'<td class="cell (\w+)"', row)
        assert cells == [c["status"] or "none" for c in item["cells"]]


def test_markdown_draws_the_strip_and_the_changes(cli: Cli, history: None) -> None:
    text = cli("export", "-f", "markdown").stdout
    section = text.split("## How things have moved")[1].split("\n## ")[0]
    assert "| Accountability | ○● |" in section or "| Accountability | ◐● |" in section
    assert "2 check-ins, one mark each" in section
    changes = text.split("## How things have moved, change by change")[1].split("\n## ")[0]
    assert "Accountability" in changes and "in place" in changes


def test_the_print_rules_and_the_margin(cli: Cli, history: None) -> None:
    page = cli("export", "-f", "html").stdout
    assert (
        "@page" in page and "@bottom-left" in page and 'counter(page) " of " counter(pages)' in page
    )
    assert "max-width: 36rem" in page  # a phone stacks table rows
    assert "default-src 'none'" in page
