"""`trustrepair spike` in a real pseudo-terminal: the three quick questions."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from conftest import open_home_store

pexpect = pytest.importorskip("pexpect")

TRUSTREPAIR = Path(sys.executable).with_name("trustrepair")


@pytest.mark.terminal
def test_spike_asks_three_quick_questions_in_a_terminal(home: Path) -> None:
    env = {**os.environ, "TRUSTREPAIR_HOME": str(home), "NO_COLOR": "1", "COLUMNS": "80"}
    child = pexpect.spawn(str(TRUSTREPAIR), ["spike"], env=env, encoding="utf-8", timeout=20)
    child.expect("How strong was it")
    child.sendline("6")
    child.expect("How long until it eased")
    child.sendline("15")
    child.expect("What set it off")
    child.sendline("3")
    child.expect("Logged a spike at")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    store = open_home_store(home)
    (spike,) = store.spikes()
    store.close()
    assert (spike.intensity, spike.minutes, spike.trigger) == (6, 15, "new stressor")
