"""Generated, realistic histories for the demo and the benchmarks (one generator for both).

Everything is fictional and deterministic for a given seed and end date. The shape follows the
article's picture of repair: prerequisites move from not yet, through partly, to in place;
distrust spikes fall non-linearly, with setbacks around the anniversary and new stressors.
"""

from __future__ import annotations

import datetime as dt
import math
import random
from dataclasses import dataclass

from trustrepair.assess import prerequisite_statuses
from trustrepair.bank import Bank
from trustrepair.models import BackupData, CheckIn, Marker, MarkerRecord, Spike
from trustrepair.plain import replace
from trustrepair.vocab import AnswerValue, Role

UTC = dt.UTC

DEMO_MARKERS = [
    "Texts me the same day when plans change",
    "Shares his calendar for the coming week every Sunday evening",
    "Tells me within a day if the other person gets in touch",
    "Comes home by the time he said, or calls before",
    "Answers my questions about that time without getting defensive",
    "Tells me about work trips at least a week ahead",
    "Offers his phone when a message arrives late at night",
    "Says plainly when he has had a hard day instead of going quiet",
]
# The demo's story, told through a few check-ins (by position: the first, the fifth, the
# latest). Early on Robin hears blame pushed back (a warning) and Kai writes a statement that
# does it too; around month two or three they see transparency very differently; by now they
# agree on it, though Robin is not yet sure the behaviour has stopped. Seeds vary the rest.
STATEMENT = (
    "I am sorry for what I did and I lied to you for months. But it only happened because "
    "you were never home, and I need you to move on now."
)
STORY: dict[str, dict[int, dict[str, AnswerValue]]] = {
    "affected": {
        0: {"acc_blame": "often", "acc_acknowledged": "partly", "ongoing": "ended"},
        4: {"tr_offered": "rarely", "tr_checking": "often", "acc_blame": "sometimes"},
        -1: {
            "tr_offered": "usually",
            "tr_checking": "rarely",
            "acc_acknowledged": "fully",
            "acc_blame": "never",
            "acc_harm": "yes",
            "ces_confidence": 3,
        },
    },
    "betraying": {
        0: {"acc_statement": STATEMENT, "acc_blame_self": "sometimes", "ongoing": "ended"},
        4: {"tr_offered_self": "usually", "tr_checking_self": "never"},
        -1: {
            "tr_offered_self": "usually",
            "tr_checking_self": "rarely",
            "acc_acknowledged_self": "fully",
            "acc_blame_self": "never",
            "acc_harm_self": "yes",
            "ces_steps_self": "all",
        },
    },
}
TRIGGERS = ["reminder", "new stressor", "partner's behaviour", "unknown", "a song on the radio"]


@dataclass(frozen=True)
class Shape:
    """How big a history to make."""

    days: int = 425  # about 14 months
    checkin_every_days: int = 14
    markers: int = 4
    story: bool = False  # the demo's fixed turning points (see STORY)
    spikes_per_day_start: float = 4.0
    spikes_per_day_end: float = 0.35
    record_chance: float = 0.55  # how often a marker gets a record on a given day


def three_years() -> Shape:
    """The benchmark store: 1,100 days, ~3,000 spikes, ~150 check-ins, 8 markers, ~4,000 records."""
    return Shape(
        days=1100,
        checkin_every_days=7,
        markers=8,
        spikes_per_day_start=6.0,
        spikes_per_day_end=1.2,
        record_chance=0.46,
    )


def progress_at(day: int, days: int) -> float:
    """0 at discovery, 1 at the end, with a dip in months 6-12 (two steps forward, one back)."""
    x = day / max(days, 1)
    dip = 0.12 * math.exp(-(((day - 270) / 45) ** 2))
    return max(0.0, min(1.0, 1 - math.exp(-3 * x) - dip))


def near_anniversary(moment: dt.date, discovered: dt.date) -> bool:
    return any(
        abs((moment - discovered.replace(year=discovered.year + n)).days) <= 10
        for n in (1, 2, 3)
        if not (discovered.month == 2 and discovered.day == 29)
    )


def _pick(levels: list[str], p: float, rng: random.Random) -> str:
    """Choose from best-first levels: the further along (p near 1), the better the answer."""
    noisy = min(max(p + rng.uniform(-0.2, 0.2), 0.0), 0.999)
    return levels[len(levels) - 1 - int(noisy * len(levels))]


