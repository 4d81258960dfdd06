"""What counts as plain text a person wrote: shared by answers, markers, spikes and models."""

import unicodedata

# Control, format (bidi overrides, zero-width), surrogate and private-use characters: they can
# rewrite a terminal, hide text, or fail to store; line breaks and tabs are fine.
UNSAFE_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Co"})


def has_control(text: str) -> bool:
    return any(ch not in "\n\t" and unicodedata.category(ch) in UNSAFE_CATEGORIES for ch in text)
