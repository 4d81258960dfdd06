"""`check` in a real pseudo-terminal: after `<`, Enter keeps the earlier answer, every kind."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from conftest import open_home_store

pexpect = pytest.importorskip("pexpect")

TRUSTREPAIR = Path(sys.executable).with_name("trustrepair")


def _answer(child: pexpect.spawn, number: int, typed: str, *, text: bool = False) -> None:
    child.expect(f"Question {number} of")
    child.expect(r"\| " if text else " > ")
    child.sendline(typed)
    if text and typed:
        child.expect(r"\| ")
        child.sendline("")


def _back_then_enter(child: pexpect.spawn, number: int, shown: str, *, text: bool = False) -> None:
    """At question `number` (not a text one), go back, see the earlier answer, Enter keeps it."""
    child.expect(f"Question {number} of")
    child.expect(" > ")
    child.sendline("<")
    child.expect(f"Question {number - 1} of")
    child.expect_exact(f"[{shown}]")
    child.expect(r"\| " if text else " > ")
    child.sendline("")


@pytest.mark.terminal
def test_enter_after_back_keeps_every_kind_of_answer(home: Path) -> None:
    env = {**os.environ, "TRUSTREPAIR_HOME": str(home), "NO_COLOR": "1", "COLUMNS": "100"}
    child = pexpect.spawn(
        str(TRUSTREPAIR), ["check", "--role", "affected"], env=env, encoding="utf-8", timeout=20
    )
    _answer(child, 1, "n")  # afraid: required yes/no
    _answer(child, 2, "2025-09-01")  # discovered: optional date
    child.expect("Question 3 of")
    child.expect(" > ")
    child.sendline("<")
    _back_then_enter(child, 2, "no")  # two steps back, to the required question
    child.expect_exact("[2025-09-01]")
    child.expect(" > ")
    child.sendline("")
    for number, typed in [(3, "1"), (4, "1"), (5, "1"), (6, "1"), (7, "-")]:
        _answer(child, number, typed)
    _answer(child, 8, "They said it was their doing.", text=True)  # acc_heard: statement
    _back_then_enter(child, 9, "They said it was their doing.", text=True)
    for number, typed in [(9, "1"), (10, "1"), (11, "4")]:
        _answer(child, number, typed)
    _answer(child, 12, "5")  # ap_openness: a scale with a default of 3
    _back_then_enter(child, 13, "5 of 5")
    _answer(child, 13, "1")
    _answer(child, 14, "Tells me the same day when plans change.", text=True)  # marker
    _back_then_enter(child, 15, "Tells me the same day when plans change.", text=True)
    for number, typed in [(15, "-"), (16, "-"), (17, "1"), (18, "1")]:
        _answer(child, number, typed)
    child.expect("name another behaviour")
    child.sendline("n")
    child.expect("Lock this store")  # offered once, after the first saved check-in
    child.sendline("n")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    store = open_home_store(home)
    (checkin,) = store.checkins()
    store.close()
    answers = checkin.answers
    assert answers["afraid"] is False
    assert answers["discovered"] == "2025-09-01"
    assert answers["acc_heard"] == "They said it was their doing."
    assert answers["ap_openness"] == 5
    assert answers["ap_marker_text"] == "Tells me the same day when plans change."
