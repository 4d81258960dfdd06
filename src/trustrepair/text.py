"""What counts as plain text a person wrote: shared by answers, markers, spikes and models."""

import unicodedata

# Control, format (bidi overrides, zero-width), surrogate and private-use characters: they can
# rewrite a terminal, hide text, or fail to store; line breaks and tabs are fine.
UNSAFE_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Co"})
# Zero-width joiner and non-joiner are writing inside a word: emoji sequences (a family, a
# heart on fire) and Persian or Urdu words. Alone, doubled or beside a space they only hide.
JOINERS = frozenset({"\u200c", "\u200d"})


def has_control(text: str) -> bool:
    return any(_unsafe(text, i) for i, ch in enumerate(text) if ch not in "\n\t")


def _unsafe(text: str, i: int) -> bool:
    if text[i] in JOINERS:
        return not (_word_part(text, i - 1) and _word_part(text, i + 1))
    return unicodedata.category(text[i]) in UNSAFE_CATEGORIES


def _word_part(text: str, i: int) -> bool:
    """A visible character (a letter, mark, digit or emoji) at i, not a space or control."""
    if not 0 <= i < len(text):
        return False
    ch = text[i]
    return not ch.isspace() and unicodedata.category(ch) not in UNSAFE_CATEGORIES
