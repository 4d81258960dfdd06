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
    "Move it aside; a backup can be restored into a new store with trustrepair import"
)
DEMO_INTRO = (
    "This is a demo. Robin and Kai are a made-up couple, and all of their data is generated: "
    "a little over a year of check-ins, markers and waves of distrust. Robin is the affected "
    "partner; Kai is the partner who broke trust. Your own data is not read or changed."
)
DEMO_CHECK_INTRO = (
    "Demo check-in: your answers go into a throwaway copy of the fictional couple's store "
    "and are deleted when you finish. Your own data is not read or changed."
)
DEMO_DONE = "End of the demo. The fictional store has been deleted."

# --- markers ---------------------------------------------------------------------------------
NO_MARKERS = "No markers yet. Name one with: trustrepair markers add (it asks for the words)"
NO_ACTIVE_MARKERS = "No active markers. `trustrepair markers list --all` also shows retired ones."
MARKER_ADDED = "Added marker {id}."
MARKER_EDITED = (
    "Marker {id} reworded. Its records stay with it; if it now means something different, "
    "retire it and add a new one instead."
)
MARKER_RETIRED = (
    "Marker {id} retired. It and its records stay in your history "
    "(see `trustrepair markers list --all`)."
)
MARKER_ALREADY_RETIRED = "Marker {id} was already retired on {date}. Nothing changed."
MARKER_RECORDED = "Noted for marker {id}: {outcome} on {date}."
MARKER_REWRITE_HINT = "Keep it as it is, or type < at the next question to go back and reword it."
MARKER_MORE_OFFER = (
    "Would you like to name another behaviour that would count as evidence? (y/N) > "
)
MARKER_MORE_PROMPT = "Write the behaviour (finish with an empty line; an empty first line stops)."

# errors (raised as BadInputError / NotFoundError; they never repeat what was typed)
MARKER_TEXT_EMPTY = "the marker text is empty; write the behaviour you would like to see"
MARKER_TEXT_TOO_LONG = "a marker can be at most {max} characters (this one has {n})"
MARKER_TEXT_CONTROL = "the marker text contains control characters"
MARKER_NOTE_TOO_LONG = "a note can be at most {max} characters (this one has {n})"
MARKER_NOTE_CONTROL = "the note contains control characters"
MARKER_BAD_ID = "a marker id is a whole number, as listed by `trustrepair markers list`"
MARKER_NOT_FOUND = "there is no marker with id {id} (see `trustrepair markers list --all`)"
MARKER_IS_RETIRED = "marker {id} is retired; its records are kept, but new ones cannot be added"
# Dates: one reader (dates.py) for the bank and every command; forms named in words.
DATE_FORMS = (
    "expected a day like 2025-09-14, a month like 2025-09, or 'today', 'yesterday', '3 days ago'"
)
DAY_FORMS = "expected a day like 2025-09-14, or 'today', 'yesterday', '3 days ago'"
DATE_NEEDS_DAY = "this needs a day, not only a month: like 2025-09-14, or 'yesterday'"
DATE_NO_SUCH_DAY = "there is no such day in the calendar; check the month and day"
DATE_IN_FUTURE = "that date is in the future"
DATE_TOO_OLD = "that date is too far back; check the year"
MARKER_OLD_DATE = "--on is more than 10 years ago; check the year"
MARKER_SHOWN_OR_NOT = "say which: --shown, or --missed (not shown)"

