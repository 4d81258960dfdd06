"""One way out for every command: a Result (data, a view, messages) and `emit()`.

In the style of pipx's result/render split: a command builds a Result and emits it; `emit()`
alone chooses JSON or the terminal view, and whether a long view goes through a pager.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import RenderableType


@dataclass(slots=True)
class Result:
    """What a command produced. `data` is what --json prints (None prints null); `view` draws it
    for a person; `messages` go to stderr either way; a `long` view may be paged."""

    data: object = None
    view: Callable[[], RenderableType] | None = None
    messages: list[str] = field(default_factory=list)
    long: bool = False
    text: str | None = None  # plain lines printed as they are (paths never wrap)
    private: bool = True  # False when nothing in it is the person's own (paths, settings)


def emit(result: Result, *, as_json: bool = False) -> None:
    from trustrepair.cli.common import print_data, say

    if as_json:
        print_data(json_text(result.data), private=result.private)
    elif result.view is not None:
        show(result.view(), long=result.long)
    elif result.text is not None:
        print_data(result.text, private=result.private)
    for message in result.messages:
        say(message)


def json_text(data: object) -> str:
    from trustrepair.plain import to_json

    return to_json(data)


_TRAILING = re.compile(r"[ \t]+((?:\x1b\[[0-9;]*m)*)$", re.MULTILINE)


def show(renderable: RenderableType, *, long: bool = False) -> None:
    """Draw for a person: no trailing spaces (plain text stays clean), paged when long."""
    from trustrepair.cli.common import console

    out = console()
    with out.capture() as captured:
        out.print(renderable)
    text = _TRAILING.sub(r"\1", captured.get())
    command = pager_command() if long and out.is_terminal and sys.stdout.isatty() else None
    if command is None or not page(command, text):
        sys.stdout.write(text)
        sys.stdout.flush()


class Paging:
    """Whether long views may be paged in this run; `trustrepair --no-pager` turns it off."""

    allowed = True


def pager_command() -> list[str] | None:
    """Git's conventions: TRUSTREPAIR_PAGER, then PAGER, then less; empty or `cat` means none."""
    import shlex
    import shutil

    if not Paging.allowed:
        return None
    raw = os.environ.get("TRUSTREPAIR_PAGER", os.environ.get("PAGER", "less"))
    command = shlex.split(raw) if raw.strip() else []
    if not command or command == ["cat"] or shutil.which(command[0]) is None:
        return None
    return command


def page(command: list[str], text: str) -> bool:
    """Hand the text to the pager; False when it could not start (then it is printed)."""
    import subprocess

    env = dict(os.environ)
    env.setdefault("LESS", "FRX")  # quit if one screen, keep colours, leave the screen as is
    env.setdefault("LV", "-c")
    try:
        pager = subprocess.Popen(command, stdin=subprocess.PIPE, env=env)  # noqa: S603
    except OSError:
        return False
    stdin = pager.stdin
    if stdin is None:  # never with stdin=PIPE; keeps the type checker content
        pager.wait()
        return False
    try:
        stdin.write(text.encode(sys.stdout.encoding or "utf-8", errors="replace"))
        stdin.close()
    except BrokenPipeError:  # the person quit the pager early
        pass
    pager.wait()
    return True
