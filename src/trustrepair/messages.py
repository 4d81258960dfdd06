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

SPIKE_INTRO = "Logging a spike of distrust. Three quick questions; press Enter to skip any."
SPIKE_ASK_INTENSITY = "How strong was it? 1 (mild) to 10 (strongest)"
SPIKE_ASK_MINUTES = "How long until it eased? Minutes, or like 1h30"
SPIKE_ASK_TRIGGER = "What set it off? Pick a number or type your own words"
SPIKE_INPUT_ENDED = "The input ended before the questions were answered. Nothing was saved."
SPIKE_SEE_TREND = "See the trend over weeks with `trustrepair progress`."
NO_SPIKES_YET = "No spikes logged yet. Log one with `trustrepair spike` (it takes seconds)."
NO_DATE_YET = (
    "No date yet for when it came to light. Add one with "
    "`trustrepair profile set discovered YYYY-MM-DD`, or answer it in `trustrepair check`."
)


def spike_logged(when: str, details: str, same_day: int, day: str) -> str:
    detail = f" ({details})" if details else ""
    if same_day <= 1:
        return f"Logged a spike at {when}{detail}."
    return (
        f"Logged a spike at {when}{detail}. That is {same_day} on {day}; "
        "several in a day is common, especially early on."
    )


def setting_saved(key: str, value: str) -> str:
    return f"Saved {key} = {value} for this profile."
