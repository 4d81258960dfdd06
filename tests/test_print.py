"""The printed report, in a real browser: headless Chromium prints the HTML export to PDF, poppler
reads it back, and axe-core checks the page on screen, for print and at a phone's width.

Skipped, with the reason, when Chromium, poppler or node with axe-core and playwright-core are
missing; .ci/run installs all of them. tests/reference/ keeps a picture of page 1 for people.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest

from conftest import BASE_AFFECTED, EXAMPLES, ROOT, Cli, write_answers

BROWSER = shutil.which("chromium") or shutil.which("chromium-browser")
POPPLER = shutil.which("pdftotext") and shutil.which("pdftoppm") and shutil.which("pdfinfo")
NODE = shutil.which("node")
NODE_MODULES = Path(
    os.environ.get("TRUSTREPAIR_NODE_MODULES", Path.home() / ".cache/trustrepair-ci/node_modules")
)
CHECKER = ROOT / "tests" / "browser" / "page_check.cjs"
REFERENCE = ROOT / "tests" / "reference" / "page1-14-months-a4.png"

needs_pdf = pytest.mark.skipif(
    not (BROWSER and POPPLER), reason="needs chromium and poppler-utils (.ci/run installs them)"
)
needs_axe = pytest.mark.skipif(
    not (BROWSER and NODE and (NODE_MODULES / "axe-core").is_dir()),
    reason=f"needs chromium, node, and axe-core + playwright-core in {NODE_MODULES} (.ci/run)",
)


# --- three stores: plain, hard (warnings and a safety notice), fourteen months ----------------


def export_html(cli: Cli, home: Path, out: Path) -> Path:
    cli("--home", str(home), "export", "--format", "html", "-o", str(out), "--force")
    return out


@pytest.fixture(scope="module")
def fourteen_months(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A seeded store: 14 months of check-ins, spikes and markers (the demo's generator)."""
    from trustrepair.bank import load_bank
    from trustrepair.generate import history, three_years
    from trustrepair.workspace import Workspace, fill_profile

    home = tmp_path_factory.mktemp("fourteen")
    shape = replace(three_years(), days=14 * 30 + 5)
    data = history(load_bank(), "affected", seed=3, today=dt.date.today(), shape=shape)
    fill_profile(Workspace(home, "default"), data)
    return home


@pytest.fixture
def plain(cli: Cli, tmp_path: Path) -> Path:
    home = tmp_path / "plain"
    cli("--home", str(home), "check", "--answers", str(EXAMPLES / "answers-affected.toml"))
    return export_html(cli, home, tmp_path / "plain.html")


HARD = {
    **BASE_AFFECTED,
    "afraid": True,
    "ongoing": "continuing",
    "acc_acknowledged": "not_yet",
    "acc_blame": "often",
    "tr_offered": "never",
    "tr_checking": "often",
    "discovered": "2024-02-29",
}


@pytest.fixture
def hard(cli: Cli, tmp_path: Path) -> Path:
    home = tmp_path / "hard"
    answers = write_answers(tmp_path / "hard.toml", "affected", HARD)
    cli("--home", str(home), "check", "--answers", str(answers))
    cli("--home", str(home), "spike", "--minutes", "40", "--intensity", "8")
    return export_html(cli, home, tmp_path / "hard.html")


@pytest.fixture
def long_page(cli: Cli, fourteen_months: Path, tmp_path: Path) -> Path:
    return export_html(cli, fourteen_months, tmp_path / "fourteen.html")


# --- printing -------------------------------------------------------------------------------


def print_pdf(page: Path, tmp_path: Path, paper: str) -> Path:
    """Print as a browser would on that paper (the page itself follows the printer's paper)."""
    assert BROWSER is not None
    copy = tmp_path / f"{page.stem}-{paper}.html"
    copy.write_text(page.read_text(encoding="utf-8").replace("size: auto;", f"size: {paper};"))
    pdf = tmp_path / f"{page.stem}-{paper}.pdf"
    args = [
        BROWSER, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run",
        f"--user-data-dir={tmp_path / 'chromium'}", f"--print-to-pdf={pdf}",
        "--no-pdf-header-footer", copy.as_uri(),
    ]  # fmt: skip
    subprocess.run(args, capture_output=True, timeout=120, check=False)
    assert pdf.is_file() and pdf.stat().st_size > 10_000, "Chromium printed nothing"
    return pdf


def pdf_info(pdf: Path) -> dict[str, str]:
    out = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    return dict(line.split(":", 1) for line in out.stdout.splitlines() if ":" in line)


def page_text(pdf: Path, page: int) -> str:
    args = ["pdftotext", "-f", str(page), "-l", str(page), str(pdf), "-"]
    text = subprocess.run(args, capture_output=True, text=True, check=True).stdout
    return " ".join(text.split())


def marker_texts(cli: Cli, home: Path) -> list[str]:
    data = json.loads(cli("--home", str(home), "export", "--format", "json").stdout)
    return [m["text"] for m in data["data"]["markers"] if m["retired_utc"] is None]