SPIKE_INTRO = "Logging a spike of distrust. Three quick questions; press Enter to skip any."
SPIKE_ASK_INTENSITY = "How strong was it? 1 (mild) to 10 (strongest)"
SPIKE_ASK_MINUTES = "How long until it eased? Minutes, or like 1h30"
SPIKE_ASK_TRIGGER = "What set it off? Pick a number or type your own words"
NO_ONE_TO_ASK = "there was no answer to the question, so nothing changed; add --yes to go ahead"
MARKER_SAME_TEXT = "Marker {id} already has these words. Add it again as a separate marker?"
MARKER_NOT_ADDED = "Not added; marker {id} is still there as it was."
# records and undo
RECORD_BAD_ID = (
    "a record id is a letter and a number, as `trustrepair records list` shows it: "
    "c12 (check-in), s3 (spike), r7 (marker record), m2 (marker)"
)
RECORD_NOT_FOUND = "there is no {noun} {id} (see `trustrepair records list`)"
RECORD_CHECKIN = "as {role}: {statuses}"
RECORD_SHOWN = "shown (marker {marker})"
RECORD_MISSED = "not shown (marker {marker})"
RECORD_RETIRED = " (retired)"
RECORD_SPIKE_PLAIN = "no details"
RECORDS_NONE = "Nothing recorded yet."
RECORD_DELETE_ASK = "Delete {what}?"
RECORD_DELETED = "Deleted {what}."
RECORD_DELETED_WITH = "Deleted {what} and its {n} marker record{s}."
RECORD_NOT_DELETED = "Nothing was deleted."
RECORD_UNDO_HINT = "Changed your mind? `trustrepair undo` puts it back."
RECORD_EDITED = "Saved the changes to {id}."
RECORD_NOTHING_TO_EDIT = (
    "say what to change: for a spike --at, --minutes, --intensity, --trigger or --note; "
    "for a marker record --on, --shown or --missed, or --note; for a marker --text"
)
RECORD_OPTION_NOT_FOR = "{option} does not apply to a {noun}"
RECORD_CHECKIN_EDIT_INTRO = (
    "Your earlier answers are shown in brackets; Enter keeps each one. "
    "The statuses are worked out again from what you save."
)
RECORD_NOT_EDITED = "the walk-through ended before the end; the check-in was left as it was"
CHANGE_VERBS = {
    "add": "added",
    "edit": "edited",
    "delete": "deleted",
    "import": "imported",
    "retire": "retired",
    "setting": "changed a profile setting",
}
CHANGE_SETTINGS = "{n} setting(s)"
SUMMARY_ID_NOT_CHECKIN = "--id takes a check-in's id, like c3 (see `trustrepair history`)"
IMPORT_PREVIEW_HEAD = "{file} holds:"
IMPORT_WOULD_ADD = "  new, to be added: {items}"
IMPORT_NO_NEW = "  nothing new: everything in it is already here"
IMPORT_ALREADY = "  already here, left as they are: {items}"
SETTING_NAMES = {"discovered": "date it came to light"}
IMPORT_SETTING_DIFFERS = "  a different {key}:\n    here {here}, in the file {theirs};"
IMPORT_SETTING_KEPT = "    yours is kept (--replace-settings takes the file's)"
IMPORT_SETTING_REPLACED = "    the file's replaces yours (--replace-settings)"
IMPORT_ROLE_DIFFERS = (
    "  its check-ins were answered as {theirs}, and this\n"
    "  profile's as {here}. Is this the right file?"
)
IMPORT_ASK = "Import it?"
IMPORT_NOT_DONE = "Nothing was imported."
IMPORT_NOTHING_TO_DO = "Nothing to import; the store was left as it was."
IMPORT_DRY_RUN = "Nothing was changed (--dry-run)."
IMPORT_UNDO_HINT = "`trustrepair undo` takes the whole import back."
UNDO_NOTHING = "Nothing to undo: no change is noted in this store yet."
UNDO_LAST = "The last change, made {when}: {what}."
UNDO_ASK = "Undo it?"
UNDO_DONE = "Taken back: {what}."
UNDO_MORE = "{n} earlier change{s} can still be undone."
UNDO_NOT_DONE = "Nothing was undone."
SPIKE_PROMPT_HINT = "? help, < back, - skip"
SPIKE_HELP_INTENSITY = (
    "How strong the distrust felt at its peak: 1 is a passing unease, 10 the strongest it gets. "
    "A rough number is enough."
)
SPIKE_HELP_MINUTES = (
    "From when it came until it eased enough to go on with your day: 20, 45m, 1h or 1h30. "
    "A guess is fine."
)
SPIKE_HELP_TRIGGER = (
    "What seemed to set it off, if anything did. Pick a number, or write a few words of your "
    "own. 'unknown' is a fine answer: spikes often come out of nowhere."
)
FIRST_QUESTION = "This is the first question."
SPIKE_INPUT_ENDED = "The input ended before the questions were answered. Nothing was saved."
SPIKE_SEE_TREND = "See the trend over weeks with `trustrepair progress`."
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
REFLECT_REWRITE_OFFER = (
    "Would you like to try writing it again, with those phrases in mind? "
    "Your first version is kept as an earlier draft. (y/N) > "
)
REFLECT_REWRITE_PROMPT = "Write the new version. An empty first line keeps the one you have."
REFLECT_REWRITE_KEPT = "Kept as it was."
REFLECT_REWRITE_SAVED = "The new version is your answer; the earlier one is kept as a draft."


