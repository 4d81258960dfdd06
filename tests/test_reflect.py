"""The reflection engine: what gets flagged, what is set aside, and why."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from trustrepair.bank import Bank, load_bank
from trustrepair.errors import BadInputError
from trustrepair.models import Reflection
from trustrepair.reflect import check_statement, reflect_statement, statement_from_bytes


@pytest.fixture(scope="module")
def bank() -> Bank:
    return load_bank()


def flagged(bank: Bank, text: str, *, heard: bool = False) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for f in reflect_statement(bank, text, heard=heard).flags:
        out.setdefault(f.category, []).append(f.phrase)
    return out


def strengths(bank: Bank, text: str) -> set[str]:
    return {s.id for s in reflect_statement(bank, text).strengths}


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("I only did it because you were so distant that year.", "blame_shifting"),
        ("If you hadn't shut me out, none of it would have happened.", "blame_shifting"),
        ("It was only a few messages with an old friend.", "minimising"),
        ("Honestly it was just a kiss.", "minimising"),
        ("It's not a big deal, I've stopped now.", "minimising"),
        ("I'm sorry if you felt let down.", "conditional_apology"),
        ("Mistakes were made, and I regret them.", "conditional_apology"),
        ("We both let the marriage slide.", "shared_blame"),
        ("You need to get over it.", "pressure_to_move_on"),
        ("Can we move on now?", "pressure_to_move_on"),
    ],
)
def test_each_kind_of_phrase_from_the_issue_is_flagged(
    bank: Bank, text: str, category: str
) -> None:
    assert category in flagged(bank, text)


def test_a_flag_shows_the_phrase_and_explains_it_with_its_article_source(bank: Bank) -> None:
    result = reflect_statement(bank, "I cheated. It happened because you were never home.")
    [flag] = result.flags
    assert flag.category == "blame_shifting"
    assert flag.phrase == "because you were never home"
    assert flag.explanation.startswith("This phrase")
    assert flag.source == bank.sources["prerequisites"].title


def test_negated_phrase_is_set_aside_not_flagged(bank: Bank) -> None:
    result = reflect_statement(bank, "It wasn't because you were distant. I chose to do it.")
    assert result.flags == []
    assert [(a.category, a.why) for a in result.set_aside] == [("blame_shifting", "negated")]


def test_quoted_phrase_is_set_aside_not_flagged(bank: Bank) -> None:
    result = reflect_statement(bank, "You said 'get over it' and that was wrong")
    assert result.flags == []
    assert [(a.phrase, a.why) for a in result.set_aside] == [("get over it", "quoted")]


@pytest.mark.parametrize(
    "text",
    [
        "I told you “it was just a kiss”, and it was far more than that.",
        'I keep hearing myself say "we both made mistakes" and I hate it.',
        "There's no ‘we both’ about this.",
    ],
)
def test_curly_and_straight_quotes_both_count_as_quotation(bank: Bank, text: str) -> None:
    assert flagged(bank, text) == {}


def test_reported_speech_is_not_the_writers_own(bank: Bank) -> None:
    assert flagged(bank, "When I said it was only a kiss, I was making it smaller.") == {}
    assert flagged(bank, "I kept telling myself it was just a friendship.") == {}


def test_reported_speech_stops_at_the_end_of_the_clause(bank: Bank) -> None:
    text = "You said I was cold, but it was only a kiss."
    assert "minimising" in flagged(bank, text)


def test_negation_reaches_only_a_few_words_and_not_past_a_clause_break(bank: Bank) -> None:
    assert flagged(bank, "I'm not saying it was just a kiss.") == {}
    text = "I didn't plan it, but it happened because you were never home."
    assert "blame_shifting" in flagged(bank, text)


def test_not_only_because_you_still_shifts_responsibility(bank: Bank) -> None:
    text = "It was not only because you were so busy."
    assert "blame_shifting" in flagged(bank, text)


def test_genuine_uses_of_risky_words_are_not_flagged(bank: Bank) -> None:
    for text in [
        "It was only when I saw your face that I understood what I had done.",
        "I'm telling you because you deserve the whole truth.",
        "You're hurting because you trusted me, and I broke that.",
        "I won't ask you to move on; take all the time you need.",
        "It was not just a kiss. It was a betrayal.",
    ]:
        assert flagged(bank, text) == {}, text


def test_what_the_affected_partner_was_told_counts_quotes_and_reported_words(
    bank: Bank,
) -> None:
    text = "He said it was only a kiss and told me to 'get over it'."
    assert flagged(bank, text) == {}
    heard = flagged(bank, text, heard=True)
    assert set(heard) == {"minimising", "pressure_to_move_on"}


def test_negation_still_applies_to_what_was_heard(bank: Bank) -> None:
    assert flagged(bank, "She said it wasn't because I was distant.", heard=True) == {}


def test_strengths_present_and_missing_are_both_reported(bank: Bank) -> None:
    text = (
        "I had an affair and lied about it. It was my choice. I made you doubt your own "
        "memory. I have ended all contact and I will answer any question."
    )
    assert strengths(bank, text) == {
        "names_what_happened",
        "owns_it",
        "names_harm",
        "will_do_differently",
    }
    bare = reflect_statement(bank, "Things have been hard.")
    assert bare.strengths == []
    assert [g.id for g in bare.not_found] == [
        "names_what_happened",
        "owns_it",
        "names_harm",
        "will_do_differently",
    ]


def test_a_negated_strength_does_not_count(bank: Bank) -> None:
    assert "names_what_happened" not in strengths(bank, "I never cheated on you.")


def test_flags_come_in_reading_order_with_a_summary_of_the_kinds(bank: Bank) -> None:
    result = reflect_statement(bank, "We both drifted. It was just a fling. Let's move on.")
    assert [f.category for f in result.flags] == [
        "shared_blame",
        "minimising",
        "pressure_to_move_on",
    ]
    assert result.summary.startswith("Some phrases here make what happened sound smaller")
    assert reflect_statement(bank, "I lied to you.").summary == bank.reflect.no_flags  # type: ignore[union-attr]


def test_one_stretch_of_text_gives_one_flag_per_kind(bank: Bank) -> None:
    result = reflect_statement(bank, "If you hadn't been so cold, because you were never there")
    assert len([f for f in result.flags if f.category == "blame_shifting"]) == 2


def test_wording_describes_phrases_never_the_person(bank: Bank) -> None:
    rules = bank.reflect
    assert rules is not None
    texts = [c.explanation for c in rules.categories] + [c.label for c in rules.categories]
    texts += [s.explanation for s in rules.strengths] + [s.hint for s in rules.strengths]
    texts += [rules.caveat, rules.summary, rules.no_flags, rules.note_caption]
    for text in texts:
        lowered = text.lower()
        for word in ("you are", "you're", "manipulat", "narciss", "gaslight", "liar", "abuser"):
            assert word not in lowered, (word, text)
    assert all(c.explanation.startswith("This phrase") for c in rules.categories)


def test_patterns_are_compiled_once_not_per_statement(
    bank: Bank, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert load_bank() is load_bank()  # the built-in bank is loaded once per process
    rules = bank.reflect
    assert rules is not None
    reflect_statement(bank, "warm up", heard=True)
    before = [rules.compiled(c, heard=h) for c in rules.categories for h in (False, True)]

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("a bank pattern was compiled again")

    monkeypatch.setattr(re, "compile", refuse)
    reflect_statement(bank, "It was just a kiss because you were never home.")
    reflect_statement(bank, "He said it was just a kiss.", heard=True)
    after = [rules.compiled(c, heard=h) for c in rules.categories for h in (False, True)]
    assert all(a is b for a, b in zip(before, after, strict=True))


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=400))
def test_any_text_gives_phrases_taken_from_that_text(text: str) -> None:
    bank = load_bank()
    result = reflect_statement(bank, text)
    assert isinstance(result, Reflection)
    flat = " ".join(text.split())
    for f in result.flags:
        assert f.phrase in flat
    assert [f.start for f in result.flags] == sorted(f.start for f in result.flags)


@settings(max_examples=60, deadline=None)
@given(
    st.sampled_from(["it was only a kiss", "we both drifted", "get over it", "sorry if you felt"]),
    st.sampled_from(["'{}'", '"{}"', "“{}”", "‘{}’"]),
)
def test_a_quoted_phrase_is_never_flagged_whatever_the_quote_marks(phrase: str, quote: str) -> None:
    text = f"Last year I wrote {quote.format(phrase)} in a letter and I regret it."
    assert reflect_statement(load_bank(), text).flags == []


# --- input limits --------------------------------------------------------------------------


def test_a_statement_is_trimmed_and_line_endings_normalised() -> None:
    assert check_statement("  I lied.\r\nI'm sorry.  ", 100) == "I lied.\nI'm sorry."


@pytest.mark.parametrize("text", ["", "   ", "\n\t\n"])
def test_empty_statement_is_refused(text: str) -> None:
    with pytest.raises(BadInputError, match="empty"):
        check_statement(text, 100)


def test_too_long_statement_is_refused_with_the_limit() -> None:
    with pytest.raises(BadInputError, match="longer than 20,000 characters"):
        check_statement("a" * 20_001, 20_000)


@pytest.mark.parametrize(
    "data",
    [b"I lied\x00 to you", b"\xff\xfe\xfa not utf-8", b"\x1b[31mred\x1b[0m", b"\x89PNG\r\n\x1a\n"],
)
def test_binary_input_is_refused_with_where_it_came_from(data: bytes) -> None:
    with pytest.raises(BadInputError, match=r"^in\.txt: .*plain text"):
        statement_from_bytes(data, "in.txt", 20_000)


def test_a_megabyte_is_refused_as_too_long_before_decoding() -> None:
    with pytest.raises(BadInputError, match="longer than"):
        statement_from_bytes(b"\xff" * 1_000_000, "big.txt", 20_000)


def test_utf8_with_a_byte_order_mark_is_fine() -> None:
    assert statement_from_bytes("\ufeffI lied.".encode(), "f", 100) == "I lied."


def test_undecodable_command_line_text_is_refused() -> None:
    with pytest.raises(BadInputError, match="plain text"):
        check_statement("I lied \udcff", 100)
