"""Build a realistic multi-year trustrepair store with the demo's generator.

    python benchmarks/make_store.py --home DIR --years 3 [--encrypt PASSPHRASE_FILE]

Three years is about 1,100 days, 3,000 spikes, 150 check-ins and 8 markers with 4,000 records.
"""

from __future__ import annotations

import argparse
import datetime as dt
from dataclasses import replace
from pathlib import Path

from trustrepair.bank import load_bank
from trustrepair.generate import history, three_years
from trustrepair.workspace import Workspace, fill_profile


def make_store(home: Path, years: float = 3, seed: int = 1, profile: str = "default") -> Workspace:
    shape = replace(three_years(), days=round(365 * years) + 5)
    space = Workspace(home, profile)
    if space.database.exists():
        raise SystemExit(f"{space.database} already exists; choose an empty --home")
    fill_profile(
        space, history(load_bank(), "affected", seed=seed, today=dt.date.today(), shape=shape)
    )
    return space


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--home", type=Path, required=True, help="an empty folder for the store")
    parser.add_argument("--years", type=float, default=3.0)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--encrypt", type=Path, metavar="FILE", help="encrypt it with the passphrase in FILE"
    )
    args = parser.parse_args()
    space = make_store(args.home, args.years, args.seed)
    from trustrepair.passphrase import PassphraseSource, read_passphrase_file
    from trustrepair.store import open_store

    unlock = None
    if args.encrypt:
        from trustrepair.encryption import encrypt

        encrypt(space, read_passphrase_file(args.encrypt, print))
        unlock = PassphraseSource(file=args.encrypt, ask=None, warn=print)
    store = open_store(space.database, write=False, unlock=unlock)
    counts = {
        t: store.db.execute(f"SELECT count(*) FROM {t}").fetchone()[0]  # noqa: S608
        for t in ("checkins", "spikes", "markers", "marker_records")
    }
    store.close()
    kind = "encrypted" if store.encrypted else "plain"
    print(f"built {space.database} ({kind}): " + ", ".join(f"{n} {t}" for t, n in counts.items()))


if __name__ == "__main__":
    main()