# --- the course over time (`history`, exports) ------------------------------------------------
COURSE_TITLE = "How things have moved"
COURSE_SCOPE = {
    "checkin": "{count}, one mark each, {first} to {last}",
    "month": "{count}, one mark per month (its latest check-in), {first} to {last}",
}
COURSE_CHECKINS = ("1 check-in", "{count} check-ins")
COURSE_ONLY_ONE = "only one check-in so far, on {day}; changes show from the second one."
COURSE_NO_CHECKIN = "no check-in that month"
COURSE_NO_CHANGE = "no change"
COURSE_CHANGES = "{count} changes, the last on {on}"
COURSE_ONE_CHANGE = "1 change, on {on}"

# --- `trustrepair spike`: errors. Each starts with the option's name; the quick questions show
# them without the leading dashes, after "Sorry, ". None repeats what was typed.
SORRY = "Sorry, {reason}."
SPIKE_NOTE_TOO_LONG = "--note can be at most {max} characters"
SPIKE_NOTE_CONTROL = "--note contains control characters, such as escape codes"
SPIKE_TRIGGER_TOO_LONG = "--trigger can be at most {max} characters; a few words are enough"
SPIKE_TRIGGER_CONTROL = "--trigger contains control characters, such as escape codes"
SPIKE_NOT_VALID = "the spike does not fit ({fields}); nothing was saved"
SPIKE_AT_UNREADABLE = (
    "--at: that time was not understood; use 'now', '21:00', 'yesterday 21:00', "
    "'30 min ago', '3 days ago' or a date and time like 2026-03-01 21:00"
)
SPIKE_AT_FUTURE = "--at: that time is in the future; for last night try 'yesterday 21:00'"
SPIKE_AT_TOO_OLD = (
    "--at: that is more than {years} years ago; check the year "
    "(progress charts every week from the first spike on)"
)
SPIKE_READ_AS_YESTERDAY = "Read as yesterday: {clock} today is still to come."
SPIKE_MINUTES_NEGATIVE = "--minutes cannot be negative; use 0 if it passed at once"
SPIKE_MINUTES_UNREADABLE = "--minutes should be a number of minutes or hours, like 20, 1h or 1h30"
SPIKE_MINUTES_PAST_THE_HOUR = "--minutes after the hours must be 0 to 59, as in 1h30 or 2h05"
SPIKE_MINUTES_TOO_LONG = "--minutes can be at most 7 days (10080 minutes) for one spike"
SPIKE_INTENSITY_RANGE = "--intensity must be a whole number from 1 (mild) to 10 (strongest)"

