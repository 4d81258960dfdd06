"""Plain text a person wrote: joiners inside words are writing, not control characters."""

from __future__ import annotations

import pytest

from conftest import Cli
from trustrepair.text import has_control

FAMILY = "\U0001f468\u200d\U0001f469\u200d\U0001f467"  # man ZWJ woman ZWJ girl: one emoji
PERSIAN = "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645"  # "mi-khaham" with a ZWNJ
URDU = "\u0628\u0627\u062a\u200c\u0686\u06cc\u062a"  # a word pair joined by a ZWNJ
HEART = "\u2764\ufe0f\u200d\U0001f525"  # heart on fire


@pytest.mark.parametrize("text", [FAMILY, PERSIAN, URDU, HEART, f"dinner {FAMILY} at home"])
def test_joiners_inside_words_are_allowed(text: str) -> None:
    assert not has_control(text)


@pytest.mark.parametrize(
    "text",
    ["\u200d", "word\u200d", "\u200cword", "a \u200d b", "a\u200d\u200db", "a\u202eb", "a\x1bb"],
    ids=["alone", "at-end", "at-start", "between-spaces", "doubled", "bidi-override", "escape"],
)
def test_joiners_outside_words_and_other_controls_are_refused(text: str) -> None:
    assert has_control(text)


def test_a_marker_and_a_note_in_urdu_and_emoji_are_kept_exactly(cli: Cli) -> None:
    cli("markers", "add", f"{URDU} {FAMILY}")
    cli("spike", "--intensity", "4", "--note", PERSIAN, "--trigger", HEART)
    listed = cli.json("markers", "list", "--json")
    assert listed[0]["text"] == f"{URDU} {FAMILY}"  # type: ignore[index]
    spikes = cli.json("export", "--format", "json")["data"]["spikes"]  # type: ignore[index]
    assert (spikes[0]["note"], spikes[0]["trigger"]) == (PERSIAN, HEART)
