"""`trustrepair about` and the demo's first screen: the article's core ideas, in our words."""

from __future__ import annotations

from conftest import Cli

# One phrase per core idea the issue lists; each must reach the person.
IDEAS = [
    "forecast",  # trust as a prediction
    "Only new evidence",  # only new evidence updates it
    "promises and apologies",  # they do not rebuild it
    "closeness itself",  # the alarm attaches to closeness
    "did nothing wrong and carries the heaviest load",
    "Ending the attempt can be the right and healthy outcome",
    "repair is possible",
    "safety comes before",
]


def flat(text: str) -> str:
    return " ".join(text.split())


def test_about_explains_every_core_idea_in_about_a_screen(cli: Cli) -> None:
    out = cli("about").stdout
    for idea in IDEAS:
        assert idea in flat(out), idea
    assert len([line for line in out.splitlines() if line.strip()]) <= 40


def test_about_json_carries_the_same_text(cli: Cli) -> None:
    data = cli.json("about", "--json")
    assert isinstance(data, dict)
    joined = " ".join(data["paragraphs"])
    for idea in IDEAS:
        assert idea in joined, idea


def test_the_demo_opens_with_the_same_screen(cli: Cli) -> None:
    out = cli("demo").stdout
    about = flat(cli("about").stdout)
    first = out.index("About the model behind trustrepair")
    assert first < out.index("Robin's first check-in")
    assert about in flat(out)