# --- `trustrepair progress`: the numbers behind the trend words
TREND_TOO_FEW_WEEKS = (
    "A trend needs at least {needed} full weeks with a few spikes; full weeks so far: {used}."
)
TREND_OVER_WEEKS = "Over {weeks} full weeks {what}."  # the statistics stay in --json
TREND_MOVES = "the weekly count {moves} by about {rate}"
TREND_MOVES_TIED = (
    "the weekly count {moves}, but most weeks have the same count, so the slope cannot say how fast"
)
TREND_TIED_COMPARED = (
    "; the {late} averaged {late_rate} a week, against {early_rate} in the {early}"
)
TREND_DRIFTS = "the weekly count drifts by about {rate}, too little to call a change"
TREND_SHIFTS = "the weekly count shifts a little, too little to call a change"
TREND_NO_STEADY_CHANGE = "no steady rise or fall stands out from the week-to-week ups and downs"
TREND_MOVE_WORDS = {"falling": ("drops", "goes down"), "rising": ("rises", "goes up")}

# --- stop conditions: the data behind each one (evidence lines)
STOP_ACCOUNTABILITY_RUN = "Accountability: {status} in the last {n} check-ins in a row"
STOP_FROM_TO = "From {first} to {last} ({months} months)"
STOP_CHECKIN_SAID = "Check-in of {day}: {answer}"
STOP_REPORTED_SINCE = "Reported in the last {n} check-ins, since {day}"
STOP_SPIKES_LOGGED_FOR = "Spikes logged for {months} months, since {day}"
STOP_TREND_OVER = (
    "Trend over {weeks} full weeks: {words} (Theil-Sen slope {slope} a week, Mann-Kendall {p})"
)
STOP_LAST_FOUR_WEEKS = "Last 4 weeks: {per_week} spikes a week"

# `trustrepair progress`: the latest full weeks have nothing logged. Said plainly, never as a
# failure: the tool cannot tell whether the spikes stopped or the logging did.
LOGGING_GAP = (
    "No spikes logged since {day} ({weeks} full weeks). If you stopped logging rather than "
    "stopped having them, the trend after that date is not meaningful."
)

# `trustrepair progress`: the lines around the chart
PROGRESS_NONE_YET = "No spikes logged yet. Log one with `trustrepair spike` (it takes seconds)."
PROGRESS_SPAN = "{n} logged, {first} to {last} (local time)."
PROGRESS_ROW_PER = "One row per {unit}; numbers are spikes per week on average."
PROGRESS_KNOWN_TRIGGERS = "{known} of {total} spikes ({named}). "
PROGRESS_TRIGGERS_EXPECTED = "A spike with a cause you can name is expected, not a failure."
SPIKE_DETAIL_MINUTES = "{n} min"
SPIKE_DETAIL_INTENSITY = "intensity {n}"
NEW_PROFILE = (
    "Note: there is no profile named {name!r} yet (existing: {existing}); "
    "it is created if this command saves anything."
)

# --- data, export and profiles ---------------------------------------------------------------
NOTHING_TO_WIPE = "Nothing to delete: there are no trustrepair files under {home}."
WIPE_WARNING = "This deletes {n} file(s) under {home}, for every profile. It cannot be undone."
DELETED_FILE = "deleted {path}"
KEPT_FILE = "kept {path}"
WIPE_KEPT = (
    "trustrepair's own files are gone. Left {n} file(s) under {home} that it does not recognise "
    "as its own (listed above); look through them before deleting the folder yourself."
)
WIPE_DONE = "All trustrepair data there is gone."
EXPORT_HAS_NOTES = (
    "This export includes your notes and free-text answers (--no-notes leaves them out)."
)
PARTNER_NO_CHECKIN = "profile {name!r} has no check-in yet to show beside yours"
PARTNER_SAME_ROLE = (
    "profile {name!r} has check-ins from the same partner as this one; --with-partner takes "
    "the other partner's profile"
)
MARKERS_TEXT_NEEDS_NO_NOTES = (
    "--no-markers-text goes with --no-notes: a full export always keeps marker wording"
)
EXPORT_NOTES_LEFT_OUT = (
    "Free-text notes were left out; the wording of the markers is kept "
    "(--no-markers-text leaves it out too)."
)
EXPORT_NOTES_AND_MARKERS_LEFT_OUT = "Free-text notes and the wording of the markers were left out."
EXPORT_WRITTEN = "Wrote the {fmt} export to {path}"
CALENDAR_WRITTEN = (
    "Wrote {count} dates ahead{reminder} to {path}. It holds no notes or marker wording; "
    "importing it again updates the same events."
)
CALENDAR_REMINDER = " and a check-in reminder"
NO_PROFILES = "No profiles yet under {home}. `trustrepair check` starts one."
PROFILE_CREATED = (
    "Created profile {name!r}. Use it with --profile {name} or TRUSTREPAIR_PROFILE={name}."
)
PROFILE_DELETED = "Profile {name!r} is gone."

