"""Earlier drafts of a written answer, kept inside the check-in's answers.

When someone rewrites their statement after a reflection, the new version becomes the answer
and the old one is kept under "<question>.draft.<n>" in the same answers mapping. A question id
can never contain a dot, so these keys never meet a real question: the summary ignores them,
a --no-notes export leaves them out, and export and import carry them as they are.
"""

from __future__ import annotations

from trustrepair.vocab import AnswerValue

DRAFT = ".draft."


def draft_key(qid: str, n: int) -> str:
    return f"{qid}{DRAFT}{n}"


def earlier_drafts(answers: dict[str, AnswerValue], qid: str) -> list[str]:
    """The earlier drafts of one answer, oldest first."""
    found: list[tuple[int, str]] = []
    prefix = f"{qid}{DRAFT}"
    for key, value in answers.items():
        n = key.removeprefix(prefix)
        if key.startswith(prefix) and n.isdigit() and isinstance(value, str):
            found.append((int(n), value))
    return [text for _, text in sorted(found)]


def with_rewrite(answers: dict[str, AnswerValue], qid: str, new: str) -> dict[str, AnswerValue]:
    """The answers with `new` as the answer and the old one kept as the next earlier draft."""
    old = answers.get(qid)
    out = dict(answers)
    if isinstance(old, str) and old != new:
        out[draft_key(qid, len(earlier_drafts(answers, qid)) + 1)] = old
    out[qid] = new
    return out
