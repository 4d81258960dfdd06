"""Sentence forms the reflection engine reads (issue 18): clauses, negation scope, rhetorical
questions, whose words are reported, and the templates in the bank's [reflect] table.

Each form is checked with several wordings, none of them taken from the held-out set.
"""

from __future__ import annotations

import pytest

from trustrepair.bank import Bank, load_bank
from trustrepair.reflect import reflect_statement


@pytest.fixture(scope="module")
def bank() -> Bank:
    return load_bank()


def kinds(bank: Bank, text: str, *, heard: bool = False) -> set[str]:
    return {f.category for f in reflect_statement(bank, text, heard=heard).flags}


def aside(bank: Bank, text: str) -> set[tuple[str, str]]:
    return {(a.category, a.why) for a in reflect_statement(bank, text).set_aside}


# --- negation reaches its own clause, never the next one -----------------------------------


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("I didn't go looking for anything, things simply got out of hand.", "minimising"),
        ("I never set out to hurt you, it only lasted a couple of weeks.", "minimising"),
        ("I wasn't thinking and you made it so easy to stray.", "blame_shifting"),
        ("I won't lie, it was just a kiss.", "minimising"),
        ("I don't blame you so much, but we both stopped caring.", "shared_blame"),
    ],
)
def test_a_negation_does_not_reach_into_the_next_clause(
    bank: Bank, text: str, category: str
) -> None:
    assert category in kinds(bank, text)


@pytest.mark.parametrize(
    "text",
    [
        "It wasn't because you were distant.",
        "I'm not going to tell you it was nothing serious.",
        "I won't ever say that we both let it happen.",
        "Nobody pushed me into this and nothing you did drove me to it.",
        "I'm not asking you to let it go.",
        "It was never just a fling.",
    ],
)
def test_a_negation_still_covers_the_phrase_it_governs(bank: Bank, text: str) -> None:
    assert kinds(bank, text) == set(), text


# --- rhetorical questions are read as what they assert -------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Why can't we leave this in the past?",
        "Why can't you just let it go",
        "Can't we just move on for the kids?",
        "couldn't we start over now",
        "Isn't it time we put all this behind us?",
        "Don't you think it's time to move forward?",
        "What else do you want from me at this point?",
        "When will you stop dragging this up?",
        "How many more times do I have to apologise?",
    ],
)
def test_a_rhetorical_question_is_pressure_not_its_negation(bank: Bank, text: str) -> None:
    assert "pressure_to_move_on" in kinds(bank, text), text


# --- reported speech: the other person's words set aside, the writer's own kept ------------


@pytest.mark.parametrize(
    "text",
    [
        "I've said I'm sorry more times than I can count, so let's stop going over it.",
        "I told you already, it was just a bit of fun.",
        "Like I said last night, we both let this happen.",
        "I've told you a thousand times, I can't keep being punished.",
    ],
)
def test_the_writers_own_reported_words_are_flagged(bank: Bank, text: str) -> None:
    assert kinds(bank, text), text


@pytest.mark.parametrize(
    "text",
    [
        "You said I should just get over it and that hurt.",
        "She told me it was only a fling, and she was wrong.",
        "My brother keeps saying we both made mistakes; I don't agree with him.",
        "You think it was only a kiss. It was more.",
        "Your mother told you it takes two; it doesn't, this was mine.",
        "You wrote 'move on already' in your diary, and I understand why.",
    ],
)
def test_the_other_persons_words_are_set_aside(bank: Bank, text: str) -> None:
    assert kinds(bank, text) == set(), text
    assert {why for _, why in aside(bank, text)} <= {"reported", "quoted"}


def test_the_writers_past_disowned_words_are_set_aside(bank: Bank) -> None:
    for text in [
        "I used to tell myself it was harmless fun.",
        "When I said it meant nothing, I was lying to both of us.",
        "I told you it was only coffee when it was much more than that.",
    ]:
        assert kinds(bank, text) == set(), text


def test_what_was_heard_counts_the_partners_reported_words(bank: Bank) -> None:
    text = "He told me I'd pushed him away and that we should move on."
    assert kinds(bank, text) == set()
    assert kinds(bank, text, heard=True) == {"blame_shifting", "pressure_to_move_on"}


