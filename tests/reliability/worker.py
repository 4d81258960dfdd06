"""A child process for the reliability suite: does one kind of work in a loop until killed.

    python worker.py MODE HOME [ARG]

It prints "ready" once its imports are done, then one line per acknowledged piece of work
(after the commit, rename or import returned), so the parent knows what must survive a kill.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from trustrepair.plain import replace


def say(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def writes(home: Path) -> None:
    """Spikes and marker records, one transaction each, as `spike` and `markers record` do."""
    from trustrepair.models import Marker, MarkerRecord, now_utc
    from trustrepair.spikes import new_spike
    from trustrepair.workspace import Workspace

    space = Workspace(home, "default")
    with space.writing() as store:
        markers = store.markers() or [store.add_marker(Marker(text="Calls when running late"))]
    say("ready")
    n = 0
    while True:
        n += 1
        with space.writing() as store:
            if n % 3:
                spike = new_spike(now_utc(), intensity=n % 10 + 1, note=f"note {n}")
                store.add_spike(spike)
                uid = spike.uid
            else:
                record = MarkerRecord(
                    marker_uid=markers[0].uid, on_date=dt.date.today(), shown=True
                )
                store.add_marker_record(record)
                uid = record.uid
        say(uid)


def cli(args: list[str]) -> None:
    from typer.main import get_command

    from trustrepair.cli import app

    try:
        get_command(app).main(args, prog_name="trustrepair", standalone_mode=False)
    except SystemExit as exit_:
        if exit_.code:
            raise


def imports(home: Path, backup: str) -> None:
    """One import of a whole backup into a new profile each time: all of it or none."""
    from typer.main import get_command  # noqa: F401  (imported before "ready")

    import trustrepair.cli  # noqa: F401

    say("ready")
    n = 0
    while True:
        n += 1
        cli(["--home", str(home), "--profile", f"imp{n}", "import", "--yes", backup])
        say(f"imp{n}")


def exports(home: Path, target: str) -> None:
    """`export -o` over the same file again and again."""
    import trustrepair.cli  # noqa: F401

    say("ready")
    while True:
        cli(["--home", str(home), "export", "--format", "json", "-o", target, "--force"])
        say("exported")


def first_use(home: Path) -> None:
    """The very first write on an empty home: the store is created, then one spike."""
    from trustrepair.models import now_utc
    from trustrepair.spikes import new_spike
    from trustrepair.workspace import Workspace

    spike = new_spike(now_utc(), intensity=5)
    say("ready")
    with Workspace(home, "default").writing() as store:
        store.add_spike(spike)
    say(spike.uid)


def writer(home: Path, count: str) -> None:
    """A bounded writer for the concurrency test: spikes, check-ins and marker records."""
    from trustrepair.models import MarkerRecord, now_utc
    from trustrepair.spikes import new_spike
    from trustrepair.workspace import Workspace

    space = Workspace(home, "default")
    with space.reading() as store:
        template, marker = store.latest_checkin(), store.markers()[0]
    assert template is not None
    say("ready")
    for n in range(int(count)):
        with space.writing() as store:
            if n % 3 == 0:
                item = new_spike(now_utc(), intensity=n % 10 + 1)
                store.add_spike(item)
            elif n % 3 == 1:
                item = replace(template, uid=new_uid(), created_utc=now_utc())
                store.add_checkin(item)
            else:
                item = MarkerRecord(marker_uid=marker.uid, on_date=dt.date.today(), shown=True)
                store.add_marker_record(item)
        say(item.uid)


def new_uid() -> str:
    from trustrepair.models import new_uid as make

    return make()


def exporter(home: Path, count: str) -> None:
    """Exports taken while the writers work: each must agree with its own data."""
    from trustrepair.gather import exporting
    from trustrepair.workspace import Workspace

    space = Workspace(home, "default")
    say("ready")
    for _ in range(int(count)):
        with exporting(space, notes=True, start=None) as parts:
            export, streamed = parts.export, parts.streamed
            exported = 0 if streamed is None else sum(1 for _ in streamed.spikes)
        uids = {c.uid for c in export.data.checkins}
        summarised = export.summary.checkin.uid if export.summary else None
        spikes = export.progress.spikes_logged if export.progress else 0
        same = summarised in uids and spikes == exported
        say("consistent" if same else f"inconsistent {summarised} {spikes}")


MODES = {"writer": writer, "exporter": exporter}


if __name__ == "__main__":
    mode, home, *rest = sys.argv[1:]
    work = {"writes": writes, "imports": imports, "exports": exports, "first_use": first_use}
    {**work, **MODES}[mode](Path(home), *rest)
