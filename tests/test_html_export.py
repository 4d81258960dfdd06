"""The HTML export: self-contained, printable, and silent on the network, in a real browser."""

from __future__ import annotations

import re
import shutil
import socket
import subprocess
import threading
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import BASE_AFFECTED, Cli, write_answers

BROWSER = (
    shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
)


@pytest.fixture
def page(cli: Cli, tmp_path: Path) -> Path:
    answers = {**BASE_AFFECTED, "acc_blame": "often", "acc_heard": "<script>alert(1)</script> [b]x"}
    cli("check", "--answers", str(write_answers(tmp_path / "a.toml", "affected", answers)))
    out = tmp_path / "summary.html"
    cli("export", "--format", "html", "-o", str(out))
    return out


class StrictParser(HTMLParser):
    """Collects every tag and attribute, failing on unbalanced structure."""

    VOID = frozenset({"meta", "br", "hr", "img", "link", "input"})

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        assert self.stack and self.stack[-1] == tag, f"unbalanced </{tag}> after {self.stack[-3:]}"
        self.stack.pop()


def test_page_is_well_formed_and_references_nothing_outside(page: Path) -> None:
    html = page.read_text(encoding="utf-8")
    parser = StrictParser()
    parser.feed(html)
    parser.close()
    assert parser.stack == []
    tags = {t for t, _ in parser.tags}
    assert not tags & {"script", "link", "img", "iframe", "object", "embed"}
    for _tag, attrs in parser.tags:
        for name in ("src", "href", "action"):
            assert name not in attrs
    assert not re.search(r"url\(|@import|https?://(?!www\.w3\.org/2000/svg)", html)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "@media print" in html


# Chromium's own background services; a page's requests go anywhere else.
BROWSER_OWN = ("google.com", "googleapis.com", "gvt1.com", "gstatic.com")


class Tripwire:
    """A local 'proxy' that records the first line of every request the browser tries."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen()
        self.sock.settimeout(0.2)
        self.requests: list[str] = []
        self.running = True
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    @property
    def port(self) -> int:
        return int(self.sock.getsockname()[1])

    def _serve(self) -> None:
        while self.running:
            try:
                conn, _ = self.sock.accept()
            except TimeoutError:
                continue
            conn.settimeout(2)
            try:
                self.requests.append(conn.recv(500).split(b"\r\n")[0].decode("latin-1"))
            except OSError:
                self.requests.append("?")
            conn.close()

    def page_requests(self) -> list[str]:
        def host(line: str) -> str:
            target = line.split(" ")[1] if " " in line else line
            return re.sub(r"^https?://", "", target).split("/")[0].split(":")[0]

        return [r for r in self.requests if not host(r).endswith(BROWSER_OWN)]

    def stop(self) -> None:
        self.running = False
        self.thread.join()
        self.sock.close()


def run_browser(url: str, tmp_path: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    assert BROWSER is not None
    args = [
        BROWSER, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-default-apps", "--disable-extensions", f"--user-data-dir={tmp_path / 'profile'}",
        *extra, url,
    ]  # fmt: skip
    return subprocess.run(args, capture_output=True, text=True, timeout=90, check=False)


def load(path: Path, tmp_path: Path, *extra: str) -> tuple[str, list[str]]:
    """The page's DOM after rendering, and the requests it made (through the tripwire)."""
    wire = Tripwire()
    try:
        proxy = [f"--proxy-server=http://127.0.0.1:{wire.port}", "--proxy-bypass-list=<-loopback>"]
        dom = run_browser(path.as_uri(), tmp_path, *proxy, *extra, "--dump-dom")
    finally:
        wire.stop()
    return dom.stdout, wire.page_requests()


needs_browser = pytest.mark.skipif(
    BROWSER is None, reason="no headless Chromium (.ci/run installs it)"
)


@needs_browser
def test_the_tripwire_catches_a_page_that_loads_a_web_font(tmp_path: Path) -> None:
    leaky = tmp_path / "leaky.html"
    leaky.write_text(
        '<!DOCTYPE html><html><head><link rel="stylesheet" '
        'href="https://fonts.example.org/css?family=Inter"></head><body>x</body></html>'
    )
    _dom, requests = load(leaky, tmp_path)
    assert any("fonts.example.org" in r for r in requests)


@needs_browser
def test_page_renders_in_a_real_browser_without_any_request(page: Path, tmp_path: Path) -> None:
    dom, requests = load(page, tmp_path)
    assert "Accountability" in dom
    assert "Blame-sharing blocks repair" in dom
    assert requests == []
    shot = tmp_path / "shot.png"
    run_browser(page.as_uri(), tmp_path, f"--screenshot={shot}", "--window-size=900,1600")
    assert shot.stat().st_size > 20_000  # a real rendered page, not a blank one


@pytest.fixture
def page_with_history(cli: Cli, tmp_path: Path) -> Path:
    for when, minutes in [
        ("2026-01-05 21:00", "30"),
        ("2026-01-06 08:00", "10"),
        ("2026-02-10 09:00", "5"),
    ]:
        cli("spike", "--at", when, "--minutes", minutes, "--intensity", "5")
    cli("check", "--answers", str(write_answers(tmp_path / "a.toml", "affected", BASE_AFFECTED)))
    cli("markers", "add", "Texts me the same day when plans change")
    out = tmp_path / "history.html"
    cli("export", "--format", "html", "-o", str(out))
    return out


def test_the_chart_is_inline_svg_with_one_bar_per_period(page_with_history: Path) -> None:
    html = page_with_history.read_text(encoding="utf-8")
    assert html.count("<svg") == 1
    assert html.count('<rect class="bar') >= 2
    assert "Texts me the same day when plans change" in html
    assert "<h2>Waves of distrust</h2>" in html


@needs_browser
def test_the_chart_is_visible_in_a_real_browser(page_with_history: Path, tmp_path: Path) -> None:
    # A test copy measures the chart with a script (the real page forbids scripts).
    probe = tmp_path / "probe.html"
    html = page_with_history.read_text(encoding="utf-8")
    html = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", html)
    script = (
        "<script>const r = document.querySelector('svg.chart').getBoundingClientRect();"
        "const bars = [...document.querySelectorAll('rect.bar')].filter("
        "b => b.getBoundingClientRect().height > 0).length;"
        "const size = `${Math.round(r.width)}x${Math.round(r.height)}`;"
        "document.body.setAttribute('data-chart', `${size}:${bars}`);"
        "</script></body>"
    )
    probe.write_text(html.replace("</body>", script), encoding="utf-8")
    dom, requests = load(probe, tmp_path)
    size = re.search(r'data-chart="(\d+)x(\d+):(\d+)"', dom)
    assert size is not None, "the chart was not rendered"
    width, height, bars = (int(g) for g in size.groups())
    assert width > 300 and height > 100 and bars >= 2
    assert requests == []