# --- forms: templates with slots -----------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "If you'd come on the trip with me, none of this would have happened.",
        "if u had cared even a bit i wouldnt have needed her",
        "I would never have looked at him if you had made some time for me.",
        "Had you stayed home that summer, I doubt it would have gone anywhere.",
        "If my wife had shown the slightest interest I would never have strayed.",
    ],
)
def test_counterfactual_blame(bank: Bank, text: str) -> None:
    assert "blame_shifting" in kinds(bank, text), text


def test_a_counterfactual_about_finding_out_or_the_writer_is_not_blame(bank: Bank) -> None:
    for text in [
        "If you hadn't found those messages I would never have stopped.",
        "If I had been honest, none of this would have happened.",
        "If you'd asked me straight out I would have told you the truth.",
    ]:
        assert "blame_shifting" not in kinds(bank, text), text


@pytest.mark.parametrize(
    "text",
    [
        "My husband hadn't touched me in a year.",
        "my wife never once asked how I was",
        "My partner had stopped wanting me long before any of this.",
        "He was always at work or out with his brother.",
        "She treated me like a lodger for most of that winter.",
    ],
)
def test_blame_in_the_third_person(bank: Bank, text: str) -> None:
    assert "blame_shifting" in kinds(bank, text), text


@pytest.mark.parametrize(
    "text",
    [
        "Ask yourself why I felt so alone.",
        "Why do you think I started going to his flat?",
        "What did you expect, living like that?",
        "Was I supposed to wait around forever?",
        "Anyone can only be ignored for so long.",
    ],
)
def test_rhetorical_blame(bank: Bank, text: str) -> None:
    assert "blame_shifting" in kinds(bank, text), text


@pytest.mark.parametrize(
    "text",
    [
        "It only lasted a few weeks.",
        "It was nothing serious, really.",
        "Everyone slips up once in a while.",
        "These things happen in long marriages.",
        "It just sort of happened after the party.",
        "Things spiralled from there.",
        "It was a short fling.",
        "We never got further than holding hands.",
    ],
)
def test_everyday_minimising(bank: Bank, text: str) -> None:
    assert "minimising" in kinds(bank, text), text


def test_an_agentless_it_happened_is_minimising_not_a_conditional_apology(bank: Bank) -> None:
    for text in ["It just happened.", "Things got out of hand at the party."]:
        assert kinds(bank, text) == {"minimising"}, text
    assert kinds(bank, "It happened because I let it.") == set()


@pytest.mark.parametrize(
    "text",
    [
        "When will you stop bringing this up?",
        "I've done all you asked, what more is there?",
        "I've done everything you wanted, what else can I do?",
        "I'm sick of going over it every night.",
        "Can we please draw a line under it now.",
        "Let's stop picking at it.",
    ],
)
def test_impatience(bank: Bank, text: str) -> None:
    assert "pressure_to_move_on" in kinds(bank, text), text


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Im sorry u feel like that", "conditional_apology"),
        ("If I've upset you, I apologise.", "conditional_apology"),
        ("I'm sorry it turned out like this.", "conditional_apology"),
        ("The relationship had been on its last legs for years.", "shared_blame"),
        ("Neither of us was trying by then.", "shared_blame"),
        ("You weren't exactly faithful in your head either.", "shared_blame"),
    ],
)
def test_more_forms_of_apology_and_shared_blame(bank: Bank, text: str, category: str) -> None:
    assert category in kinds(bank, text), text


@pytest.mark.parametrize(
    "text",
    [
        "I had an affair, I lied about it, and nothing you did caused it.",
        "You didn't ask for any of this.",
        "I will stop seeing her and I've started therapy.",
        "Take as long as you need; I'm not going anywhere.",
        "I'm tired of lying, so here is all of it.",
        "I see how alone you felt, and I did that.",
    ],
)
def test_genuine_statements_stay_unflagged(bank: Bank, text: str) -> None:
    assert kinds(bank, text) == set(), text


