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
DATABASE_UNREADABLE = (
    "the database could not be read; it was left untouched. "
    "Restore a backup (trustrepair import) or move it aside"
)
DEMO_INTRO = (
    "This is a demo. Robin and Kai are a made-up couple, and all of their data is generated: "
    "about 14 months of check-ins, markers and waves of distrust. Robin is the affected "
    "partner; Kai is the partner who broke trust. Your own data is not read or changed."
)
DEMO_CHECK_INTRO = (
    "Demo check-in: your answers go into a throwaway copy of the fictional couple's store "
    "and are deleted when you finish. Your own data is not read or changed."
)
DEMO_DONE = "End of the demo. The fictional store has been deleted."