# --- the store's health (issue 17) -----------------------------------------------------------

STORE_DAMAGED = (
    "{path} is damaged, so nothing was written to it. To recover: copy that file somewhere safe, "
    "move it out of the way, and restore your latest export with `trustrepair import FILE`"
)
STORE_NOT_OURS = (
    "{path} is not a trustrepair database, or is damaged; it was left untouched. "
    "If it is your store, copy it somewhere safe, move it out of the way, and restore your "
    "latest export with `trustrepair import FILE`"
)
IMPORT_DAY_OUT_OF_BOUNDS = (
    "{name}: {what} is dated in the future or more than 10 years back; nothing was imported"
)
IMPORT_VALUE_OUT_OF_BOUNDS = (
    "{name}: {what} is too long, not finite, or contains control characters; nothing was imported"
)
STORE_OUT_OF_BOUNDS = (
    "{path}: the {kind} {uid} holds a value out of bounds (from an older version or an edit "
    "by hand), so it cannot be shown; nothing was changed"
)
DISK_FULL_EXPORT = "not enough disk space to write {path}; nothing was written"
DISK_FULL_STORE = (
    "not enough disk space to save to {path}; nothing was changed. Free some space and try again"
)
DISK_FULL_OUTPUT = "not enough disk space for the output; what was written is incomplete"

# --- encryption --------------------------------------------------------------------------------