def test_a_flag_shows_the_phrase_that_raised_it(bank: Bank) -> None:
    [flag] = reflect_statement(bank, "My husband hadn't touched me in a year.").flags
    assert flag.phrase.startswith("My husband hadn't touched me")
    assert flag.explanation.startswith("This phrase")


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Your drinking is what pushed me out the door.", "blame_shifting"),
        ("Put yourself in my position for once.", "blame_shifting"),
        ("I went where I felt wanted.", "blame_shifting"),
        ("It was a handful of lunches.", "minimising"),
        ("In the grand scheme of things it was nothing.", "minimising"),
        ("I'm sorry for how everything played out.", "conditional_apology"),
        ("Whatever I did to upset you, sorry.", "conditional_apology"),
        ("Honestly it was a team effort.", "shared_blame"),
        ("Enough is enough, please.", "pressure_to_move_on"),
        ("Can we put this to bed tonight?", "pressure_to_move_on"),
    ],
)
def test_more_forms_after_round_five(bank: Bank, text: str, category: str) -> None:
    assert category in kinds(bank, text), text


@pytest.mark.parametrize(
    "text",
    [
        "At no point was any of this your fault.",
        "You once asked me whether it was only a fling.",
        "My sister thinks we should just move on; I don't.",
        "You stopped eating after you found out, and that is on me.",
    ],
)
def test_more_words_that_are_not_the_writers_own(bank: Bank, text: str) -> None:
    assert kinds(bank, text) == set(), text


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("He practically lived at the gym that year.", "blame_shifting"),
        ("You chose your sister over me every single weekend.", "blame_shifting"),
        ("Let's not pretend you were easy to live with.", "blame_shifting"),
        ("We never even took our clothes off, I swear.", "minimising"),
        ("It was more like a close friendship, honestly.", "minimising"),
        ("How much longer do I have to wait?", "pressure_to_move_on"),
        ("I don't know what else you want me to say.", "pressure_to_move_on"),
        ("It wasn't all me, you know.", "shared_blame"),
    ],
)
def test_more_forms_after_round_six(bank: Bank, text: str, category: str) -> None:
    assert category in kinds(bank, text), text


@pytest.mark.parametrize(
    "text",
    [
        "I know you pulled away from me after you found out, and I understand why.",
        "You made me a better person and I repaid you with lies.",
        "I will draw a line under my contact with her today.",
        "Be honest with yourself about what you need, and I'll respect it.",
    ],
)
def test_genuine_uses_of_the_new_forms_stay_unflagged(bank: Bank, text: str) -> None:
    assert kinds(bank, text) == set(), text


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Please, can we just get things back to normal now?", "pressure_to_move_on"),
        (
            "Honestly I'm exhausted, let's leave it in the past where it belongs.",
            "pressure_to_move_on",
        ),
        ("Surely we can stop going over every detail.", "pressure_to_move_on"),
        ("It was just a couple of drinks after work.", "minimising"),
        ("we only texted a few times", "minimising"),
        ("It lasted barely a weekend.", "minimising"),
    ],
)
def test_an_ask_with_a_word_for_closing_or_a_small_word_with_what_happened(
    bank: Bank, text: str, category: str
) -> None:
    assert category in kinds(bank, text), text


@pytest.mark.parametrize(
    "text",
    [
        "Please ask me about it again whenever you need to.",
        "Can we talk about it again tomorrow? I want to answer everything.",
        "It started with a few messages and became an affair.",
        "Please don't feel you have to move on for my sake.",
        "It wasn't just a couple of drinks; it was months.",
        "You were always there for me.",
    ],
)
def test_the_same_words_in_a_genuine_statement_stay_unflagged(bank: Bank, text: str) -> None:
    assert kinds(bank, text) == set(), text


@pytest.mark.parametrize(
    "text",
    [
        "I deceived you for months, and the fault is mine alone.",
        "I regret any part of me that thought this was okay.",
        "It took two years for me to tell you the truth.",
        "I think about how you looked at me when you found out.",
        "I was lonely with you gone on the trip, and that is no excuse.",
        "Are you ever going to want to talk about it? I'm ready whenever.",
    ],
)
def test_genuine_statements_near_the_round_eight_forms(bank: Bank, text: str) -> None:
    assert kinds(bank, text) == set(), text


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("You spent every evening at the gym and I found company.", "blame_shifting"),
        ("Why do you suppose I stopped coming home early?", "blame_shifting"),
        ("It's ancient history, it was years ago.", "minimising"),
        ("It took two, you know.", "shared_blame"),
        ("Sorry for the hurt, if that's how you took it.", "conditional_apology"),
        ("When are you going to let me off the hook?", "pressure_to_move_on"),
    ],
)
def test_more_forms_after_round_eight(bank: Bank, text: str, category: str) -> None:
    assert category in kinds(bank, text), text


