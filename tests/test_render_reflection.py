"""The terminal view of a reflection: the person's words are shown exactly, never as markup."""

from __future__ import annotations

import io

from rich.console import Console

from trustrepair.models import ReflectFlag, ReflectGap, Reflection, ReflectStrength, SetAside
from trustrepair.plain import checked
from trustrepair.render.reflection import reflection_view

ODD = "[/bold]it was [red]only[/red] a kiss[link=x]"


def rendered(reflection: Reflection) -> str:
    console = Console(width=100, file=io.StringIO(), color_system=None)
    console.print(reflection_view(reflection))
    assert isinstance(console.file, io.StringIO)
    return console.file.getvalue()


def sample(**changes: object) -> Reflection:
    base: dict[str, object] = {
        "heard": False,
        "summary": "Some phrases here make what happened sound smaller.",
        "flags": [
            ReflectFlag(
                category="minimising",
                label="Plays it down",
                phrase=ODD,
                explanation="This phrase makes it smaller.",
                source="The three prerequisites for repair",
                start=0,
            )
        ],
        "strengths": [
            ReflectStrength(
                id="owns_it", label="Owns it", phrase="[b]my choice", explanation="e", source="s"
            )
        ],
        "not_found": [ReflectGap(id="names_harm", label="Names the harm", hint="Say what it did.")],
        "set_aside": [SetAside(category="x", phrase="[i]get over it", why="quoted")],
        "caveat": "A simple pattern check.",
    }
    return checked(Reflection, {**base, **changes})


def test_phrases_that_look_like_markup_are_shown_as_written() -> None:
    out = rendered(sample())
    assert f"Plays it down: “{ODD}”" in out
    assert "Owns it: “[b]my choice”" in out
    assert "“[i]get over it” (in quotation marks)" in out


def test_every_part_is_shown_in_order() -> None:
    out = rendered(sample())
    order = [
        "Some phrases here",
        "Phrases to look at again",
        "This phrase makes it smaller.",
        "From the article: The three prerequisites for repair",
        "What helps it carry weight",
        "Not found in these words",
        "Say what it did.",
        "Not counted as the writer's own words",
        "A simple pattern check.",
    ]
    positions = [out.index(part) for part in order]
    assert positions == sorted(positions)


def test_no_flags_shows_only_the_summary_line_and_what_helps() -> None:
    out = rendered(sample(flags=[], summary="No phrases found here."))
    assert "No phrases found here." in out
    assert "Phrases to look at again" not in out
