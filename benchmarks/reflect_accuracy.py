"""Precision and recall of `trustrepair reflect` on the labelled statements in the tests.

    .venv/bin/python benchmarks/reflect_accuracy.py                 # every statement
    .venv/bin/python benchmarks/reflect_accuracy.py --split holdout # only the held-out ones
    .venv/bin/python benchmarks/reflect_accuracy.py --errors        # list each miss
    .venv/bin/python benchmarks/reflect_accuracy.py --split held-out --record
        # measure the current held-out round and write its macro recall into the bank's
        # [reflect.measured] table, which the caveat under every reflection shows

Scored per statement: a category counts as found when at least one phrase of that category
was flagged. Every split has been used to tune the patterns by now, so these numbers are
in-sample; the fair estimate for unseen wording is each split's first run, kept in
benchmarks/reflect_accuracy_history.md.
"""

from __future__ import annotations

import argparse
import re
import sys
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from trustrepair.bank import load_bank
from trustrepair.reflect import reflect_statement, rules_of

DATA = Path(__file__).resolve().parents[1] / "tests" / "data"
LABELLED = DATA / "reflect_labelled.toml"  # tuning: every split here has been tuned on
HELD_OUT = DATA / "reflect_heldout.toml"  # the current held-out round: never tuned on
BANK = Path(__file__).resolve().parents[1] / "data" / "prompts.toml"
MEASURED = re.compile(r"^\[reflect\.measured\]\n(?:[a-z_]+ = .*\n)+", re.MULTILINE)


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, expected: bool, got: bool, sid: str) -> None:
        if expected and got:
            self.tp += 1
        elif got:
            self.fp += 1
            self.misses.append(f"{sid} (false flag)")
        elif expected:
            self.fn += 1
            self.misses.append(f"{sid} (missed)")

    def precision(self) -> str:
        return _pct(self.tp, self.tp + self.fp)

    def recall(self) -> str:
        return _pct(self.tp, self.tp + self.fn)


def _pct(n: int, d: int) -> str:
    return f"{100 * n / d:5.1f}%" if d else "    -"


def load(split: str) -> list[dict[str, object]]:
    """Rows of one split; "tuning" is every tuned-on split, "held-out" the current round."""
    tuning = tomllib.loads(LABELLED.read_text(encoding="utf-8"))["statements"]
    held = tomllib.loads(HELD_OUT.read_text(encoding="utf-8"))["statements"]
    if split == "tuning":
        return list(tuning)
    if split == "held-out":
        return list(held)
    rows = [*tuning, *held]
    return [r for r in rows if split == "all" or r.get("split", "dev") == split]


def run(rows: list[dict[str, object]]) -> dict[str, object]:
    bank = load_bank()
    rules = rules_of(bank)
    flags = {c.id: Score() for c in rules.categories}
    strengths = {s.id: Score() for s in rules.strengths}
    clean = {"genuine": [0, 0], "trap": [0, 0]}
    for row in rows:
        sid, text = str(row["id"]), str(row["text"])
        result = reflect_statement(bank, text, heard=bool(row.get("heard", False)))
        got_flags = {f.category for f in result.flags}
        got_strengths = {s.id for s in result.strengths}
        for cid, score in flags.items():
            score.add(cid in row.get("flags", []), cid in got_flags, sid)  # type: ignore[operator]
        for gid, score in strengths.items():
            score.add(gid in row.get("strengths", []), gid in got_strengths, sid)  # type: ignore[operator]
        kind = str(row["kind"])
        if kind in clean:
            clean[kind][0] += not got_flags
            clean[kind][1] += 1
    return {"flags": flags, "strengths": strengths, "clean": clean, "n": len(rows)}


def macro_recall(scores: dict[str, Score]) -> float:
    """The mean of the per-category recalls: each kind of phrase counts the same."""
    recalls = [s.tp / (s.tp + s.fn) for s in scores.values() if s.tp + s.fn]
    return sum(recalls) / len(recalls)


def record(recall: float, statements: int, round_name: str, bank: Path = BANK) -> None:
    """Write the measured recall into the bank's [reflect.measured] table, in place."""
    text = bank.read_text(encoding="utf-8")
    table = (
        "[reflect.measured]\n"
        f"recall = {recall:.3f}\n"
        f"statements = {statements}\n"
        f'round = "{round_name}"\n'
    )
    new, count = MEASURED.subn(table, text)
    if count != 1:
        raise SystemExit(f"{bank}: expected one [reflect.measured] table, found {count}")
    bank.write_text(new, encoding="utf-8")


def table(title: str, scores: dict[str, Score]) -> list[str]:
    lines = [f"{title:<22} {'TP':>4} {'FP':>4} {'FN':>4} {'precision':>10} {'recall':>8}"]
    for name, s in scores.items():
        lines.append(
            f"{name:<22} {s.tp:>4} {s.fp:>4} {s.fn:>4} {s.precision():>10} {s.recall():>8}"
        )
    total = Score(
        tp=sum(s.tp for s in scores.values()),
        fp=sum(s.fp for s in scores.values()),
        fn=sum(s.fn for s in scores.values()),
    )
    lines.append(
        f"{'all (micro)':<22} {total.tp:>4} {total.fp:>4} {total.fn:>4} "
        f"{total.precision():>10} {total.recall():>8}"
    )
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--split",
        default="all",
        help="all, tuning, held-out, or one split by name (dev, holdout, fresh, round4 ...)",
    )
    parser.add_argument("--errors", action="store_true", help="list every miss and false flag")
    parser.add_argument(
        "--record",
        metavar="ROUND",
        help="with --split held-out: write the macro recall into the bank for the caveat",
    )
    args = parser.parse_args(argv)
    if args.record and args.split != "held-out":
        parser.error("--record measures the held-out round only (--split held-out)")
    rows = load(args.split)
    result = run(rows)
    flags: dict[str, Score] = result["flags"]  # type: ignore[assignment]
    strengths: dict[str, Score] = result["strengths"]  # type: ignore[assignment]
    clean: dict[str, list[int]] = result["clean"]  # type: ignore[assignment]
    print(f"{result['n']} labelled statements (split: {args.split})\n")
    print("\n".join(table("flag category", flags)))
    print(f"macro recall (mean of the categories): {100 * macro_recall(flags):.1f}%")
    print()
    print("\n".join(table("strength", strengths)))
    print()
    for kind, (ok, total) in clean.items():
        label = (
            "genuine, no flag" if kind == "genuine" else "quoted/negated/reported traps, no flag"
        )
        print(f"{label}: {ok}/{total} ({_pct(ok, total).strip()})")
    if args.record:
        record(macro_recall(flags), int(str(result["n"])), args.record)
        print(f"\nrecorded in {BANK.name} [reflect.measured]: {macro_recall(flags):.3f}")
    if args.errors:
        print()
        for name, s in {**flags, **strengths}.items():
            for miss in s.misses:
                print(f"{name}: {miss}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
