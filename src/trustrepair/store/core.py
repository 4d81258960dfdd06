"""The Store: every query and write trustrepair makes, each write one transaction."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager, suppress
from pathlib import Path
from typing import TYPE_CHECKING, Any

from trustrepair.models import (
    CheckIn,
    DayTally,
    Marker,
    MarkerCounts,
    MarkerRecord,
    Spike,
    Tally,
    as_local,
)
from trustrepair.store.guard import store_error
from trustrepair.store.health import refuse_if_damaged
from trustrepair.store.rows import (
    CHECKIN_COLUMNS,
    LOCAL_WEEK,
    MARKER_COLUMNS,
    RECORD_COLUMNS,
    SPIKE_COLUMNS,
    checkin_from_row,
    checkin_values,
    find_marker,
    from_ts,
    insert_marker,
    insert_sql,
    ints,
    marker_from_row,
    marker_values,
    record_from_row,
    record_values,
    spike_from_row,
    spike_values,
    ts,
)

if TYPE_CHECKING:
    from trustrepair.store.changes import ChangeInfo

# One local week of spikes as stored: week start, count, minutes, intensities, triggers named.
SpikeWeekRow = tuple[dt.date, int, tuple[int, ...], tuple[int, ...], tuple[str, ...]]
# One check-in as a snapshot: when (local time), its statuses and its answers.
CheckinTrail = tuple[dt.datetime, str | None, str | None]


class Store:
    """An open trustrepair database; make one with `open_store`.

    `saved` is False for the empty read-only store that stands in for a profile with no
    database yet. An encrypted store keeps its passphrase in memory, so that a backup can be
    written under the same one.
    """

    def __init__(
        self,
        db: sqlite3.Connection,
        path: Path,
        *,
        errors: type[Exception] = sqlite3.Error,
        passphrase: str | None = None,
        saved: bool = True,
    ) -> None:
        self.db = db
        self.path = path
        self.checked = False  # the pages are checked once, before this connection's first write
        self.errors = errors
        self.passphrase = passphrase
        self.saved = saved

    @property
    def encrypted(self) -> bool:
        return self.passphrase is not None

    def close(self) -> None:
        self.db.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """All or nothing: an exception or Ctrl-C inside rolls every change back.

        Nothing is ever written into a damaged file: the first write checks every page.
        """
        if not self.checked:
            refuse_if_damaged(self.db, self.path)
            self.checked = True
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield self.db
        except BaseException:
            self.db.rollback()
            raise
        try:
            self.db.commit()
        except self.errors as exc:
            self.db.rollback()
            raise store_error(self.path, exc) from None

    def naming_bad_records(self) -> AbstractContextManager[None]:
        """A value an older version or a hand edit left out of range: one line naming it."""
        from trustrepair.store.bounds import naming_bad_records

        return naming_bad_records(self.db, self.path)

    @contextmanager
    def snapshot(self) -> Iterator[None]:
        """Every read inside sees the store as it was at the first: one read transaction.

        Writers wait (up to the busy timeout) until it ends, so an export cannot summarise a
        check-in that its own data does not hold.
        """
        self.db.execute("BEGIN")
        try:
            yield
        except BaseException:
            self._end_quietly()  # what went wrong inside is the error to report, not this
            raise
        self.db.execute("COMMIT")

    def _end_quietly(self) -> None:
        with suppress(self.errors):
            self.db.execute("ROLLBACK")  # a read transaction: nothing to keep or lose

    @contextmanager
    def change(self, verb: str) -> Iterator[sqlite3.Connection]:
        """One transaction, noted in the change log as one change that `undo` can take back."""
        from trustrepair.store.changes import noted  # only a command that writes needs it

        with self.transaction() as db, noted(db, verb):
            yield db

    @property
    def schema_version(self) -> int:
        return int(self.db.execute("PRAGMA user_version").fetchone()[0])

    # --- check-ins ---------------------------------------------------------------------------

    def add_checkin(self, checkin: CheckIn, markers: Iterable[Marker] = ()) -> list[Marker]:
        """Store a check-in and the markers named in it together: both or neither."""
        with self.change("add") as db:
            db.execute(insert_sql("checkins", CHECKIN_COLUMNS), checkin_values(checkin))
            return [insert_marker(db, m) for m in markers]

    def checkins(self, *, newest_first: bool = True, limit: int | None = None) -> list[CheckIn]:
        order = "DESC" if newest_first else "ASC"
        sql = f"SELECT * FROM checkins ORDER BY created_utc {order}, rowid {order}"  # noqa: S608
        rows = self.db.execute(sql + (" LIMIT ?" if limit else ""), (limit,) if limit else ())
        return [checkin_from_row(row) for row in rows]

    def latest_checkin(self) -> CheckIn | None:
        found = self.checkins(limit=1)
        return found[0] if found else None

    # --- settings ----------------------------------------------------------------------------

    def setting(self, key: str) -> str | None:
        row = self.db.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        return None if row is None else str(row[0])

    def set_setting(self, key: str, value: str) -> None:
        with self.change("setting") as db:
            db.execute(
                "INSERT INTO settings (key, value) VALUES (?, ?)"
                " ON CONFLICT (key) DO UPDATE SET value = ?",
                (key, value, value),
            )

    # --- markers -----------------------------------------------------------------------------

    def add_marker(self, marker: Marker) -> Marker:
        with self.change("add") as db:
            return insert_marker(db, marker)

    def markers(self, *, include_retired: bool = True) -> list[Marker]:
        where = "" if include_retired else " WHERE retired_utc IS NULL"
        rows = self.db.execute(f"SELECT * FROM markers{where} ORDER BY id")  # noqa: S608
        return [marker_from_row(row) for row in rows]

    def marker(self, marker_id: int) -> Marker:
        return find_marker(self.db, marker_id)

    def update_marker_text(self, marker_id: int, text: str) -> Marker:
        with self.change("edit") as db:
            find_marker(db, marker_id)
            db.execute("UPDATE markers SET text = ? WHERE id = ?", (text, marker_id))
            return find_marker(db, marker_id)

    def retire_marker(self, marker_id: int, when: dt.datetime) -> Marker:
        """Hide a marker from the active list; it and its records stay. Twice is a no-op."""
        with self.change("retire") as db:
            if find_marker(db, marker_id).retired_utc is None:
                db.execute("UPDATE markers SET retired_utc = ? WHERE id = ?", (ts(when), marker_id))
            return find_marker(db, marker_id)

    def add_marker_record(self, record: MarkerRecord) -> None:
        with self.change("add") as db:
            db.execute(insert_sql("marker_records", RECORD_COLUMNS), record_values(record))

    def marker_records(
        self, marker_uid: str | None = None, *, newest_first: bool = False, limit: int = -1
    ) -> list[MarkerRecord]:
        sql = "SELECT * FROM marker_records"
        args: tuple[str | int, ...] = ()
        if marker_uid is not None:
            sql, args = sql + " WHERE marker_uid = ?", (marker_uid,)
        order = "DESC" if newest_first else "ASC"
        sql += f" ORDER BY on_date {order}, created_utc {order}, rowid {order} LIMIT ?"
        return [record_from_row(row) for row in self.db.execute(sql, (*args, limit))]

    def marker_counts(self, since: dt.date) -> dict[str, MarkerCounts]:
        """Per marker: all-time totals, first record date, and day totals from `since` on.

        Counting happens in SQL so a store with years of records stays quick to list.
        """
        counts: dict[str, MarkerCounts] = {}
        totals = self.db.execute(
            "SELECT marker_uid, SUM(shown), COUNT(*), MIN(on_date) FROM marker_records"
            " GROUP BY marker_uid"
        )
        for uid, shown, recorded, first in totals:
            counts[uid] = MarkerCounts(
                total=Tally(shown=shown, recorded=recorded),
                first_on=dt.date.fromisoformat(first),
            )
        days = self.db.execute(
            "SELECT marker_uid, on_date, SUM(shown), COUNT(*) FROM marker_records"
            " WHERE on_date >= ? GROUP BY marker_uid, on_date ORDER BY on_date",
            (since.isoformat(),),
        )
        for uid, on_date, shown, recorded in days:
            counts[uid].days.append(
                DayTally(on_date=dt.date.fromisoformat(on_date), shown=shown, recorded=recorded)
            )
        return counts

    # --- spikes ------------------------------------------------------------------------------

    def add_spike(self, spike: Spike) -> None:
        with self.change("add") as db:
            db.execute(insert_sql("spikes", SPIKE_COLUMNS), spike_values(spike))

    def spikes(self, since: dt.datetime | None = None) -> list[Spike]:
        sql, args = "SELECT * FROM spikes", tuple[str, ...]()
        if since is not None:
            sql, args = sql + " WHERE at_utc >= ?", (ts(since),)
        return [spike_from_row(row) for row in self.db.execute(sql + " ORDER BY at_utc", args)]

    def spike_weeks(self) -> list[SpikeWeekRow]:
        """Spikes summed per local week (Monday start) in one query, one row per week."""
        rows = self.db.execute(
            f"SELECT {LOCAL_WEEK} AS week, count(*),"  # noqa: S608
            " group_concat(minutes), group_concat(intensity), group_concat(trigger, char(31))"
            " FROM spikes GROUP BY week ORDER BY week"
        )
        return [
            (dt.date.fromisoformat(w), n, ints(m), ints(i), tuple(t.split("\x1f")) if t else ())
            for w, n, m, i, t in rows
        ]

    def spike_span(self) -> tuple[dt.datetime, dt.datetime] | None:
        """The first and the latest spike, each in the local time it was logged in."""
        ends = [
            self.db.execute(
                f"SELECT at_utc, utc_offset_minutes FROM spikes ORDER BY at_utc {order} LIMIT 1"  # noqa: S608
            ).fetchone()
            for order in ("ASC", "DESC")
        ]
        if ends[0] is None:
            return None
        first, last = (as_local(from_ts(row[0]), row[1]) for row in ends)
        return first, last

    def spike_trigger_counts(self) -> dict[str, int]:
        rows = self.db.execute(
            "SELECT trigger, count(*) FROM spikes WHERE trigger IS NOT NULL GROUP BY trigger"
        )
        return {str(t): int(n) for t, n in rows}

    def count_spikes_between(self, start: dt.datetime, end: dt.datetime) -> int:
        row = self.db.execute(
            "SELECT count(*) FROM spikes WHERE at_utc >= ? AND at_utc < ?", (ts(start), ts(end))
        )
        return int(row.fetchone()[0])

    def checkin_trail(self, area: str, question: str) -> list[CheckinTrail]:
        """Oldest first: when each check-in was made (local time), the status it gave one area
        and its answer to one question, as text. SQLite reads them out of the JSON: years of
        check-ins are never decoded whole."""
        rows = self.db.execute(
            "SELECT created_utc, utc_offset_minutes,"
            " CAST(json_extract(statuses, ?) AS TEXT), CAST(json_extract(answers, ?) AS TEXT)"
            " FROM checkins ORDER BY created_utc, rowid",
            (f'$."{area}"', f'$."{question}"'),
        )
        return [(as_local(from_ts(c), off), status, answer) for c, off, status, answer in rows]

    # --- any one record, by its short number; undo ------------------------------------------

    def numbered(self, table: str, *, limit: int = -1) -> list[tuple[int, Stored]]:
        """Every record of one kind (or the newest `limit`) with its number, newest first."""
        number, order, from_row = _LAYOUT[table]
        rows = self.db.execute(
            f"SELECT * FROM {table} ORDER BY {order} DESC, {number} DESC LIMIT ?",  # noqa: S608
            (limit,),
        )
        return [(int(row[number]), from_row(row)) for row in rows]

    def newest_numbered(
        self, tables: Sequence[str], *, since: dt.date | None = None, limit: int | None = None
    ) -> list[tuple[str, int, Stored]]:
        """The newest records of these tables by local time, each with its table and number;
        only the `limit` shown are read (None reads them all)."""
        from trustrepair.store.listing import newest

        return newest(self.db, tables, since, limit)

    def count_numbered(self, tables: Sequence[str], *, since: dt.date | None = None) -> int:
        from trustrepair.store.listing import count

        return count(self.db, tables, since)

    def find_numbered(self, table: str, wanted: int) -> Stored | None:
        number, _order, from_row = _LAYOUT[table]
        row = self.db.execute(
            f"SELECT * FROM {table} WHERE {number} = ?",  # noqa: S608
            (wanted,),
        ).fetchone()
        return None if row is None else from_row(row)

    def delete_record(self, table: str, uid: str) -> int:
        """Delete one record (a marker with its records); how many records went with it."""
        if table not in _LAYOUT:
            raise ValueError(table)  # only our own table names reach the SQL below
        with self.change("delete") as db:
            dependents = 0
            if table == "markers":
                dependents = db.execute(
                    "DELETE FROM marker_records WHERE marker_uid = ?", (uid,)
                ).rowcount
            db.execute(f"DELETE FROM {table} WHERE uid = ?", (uid,))  # noqa: S608
            return dependents

    def replace_record(self, table: str, record: Stored) -> None:
        """Write an edited record over the one with the same uid, as one change."""
        columns, values = _COLUMNS_AND_VALUES[table]
        sets = ", ".join(f"{c} = ?" for c in columns)
        with self.change("edit") as db:
            db.execute(
                f"UPDATE {table} SET {sets} WHERE uid = ?",  # noqa: S608
                (*values(record), record.uid),
            )

    def last_change(self) -> ChangeInfo | None:
        from trustrepair.store.changes import last_change

        return last_change(self.db)

    def undo_last_change(self) -> None:
        from trustrepair.store.changes import undo_last

        with self.transaction() as db:
            undo_last(db)


Stored = CheckIn | Spike | MarkerRecord | Marker
_LAYOUT: dict[str, tuple[str, str, Callable[[sqlite3.Row], Stored]]] = {
    "checkins": ("n", "created_utc", checkin_from_row),
    "spikes": ("n", "at_utc", spike_from_row),
    "marker_records": ("n", "on_date", record_from_row),
    "markers": ("id", "created_utc", marker_from_row),
}
_COLUMNS_AND_VALUES: dict[str, tuple[tuple[str, ...], Callable[[Any], tuple[object, ...]]]] = {
    "checkins": (CHECKIN_COLUMNS, checkin_values),
    "spikes": (SPIKE_COLUMNS, spike_values),
    "marker_records": (RECORD_COLUMNS, record_values),
    "markers": (MARKER_COLUMNS, marker_values),
}
