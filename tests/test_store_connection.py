"""First use under concurrency: simultaneous first commands all succeed on an empty home."""

from __future__ import annotations

import multiprocessing
from pathlib import Path

from trustrepair.models import now_utc


def first_use(path: str, barrier: object, results: object) -> None:
    from trustrepair.errors import TrustRepairError
    from trustrepair.spikes import new_spike
    from trustrepair.store import open_store

    barrier.wait()  # type: ignore[attr-defined]
    try:
        store = open_store(Path(path))
        try:
            store.add_spike(new_spike(now_utc(), intensity=3))
        finally:
            store.close()
        results.put("ok")  # type: ignore[attr-defined]
    except TrustRepairError as exc:
        results.put(exc.message)  # type: ignore[attr-defined]


def test_four_first_uses_at_once_all_succeed(tmp_path: Path) -> None:
    ctx = multiprocessing.get_context("fork")
    outcomes = []
    for round_ in range(15):
        path = tmp_path / f"home{round_}" / "profiles" / "default" / "trustrepair.db"
        barrier, results = ctx.Barrier(4), ctx.Queue()
        procs = [
            ctx.Process(target=first_use, args=(str(path), barrier, results)) for _ in range(4)
        ]
        for p in procs:
            p.start()
        for p in procs:
            p.join(60)
        outcomes += [results.get(timeout=5) for _ in procs]
        from trustrepair.store import open_store

        store = open_store(path, write=False)
        stored = len(store.spikes())
        store.close()
        assert stored == 4, outcomes[-4:]