PASSPHRASE_PROMPT = "Passphrase"
PASSPHRASE_BACKUP_PROMPT = "Passphrase of the backup"
PASSPHRASE_NEW_PROMPT = "New passphrase"
PASSPHRASE_REPEAT_PROMPT = "The same again"
PASSPHRASE_TRY_AGAIN = "That passphrase does not open it. Try again."
PASSPHRASE_WRONG = (
    "{path} is locked, and the passphrase given does not open it (or the file was not made by "
    "trustrepair); nothing was changed"
)
PASSPHRASE_NEEDED = (
    "{path} is locked with a passphrase; run this at a terminal, or give --passphrase-file FILE"
)
PASSPHRASE_NONE_GIVEN = (
    "no passphrase was given (scripts can use --passphrase-file FILE); nothing was changed"
)
PASSPHRASE_MISMATCH = "the two passphrases differ; nothing was changed"
PASSPHRASE_EMPTY = "the passphrase is empty; nothing was changed"
PASSPHRASE_NUL = "the passphrase contains a NUL character, which cannot be used"
PASSPHRASE_FILE_MISSING = "{path}: no such passphrase file"
PASSPHRASE_FILE_UNREADABLE = "{path}: the passphrase file cannot be read ({reason})"
PASSPHRASE_FILE_OPEN = (
    "Note: {path} can be read by other users of this computer; chmod 600 {path} keeps it yours."
)
# Strength by length alone: long phrases of ordinary words beat short clever ones.
PASSPHRASE_STRENGTH = "Passphrase strength: {word} ({n} characters)."
STRENGTH_WORDS = ((8, "very weak"), (12, "weak"), (16, "fair"), (24, "good"))
STRENGTH_BEST = "strong"
ENCRYPT_OFFER = "Lock this store with a passphrase, so only you can read it?"
ENCRYPTED = (
    "Encrypted {path}. The old unencrypted file was overwritten before removal, but SSDs, "
    "snapshots and backups may still hold earlier copies."
)
DECRYPTED = "Decrypted {path}: it can now be read without a passphrase."
REKEYED = "Changed the passphrase of {path}."
ALREADY_ENCRYPTED = "{path} is already encrypted; `trustrepair data passphrase` changes it"
NOT_ENCRYPTED = "{path} is not encrypted; nothing was changed"
NO_STORE_YET = "nothing is stored in profile {profile!r} yet; nothing was changed"
FORGOTTEN_PASSPHRASE = "Keep the passphrase safe: without it nobody, including you, can open it."
EXPORT_PLAINTEXT = (
    "Note: the store is encrypted, but this export is readable by anyone who opens the file."
)
BACKUP_WRITTEN = "Backup written to {path} ({kind})."
BACKUP_ENCRYPTED = "encrypted with the store's passphrase"
BACKUP_PLAIN = "not encrypted, like the store"
BACKUP_DAMAGED = "{path} is damaged, or not a backup made by trustrepair; nothing was imported"
BACKUP_EXISTS = "{path} already exists; choose another name"
ENCRYPTION_NEEDS_SQLCIPHER = (
    "this needs the sqlcipher3 package, which is missing; reinstall trustrepair"
)
HOME_WRITABLE = (
    "{path} can be changed by other users (mode {mode}), so it is not safe to keep your record "
    "there; make it private with: chmod {fix} {path}"
)
HOME_NOT_YOURS = (
    "{path} belongs to another user (uid {uid}), who could read what you write there; "
    "use a folder of your own with --home DIR"
)
HOME_INNER_LINK = (
    "{path} is a link; trustrepair keeps its folders inside the home itself. "
    "Replace the link with a folder, or choose another --home"
)
HOME_LINK_TO_LINK = (
    "{home} is a link to {target}, which is a link again; point {home} straight at a folder"
)
HOME_LINK_DANGLING = (
    "{home} is a link to {target}, which does not exist; create that folder "
    "(mkdir -m 700 {target}) or choose another --home"
)
SPIKE_AT_IN_GAP = (
    "--at: {clock} on {day} never happened here (the clocks jumped forward an hour); "
    "give {earlier} or {later}, whichever you meant"
)
EDITOR_FAILED = "the editor ({editor}) did not finish cleanly; nothing was saved"
OUTPUT_READABLE = (
    "Note: the file this output goes to can be read by other users of this computer; "
    "`-o FILE` writes a private one instead."
)
ASK_NOTE = "A few words for yourself (Enter to leave it out)"
ASK_TRIGGER = "What set it off, in your own words"
ASK_MARKER = "The behaviour, in your own words"

# --- time since it came to light (the horizon line) ----------------------------------------

ELAPSED_UNDER_A_MONTH = "less than a month"
ELAPSED_MONTHS = "{n} month{s}"

# --- markers that describe checking (surveillance, never evidence) --------------------------

MARKER_CHECKING_TITLE = "This one describes checking"
MARKER_CHECKING_HINT = "checking, not counted as evidence"
MARKERS_CHECKING_COUNT = "{described} checking and {are} not counted as evidence."
MARKER_NOT_COUNTED = "not counted"
MARKER_CHECKING_FIGURES = "not counted as evidence (it describes checking)"
MARKER_RECORDED_CHECKING = (
    "Noted for marker {id}: {outcome} on {date}. It stays here as your own note; as it "
    "describes checking, it is not counted as evidence."
)

# --- a shared (--no-notes) copy of a summary whose verdicts were withheld for safety ---------
# It says nothing about why, so a copy that someone else may read cannot reveal the fear.

SHARED_WITHHELD_OPENING = "This copy does not weigh how the repair is going."
SHARED_WITHHELD_REASON = "Not assessed in this copy."

# --- the walk-through: a scale that also takes "I don't know yet" ---------------------------

SCALE_DONT_KNOW = "  or type: don't know ({label})"

# `history` and `records list` show the latest few; one line says what --all adds.
LIST_MORE = "Not listed here: {older}. trustrepair {command} --all lists every one."
