"""Private words kept off the command line: read from standard input, asked for, or edited.

Words typed as arguments can be read by other users of the computer (in /proc/*/cmdline, or
`ps`) and stay in shell history. So every free-text option also takes `-` (read standard
input); `--note` with no words, and `markers add`/`edit` with no text, ask for them; `--edit`
opens $VISUAL or $EDITOR.
"""

from __future__ import annotations

import sys

STDIN = "-"
# What `--note` (or `records edit --text`) with no words after it becomes: ask for them.
ASK = "\x00ask"
ASKING_OPTIONS = frozenset({"--note", "--text"})
# Far more than any note (2,000 characters) or marker: the checks after this say so clearly.
MAX_CHARS = 20_000


def with_asking(args: list[str]) -> list[str]:
    """`--note` at the end, or followed by another option, means: ask for the note."""
    out: list[str] = []
    for i, arg in enumerate(args):
        if arg == "--":
            return out + args[i:]
        after = args[i + 1] if i + 1 < len(args) else None
        asks = after is None or (after.startswith("-") and after != STDIN)
        out.append(f"{arg}={ASK}" if arg in ASKING_OPTIONS and asks else arg)
    return out


def private_text(value: str | None, *, what: str, edit: bool = False) -> str | None:
    """The words themselves: as given, from standard input (-), asked for, or edited."""
    if edit:
        return from_editor()
    if value == STDIN:
        return _from_stdin()
    if value == ASK:
        return ask(what)
    return value


def ask(what: str) -> str:
    """One line asked at a terminal; everything piped in otherwise."""
    import typer

    if not sys.stdin.isatty():
        return _from_stdin()
    try:
        return str(typer.prompt(what, default="", show_default=False, err=True)).strip()
    except typer.Abort:
        return ""


def _from_stdin() -> str:
    import typer

    return typer.get_text_stream("stdin").read(MAX_CHARS).strip()


def from_editor() -> str:
    """The words written in $VISUAL or $EDITOR, in a private temp file deleted afterwards."""
    import os
    import shlex
    import shutil
    import subprocess
    import tempfile
    from pathlib import Path

    from trustrepair import messages
    from trustrepair.errors import BadInputError
    from trustrepair.safe_read import read_file

    editor = os.environ.get("VISUAL") or os.environ.get("EDITOR") or "vi"
    folder = Path(tempfile.mkdtemp(prefix="trustrepair-"))  # 0700: only this user reads it
    draft = folder / "words.txt"
    try:
        draft.touch(mode=0o600)
        try:
            done = subprocess.run([*shlex.split(editor), str(draft)], check=False)  # noqa: S603
        except OSError:
            raise BadInputError(messages.EDITOR_FAILED.format(editor=editor)) from None
        if done.returncode != 0:
            raise BadInputError(messages.EDITOR_FAILED.format(editor=editor))
        raw = read_file(draft, BadInputError, limit=MAX_CHARS * 4, prefix=True)
        return raw.decode("utf-8", errors="replace").strip()
    finally:
        shutil.rmtree(folder, ignore_errors=True)