@needs_pdf
def test_page_one_of_a_14_month_store_holds_what_a_therapist_reads_first(
    cli: Cli, fourteen_months: Path, long_page: Path, tmp_path: Path
) -> None:
    pdf = print_pdf(long_page, tmp_path, "A4")
    info = pdf_info(pdf)
    assert "A4" in info["Page size"]
    pages = int(info["Pages"])
    assert 2 <= pages <= 4, pages  # details follow; no run of half-empty pages
    first = page_text(pdf, 1)
    for heading in ("At a glance", "How things have moved", "Waves of distrust", "Markers"):
        assert heading in first, heading
    # The statuses (the affected partner's own part is an invitation, never a status).
    for area in ("Accountability", "Transparency", "The behaviour has stopped"):
        assert area in first, area
    assert re.search(r"\d+ check-ins, one mark per month", first)
    assert "Spikes per week, by" in first  # the chart's caption: the chart is on page 1
    assert "How often each marker was shown" in first
    for text in marker_texts(cli, fourteen_months):  # the whole consistency table
        assert " ".join(text.split()[:4]) in first, text
    today = dt.date.today()
    assert f"exported {today.day} {today:%b %Y}" in first
    assert f"Page 1 of {pages}" in first
    assert f"Page {pages} of {pages}" in page_text(pdf, pages)


@needs_pdf
def test_page_one_holds_on_us_letter_too(long_page: Path, tmp_path: Path) -> None:
    pdf = print_pdf(long_page, tmp_path, "letter")
    assert "letter" in pdf_info(pdf)["Page size"]
    first = page_text(pdf, 1)
    for part in ("At a glance", "How things have moved", "Spikes per week", "Markers"):
        assert part in first, part


@needs_pdf
def test_the_first_two_pages_rasterise_into_real_pictures(long_page: Path, tmp_path: Path) -> None:
    pdf = print_pdf(long_page, tmp_path, "A4")
    prefix = tmp_path / "page"
    args = ["pdftoppm", "-f", "1", "-l", "2", "-r", "60", "-png", str(pdf), str(prefix)]
    subprocess.run(args, check=True, timeout=60)
    shots = sorted(tmp_path.glob("page-*.png"))
    assert len(shots) == 2
    for shot in shots:
        assert shot.stat().st_size > 15_000  # drawn, not blank
    if os.environ.get("TRUSTREPAIR_UPDATE_REFERENCE"):
        shutil.copyfile(shots[0], REFERENCE)
    assert REFERENCE.stat().st_size > 15_000


@needs_pdf
def test_rows_and_the_chart_are_never_split_by_a_page_break(long_page: Path) -> None:
    css = long_page.read_text(encoding="utf-8")
    rule = re.search(r"@media print \{(.*)\}", css, re.S)
    assert rule is not None
    assert re.search(r"tr, th, td, figure, svg[^{]*\{ break-inside: avoid", rule.group(1))
    assert "@bottom-right" in css and "counter(pages)" in css


# --- accessibility: axe-core in the same browser ---------------------------------------------


def check_page(page: Path) -> dict[str, object]:
    env = {**os.environ, "NODE_PATH": str(NODE_MODULES), "CHROMIUM": str(BROWSER)}
    out = subprocess.run(
        ["node", str(CHECKER), str(page)], capture_output=True, text=True, timeout=180, env=env
    )
    assert out.returncode == 0, out.stderr[-2000:]
    return dict(json.loads(out.stdout))


@needs_axe
@pytest.mark.parametrize("store", ["plain", "hard", "long_page"])
def test_axe_finds_nothing_on_screen_in_print_or_on_a_phone(
    store: str, request: pytest.FixtureRequest
) -> None:
    page: Path = request.getfixturevalue(store)
    found = check_page(page)
    assert found["screen"] == [], found["screen"]
    assert found["print"] == [], found["print"]
    assert found["requests"] == []
    phone = found["phone"]
    assert isinstance(phone, dict)
    assert phone["scrollWidth"] <= phone["clientWidth"] == 320  # no sideways scroll at 320px
    assert phone["stackedRows"] is True
    assert phone["smallestLabelPx"] is None or phone["smallestLabelPx"] >= 11


@needs_axe
def test_axe_catches_what_the_issue_found(tmp_path: Path) -> None:
    """A positive control: the faults the issue listed, on a page of their own."""
    bad = tmp_path / "bad.html"
    bad.write_text(
        '<!DOCTYPE html><html lang="en"><head><title>x</title></head><body><h1>x</h1>'
        "<table><tr><th></th><th>Status</th></tr><tr><td>a</td><td>b</td></tr></table>"
        '<div style="width:900px">wide</div></body></html>',
        encoding="utf-8",
    )
    found = check_page(bad)
    ids = {v["id"] for v in found["screen"]}  # type: ignore[union-attr]
    assert "landmark-one-main" in ids
    assert "empty-table-header" in ids
    assert found["phone"]["scrollWidth"] > 320  # type: ignore[index]
