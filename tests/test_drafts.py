"""Earlier drafts kept beside a rewritten answer, under keys no question can have."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from trustrepair.bank import load_bank
from trustrepair.drafts import draft_key, earlier_drafts, with_rewrite


def test_a_rewrite_keeps_the_old_version_as_the_next_draft() -> None:
    answers = with_rewrite(
        {"acc_statement": "first", "role": "betraying"}, "acc_statement", "second"
    )
    answers = with_rewrite(answers, "acc_statement", "third")
    assert answers["acc_statement"] == "third"
    assert earlier_drafts(answers, "acc_statement") == ["first", "second"]
    assert answers["role"] == "betraying"


def test_the_same_text_again_adds_no_draft() -> None:
    answers = with_rewrite({"acc_statement": "same"}, "acc_statement", "same")
    assert answers == {"acc_statement": "same"}


def test_draft_keys_never_meet_a_question_id() -> None:
    ids = load_bank().question_ids
    assert all(draft_key(qid, 1) not in ids for qid in ids)
    assert all("." not in qid for qid in ids)


@given(st.lists(st.text(min_size=1, max_size=30), min_size=1, max_size=8))
def test_every_version_but_the_last_is_kept_in_order(versions: list[str]) -> None:
    answers: dict[str, object] = {}
    for text in versions:
        answers = with_rewrite(answers, "acc_heard", text)  # type: ignore[arg-type]
    distinct = [v for i, v in enumerate(versions) if i == 0 or v != versions[i - 1]]
    assert answers["acc_heard"] == versions[-1]
    assert earlier_drafts(answers, "acc_heard") == distinct[:-1]  # type: ignore[arg-type]