@pytest.mark.parametrize(
    "text",
    [
        "I know you have to relive it every time you see her name.",
        "My short-lived attempt to hide it failed.",
        "I know it has left you feeling unsafe in your own home.",
        "It was not one mistake, it was a hundred choices.",
    ],
)
def test_genuine_statements_near_the_round_nine_forms(bank: Bank, text: str) -> None:
    assert kinds(bank, text) == set(), text


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Where were you when I needed you most?", "blame_shifting"),
        ("My husband hasn't kissed me in two years.", "blame_shifting"),
        ("all we did was chat online", "minimising"),
        ("I'm done talking about this, honestly.", "pressure_to_move_on"),
        ("Let's just get on with our lives now.", "pressure_to_move_on"),
        ("This was a long time coming.", "shared_blame"),
    ],
)
def test_more_forms_after_round_ten(bank: Bank, text: str, category: str) -> None:
    assert category in kinds(bank, text), text


def test_a_harm_the_writer_names_is_not_read_as_blame(bank: Bank) -> None:
    text = "I see how you flinch when my phone buzzes, and I caused that."
    assert kinds(bank, text) == set()


@pytest.mark.parametrize(
    ("text", "category", "heard"),
    [
        ("Every time I tried to talk, you changed the subject.", "blame_shifting", False),
        ("She said she did it because I was never home.", "blame_shifting", True),
        ("It was a casual thing, honestly.", "minimising", False),
        ("I'm sorry you're in so much pain.", "conditional_apology", False),
        ("You're just as responsible as I am.", "shared_blame", False),
        ("I said sorry like a million times, move on.", "pressure_to_move_on", False),
    ],
)
def test_more_forms_after_round_eleven(bank: Bank, text: str, category: str, heard: bool) -> None:
    assert category in kinds(bank, text, heard=heard), text


@pytest.mark.parametrize(
    "text",
    [
        "My excuses were superficial and I know it.",
        "I won't call it a mistake; it was a choice.",
        "If you decide to leave and move on, I will understand.",
        "Your cousin keeps saying we both need to move on; I don't agree.",
    ],
)
def test_genuine_statements_near_the_round_eleven_forms(bank: Bank, text: str) -> None:
    assert kinds(bank, text) == set(), text


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("I'd been crying out for your affection for ages.", "blame_shifting"),
        ("I was so lonely while you were away with work.", "blame_shifting"),
        ("Honestly it meant very little.", "minimising"),
        ("I'm sorry for however that landed with you.", "conditional_apology"),
        ("You need to own your part in this.", "shared_blame"),
        ("Haven't we been over this enough times?", "pressure_to_move_on"),
    ],
)
def test_more_forms_after_round_twelve(bank: Bank, text: str, category: str) -> None:
    assert category in kinds(bank, text), text


def test_the_writers_own_loneliness_owned_is_not_blame(bank: Bank) -> None:
    assert kinds(bank, "I was lonely, but that is no excuse for what I did to you.") == set()


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("You'd grown so distant by then.", "blame_shifting"),
        ("It's because of how critical you'd become.", "blame_shifting"),
        ("I came home to silence every night.", "blame_shifting"),
        ("It ended almost as soon as it began.", "minimising"),
        ("You helped create this mess too.", "shared_blame"),
        ("Can't we just forget it ever happened?", "pressure_to_move_on"),
    ],
)
def test_more_forms_after_round_thirteen(bank: Bank, text: str, category: str) -> None:
    assert category in kinds(bank, text), text


@pytest.mark.parametrize(
    "text",
    [
        "You were so cold to me after you found out, and I understand why.",
        "You became withdrawn because of me.",
        "you were too tired to argue and I took advantage of that",
    ],
)
def test_the_partners_state_as_a_result_of_what_the_writer_did_is_not_blame(
    bank: Bank, text: str
) -> None:
    assert kinds(bank, text) == set(), text
