"""Short user-facing lines that are not guidance (guidance lives in data/prompts.toml)."""

INTERRUPTED = "Stopped. Nothing was saved."
NO_CHECKIN_YET = (
    "No check-in yet. Start one with `trustrepair check` "
    "(or try `trustrepair check --no-save` to look around first)."
)
SAVED = "Saved. See this again any time with `trustrepair summary`."
NOT_SAVED = "Not saved (--no-save): nothing was written to disk."
STOPPED_FOR_SAFETY = (
    "You stopped after the safety question. Nothing was saved. "
    "You can come back to trustrepair whenever it feels right."
)
OUT_OF_INPUT = "The input ended before the check-in was finished. Nothing was saved."
CHECK_INTRO = (
    "This walk-through takes about ten minutes. Your answers stay on this computer.\n"
    "At any question: ? shows help, < goes back, - skips an optional question, "
    "Enter keeps the default shown in brackets, Ctrl-C stops without saving."
)

# `trustrepair reflect`: the statement itself does not fit.
REFLECT_EMPTY = "the statement is empty; give the text, --file FILE, or pipe it in"
REFLECT_BINARY = "that does not look like plain text (NUL or control bytes, or not UTF-8)"
REFLECT_NO_INPUT = (
    "give the statement to reflect on: as text in quotes, with --file FILE, "
    "or piped in (see trustrepair reflect --help)"
)
REFLECT_TWO_INPUTS = "give the statement either as text or with --file, not both"
REFLECT_NO_TABLE = "this question bank has no [reflect] table, so there is nothing to reflect with"


def reflect_too_long(max_chars: int) -> str:
    return f"the statement is longer than {max_chars:,} characters; reflect on a shorter part"


REFLECT_REVISE = "To rewrite it, type < at the next question."
