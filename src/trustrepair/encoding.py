"""Any console works: characters a terminal cannot show become plain ASCII, never a crash.

A console set to ASCII (LANG=C, PYTHONIOENCODING=ascii) cannot encode the status symbols or
typographic quotes. Rather than a UnicodeEncodeError, each such character is written as its
nearest ASCII look-alike, and anything else as "?".
"""

from __future__ import annotations

import codecs
import sys
from typing import TextIO

HANDLER = "trustrepair-ascii"
PROBE = "\u25cf\u2019"  # a status symbol and a curly quote: if these fit, the console is fine

ASCII_LOOKALIKES = {
    "\u25cf": "*",  # ● in place
    "\u25d0": "~",  # ◐ partly
    "\u25cb": "o",  # ○ not yet
    "\u2018": "'",
    "\u2019": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u2013": "-",
    "\u2014": "-",
    "\u2026": "...",
    "\u00b7": ".",
    "\u2260": "!=",
    "\u270e": ">",
    "\u00a0": " ",
    **dict.fromkeys("\u2581\u2582\u2583\u2584\u2585\u2586\u2587\u2588", "#"),
    **dict.fromkeys("\u2589\u258a\u258b\u258c\u258d\u258e\u258f", "#"),
}


def ascii_lookalike(error: UnicodeError) -> tuple[str, int]:
    """A codec error handler: the look-alike of each character that does not fit, else '?'."""
    if not isinstance(error, UnicodeEncodeError):
        raise error
    bad = error.object[error.start : error.end]
    return "".join(ASCII_LOOKALIKES.get(ch, "?") for ch in bad), error.end


def fit_streams() -> None:
    """Give stdout and stderr the look-alike handler when they cannot encode our symbols."""
    codecs.register_error(HANDLER, ascii_lookalike)
    for stream in (sys.stdout, sys.stderr):
        if not _can_show(stream):
            reconfigure = getattr(stream, "reconfigure", None)
            if reconfigure is not None:
                reconfigure(errors=HANDLER)


def _can_show(stream: TextIO) -> bool:
    encoding = getattr(stream, "encoding", None) or "ascii"
    try:
        PROBE.encode(encoding)
    except (UnicodeEncodeError, LookupError):
        return False
    return True