def answers_for(
    role: Role, p: float, discovered: dt.date, rng: random.Random
) -> dict[str, AnswerValue]:
    freq = ["never", "rarely", "sometimes", "often"]
    common: dict[str, AnswerValue] = {
        "afraid": False,
        "discovered": discovered.isoformat(),
        "ongoing": "ended" if p > 0.08 else "reduced",
        "sup_couples": "yes" if p > 0.15 else "planning",
        "sup_individual": "yes" if p > 0.3 else "no",
    }
    if role == "affected":
        return common | {
            "acc_acknowledged": _pick(["fully", "partly", "not_yet"], p, rng),
            "acc_blame": _pick(freq, p, rng),
            "acc_harm": _pick(["yes", "partly", "no"], p, rng),
            "tr_offered": _pick(["usually", "sometimes", "rarely", "never"], p, rng),
            "tr_checking": _pick(freq, p, rng),
            "ces_confidence": 1 + int(min(p + rng.uniform(-0.1, 0.1), 0.99) * 5),
            "ap_openness": 1 + int(min(p + rng.uniform(0, 0.2), 0.99) * 5),
            "ap_markers": _pick(["yes", "some", "not_yet"], p + 0.2, rng),
            "sp_frequency": _pick(["rarely", "weekly", "daily", "many_daily"], p, rng),
            "sp_duration": _pick(["minutes", "hour", "hours", "days"], p, rng),
        }
    return common | {
        "acc_acknowledged_self": _pick(["fully", "partly", "not_yet"], p + 0.1, rng),
        "acc_blame_self": _pick(freq, p + 0.1, rng),
        "acc_harm_self": _pick(["yes", "partly", "no"], p, rng),
        "tr_offered_self": _pick(["usually", "sometimes", "rarely", "never"], p + 0.1, rng),
        "tr_checking_self": _pick(freq, p, rng),
        "ces_steps_self": _pick(["all", "most", "some", "none"], p + 0.2, rng),
        "ap_patience_self": _pick(["steady", "frustrated", "pointless"], p, rng),
    }


def _moment(day: dt.date, rng: random.Random, offset: int) -> dt.datetime:
    local = dt.datetime.combine(day, dt.time(rng.randint(7, 22), rng.randint(0, 59)))
    return (local - dt.timedelta(minutes=offset)).replace(tzinfo=UTC)


def checkins(
    bank: Bank, role: Role, shape: Shape, start: dt.date, rng: random.Random, offset: int
) -> list[CheckIn]:
    out: list[CheckIn] = []
    days = list(range(3, shape.days, shape.checkin_every_days))
    turns = {i % len(days): change for i, change in STORY[role].items()} if shape.story else {}
    for n, day in enumerate(days):
        answers = answers_for(role, progress_at(day, shape.days), start, rng) | turns.get(n, {})
        out.append(
            CheckIn(
                uid=f"{rng.getrandbits(128):032x}",
                created_utc=_moment(start + dt.timedelta(days=day), rng, offset),
                utc_offset_minutes=offset,
                role=role,
                bank_version=bank.meta.version,
                answers=answers,
                statuses=prerequisite_statuses(bank, role, answers),
            )
        )
    return out


def spikes(shape: Shape, start: dt.date, rng: random.Random, offset: int) -> list[Spike]:
    out: list[Spike] = []
    for day in range(shape.days):
        date = start + dt.timedelta(days=day)
        p = progress_at(day, shape.days)
        rate = shape.spikes_per_day_start * (1 - p) + shape.spikes_per_day_end * p
        trigger_boost = 2.5 if near_anniversary(date, start) else 1.0
        for _ in range(_poisson(rate * trigger_boost, rng)):
            minutes = max(2, int(rng.gauss(120 * (1 - p) + 12, 15)))
            out.append(
                Spike(
                    uid=f"{rng.getrandbits(128):032x}",
                    at_utc=_moment(date, rng, offset),
                    utc_offset_minutes=offset,
                    minutes=minutes,
                    intensity=max(1, min(10, round(rng.gauss(8.5 - 4.5 * p, 1.2)))),
                    trigger="anniversary" if trigger_boost > 1 else rng.choice(TRIGGERS),
                    note=None,
                )
            )
    return out


def _poisson(mean: float, rng: random.Random) -> int:
    limit, k, product = math.exp(-mean), 0, rng.random()
    while product > limit:
        k += 1
        product *= rng.random()
    return k


def markers(
    shape: Shape, start: dt.date, rng: random.Random, offset: int
) -> tuple[list[Marker], list[MarkerRecord]]:
    made: list[Marker] = []
    records: list[MarkerRecord] = []
    for n in range(shape.markers):
        added = start + dt.timedelta(days=20 + 9 * n)
        marker = Marker(
            uid=f"{rng.getrandbits(128):032x}",
            id=n + 1,
            text=DEMO_MARKERS[n % len(DEMO_MARKERS)],
            created_utc=_moment(added, rng, offset),
            utc_offset_minutes=offset,
        )
        made.append(marker)
        for day in range((added - start).days, shape.days):
            if rng.random() > shape.record_chance:
                continue
            p = progress_at(day, shape.days)
            records.append(
                MarkerRecord(
                    uid=f"{rng.getrandbits(128):032x}",
                    marker_uid=marker.uid,
                    on_date=start + dt.timedelta(days=day),
                    shown=rng.random() < 0.45 + 0.5 * p,
                    created_utc=_moment(start + dt.timedelta(days=day), rng, offset),
                )
            )
    return made, records


def history(
    bank: Bank, role: Role, *, seed: int, today: dt.date, shape: Shape = Shape()
) -> BackupData:
    """A whole profile's store, ending today: check-ins, plus markers and spikes when affected."""
    rng = random.Random(f"{seed}-{role}")
    start = today - dt.timedelta(days=shape.days)
    offset = 60
    data = BackupData(
        settings={"discovered": start.isoformat()},
        checkins=checkins(bank, role, shape, start, rng, offset),
    )
    if role == "betraying":
        return data
    made, records = markers(shape, start, rng, offset)
    return replace(
        data, markers=made, marker_records=records, spikes=spikes(shape, start, rng, offset)
    )
