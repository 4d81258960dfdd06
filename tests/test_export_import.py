"""Export and import: readable documents, a faithful backup, and refusing bad files cleanly."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import stat
import tomllib
from pathlib import Path

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from markdown_it import MarkdownIt

from conftest import BASE_AFFECTED, EXAMPLES, Cli, write_answers
from strategies import stores
from trustrepair import store as store_mod
from trustrepair.models import BackupData
from trustrepair.plain import replace
from trustrepair.schema import export_schema_text, generate_export_schema
from trustrepair.store.backup import import_data, read_all

SCHEMA = json.loads(export_schema_text())


def db(home: Path) -> Path:
    return home / "profiles" / "default" / "trustrepair.db"


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def filled(cli: Cli, tmp_path: Path) -> None:
    answers = {**BASE_AFFECTED, "acc_heard": "He said <b>sorry</b> [red]x[/red] *once*"}
    cli("check", "--answers", str(write_answers(tmp_path / "a.toml", "affected", answers)))


def test_shipped_schema_matches_the_models() -> None:
    # After changing a model, regenerate:
    #   python -m trustrepair.schema > src/trustrepair/schema/export.schema.json
    assert export_schema_text() == generate_export_schema()


def test_schema_says_which_markers_describe_checking() -> None:
    view = SCHEMA["$defs"]["MarkerView"]["properties"]
    assert view["checking"]["type"] == "boolean"
    assert "checking" in SCHEMA["$defs"]["MarkersSection"]["properties"]


def test_schema_flag_prints_the_schema(cli: Cli) -> None:
    assert cli.json("export", "--schema") == SCHEMA


def test_json_export_validates_against_the_schema(cli: Cli, filled: None) -> None:
    data = cli.json("export", "--format", "json")
    jsonschema.validate(data, SCHEMA)
    assert isinstance(data, dict)
    assert data["schema_version"] == 1
    assert data["summary"]["prerequisites"]["accountability"]["status"] == "in_place"


def test_empty_store_exports_validate_too(cli: Cli) -> None:
    jsonschema.validate(cli.json("export", "--format", "json"), SCHEMA)


def test_markdown_export_is_commonmark_and_keeps_text_literal(cli: Cli, filled: None) -> None:
    text = cli("export", "--format", "markdown").stdout
    tokens = MarkdownIt("commonmark").enable("table").parse(text)
    headings = [t for t in tokens if t.type == "heading_open"]
    assert len(headings) >= 5
    html = MarkdownIt("commonmark").enable("table").render(text)
    assert "<b>sorry</b>" not in html  # the person's text never becomes markup
    assert "&lt;b&gt;sorry&lt;/b&gt;" in html
    assert "<h2>Accountability: " in html  # each prerequisite is a section of its own


def test_no_notes_leaves_out_free_text(cli: Cli, filled: None) -> None:
    for fmt in ("markdown", "html", "json", "toml"):
        result = cli("export", "--format", fmt, "--no-notes")
        assert "sorry" not in result.stdout, fmt
        assert "includes your notes" not in result.stderr
    with_notes = cli("export", "--format", "markdown")
    assert "includes your notes" in with_notes.stderr


def test_output_file_is_private_and_never_overwritten(
    cli: Cli, filled: None, tmp_path: Path
) -> None:
    out = tmp_path / "summary.html"
    cli("export", "-o", str(out))
    assert out.read_text().startswith("<!DOCTYPE html>")  # format taken from the suffix
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    before = digest(out)
    result = cli("export", "-o", str(out), "--format", "markdown", code=2)
    assert "--force" in result.stderr
    assert digest(out) == before
    cli("export", "-o", str(out), "--format", "markdown", "--force")
    assert out.read_text().startswith("# trustrepair summary")


def test_since_drops_older_records(cli: Cli, filled: None) -> None:
    data = cli.json("export", "--format", "json", "--since", "2999-01-01")
    assert isinstance(data, dict)
    assert data["data"]["checkins"] == []
    refused = cli("export", "--since", "last week", code=2).output
    assert "expected a day like 2025-09-14" in refused
    assert "%Y" not in refused


def roundtrip(data: BackupData, tmp_path: Path, fmt: str) -> None:
    """Export from one store (records streamed from it) and import into another: the same."""
    from trustrepair.backup import Streamed, build_export, parse_export
    from trustrepair.bank import load_bank
    from trustrepair.render.exporters import export_chunks, exporter
    from trustrepair.store.backup import each_marker_record, each_spike, read_small

    first = store_mod.open_store(tmp_path / "a" / "trustrepair.db")
    import_data(first, data)
    exported = read_all(first)
    bank = load_bank()
    head = build_export(
        read_small(first), bank=bank, profile="default", summary=None, notes=True, start=None
    )
    streamed = Streamed(marker_records=each_marker_record(first), spikes=each_spike(first))
    text = "".join(export_chunks(fmt, head, streamed))  # type: ignore[arg-type]
    first.close()
    whole = replace(head, data=exported)
    if fmt == "json":  # streamed or whole, the text is the same to the byte
        assert text == exporter("json")(whole)
    else:  # and the TOML reads back to the same data, empty lists included
        assert tomllib.loads(text) == tomllib.loads(exporter("toml")(whole))
    second = store_mod.open_store(tmp_path / "b" / "trustrepair.db")
    import_data(second, parse_export(text.encode(), "file").data)
    again = read_all(second)
    second.close()
    assert again == exported


@pytest.mark.parametrize("fmt", ["toml", "json"])
@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=stores())
def test_backup_round_trip_is_exact(
    tmp_path_factory: pytest.TempPathFactory, fmt: str, data: BackupData
) -> None:
    roundtrip(data, tmp_path_factory.mktemp("rt"), fmt)


def test_import_into_empty_home_then_merge_without_duplicates(
    cli: Cli, filled: None, tmp_path: Path, home: Path
) -> None:
    backup = tmp_path / "backup.toml"
    cli("export", "--format", "toml", "-o", str(backup))
    other = tmp_path / "new-computer"
    result = cli("--home", str(other), "import", str(backup), "--yes")
    assert "Imported 1 check-in." in result.stderr
    again = cli("--home", str(other), "import", str(backup), "--yes")
    assert "nothing new" in again.stderr
    assert len(cli.json("--home", str(other), "history", "--json")) == 1  # type: ignore[arg-type]
    # Merging a second computer's check-in keeps both.
    cli("--home", str(other), "check", "--answers", str(EXAMPLES / "answers-betraying.toml"))
    cli("import", str(backup), "--yes")
    second = tmp_path / "second.json"
    cli("--home", str(other), "export", "--format", "json", "-o", str(second))
    cli("import", str(second), "--yes")
    assert len(cli.json("history", "--json")) == 2  # type: ignore[arg-type]


def bad_imports(tmp_path: Path, good: str) -> dict[str, tuple[Path, str]]:
    cases: dict[str, tuple[Path, str]] = {}

    def make(name: str, content: str | bytes, expected: str) -> None:
        path = tmp_path / name
        path.write_bytes(content if isinstance(content, bytes) else content.encode())
        cases[name] = (path, expected)

    make("truncated.toml", good[: len(good) // 2], "")
    make(
        "newer.toml", good.replace("schema_version = 1", "schema_version = 99"), "newer trustrepair"
    )
    make("edited.toml", good.replace('role = "affected"', 'role = "someone"'), "role")
    make("not-ours.json", '{"hello": 1}', "not a trustrepair export")
    make("binary.toml", b"\x00\xff\xfe", "not a UTF-8 text file")
    make("broken.json", '{"app": "trustrepair", ', "not valid JSON")
    no_notes_data = good.replace("includes_notes = true", "includes_notes = false")
    make("no-notes.toml", no_notes_data, "--no-notes")
    return cases


def test_bad_import_files_change_nothing(
    cli: Cli, filled: None, tmp_path: Path, home: Path
) -> None:
    good = cli("export", "--format", "toml").stdout
    tomllib.loads(good)
    before = digest(db(home))
    for name, (path, expected) in bad_imports(tmp_path, good).items():
        result = cli("import", str(path), code=2)
        assert expected in result.stderr, name
        assert len(result.stderr.strip().splitlines()) == 1, name
        assert digest(db(home)) == before, name
    assert "no such file" in cli("import", str(tmp_path / "missing.toml"), code=2).stderr


def test_records_for_a_missing_marker_are_refused_whole(tmp_path: Path) -> None:
    from trustrepair.errors import ImportFileError
    from trustrepair.models import MarkerRecord

    s = store_mod.open_store(tmp_path / "trustrepair.db")
    orphan = MarkerRecord(marker_uid="f" * 32, on_date="2025-01-01", shown=True)  # type: ignore[arg-type]
    with pytest.raises(ImportFileError):
        import_data(s, BackupData(marker_records=[orphan]))
    assert read_all(s) == BackupData()
    s.close()


def test_documents_carry_markers_and_progress_and_no_notes_hides_marker_words(
    cli: Cli, filled: None
) -> None:
    cli("markers", "add", "Be more honest with me")
    for when in ("2026-01-05 21:00", "2026-01-12 21:00", "2026-01-19 21:00"):
        cli("spike", "--at", when, "--minutes", "20")
    text = cli("export", "--format", "markdown").stdout
    html = MarkdownIt("commonmark").enable("table").render(text)
    assert "<h2>Markers</h2>" in html
    assert "<h2>Waves of distrust</h2>" in html
    assert "Be more honest with me" in text
    # --no-notes keeps what each marker is: a therapist needs it to read the record.
    shared = cli("export", "--format", "markdown", "--no-notes").stdout
    assert "Be more honest with me" in shared
    data = cli.json("export", "--format", "json", "--no-notes")
    assert data["includes_marker_words"] is True
    assert "Be more honest with me" in json.dumps(data)
    # --no-markers-text leaves the wording out too, with the coaching that quotes it.
    wider = ("--no-notes", "--no-markers-text")
    for fmt in ("markdown", "html"):
        text = cli("export", "--format", fmt, *wider).stdout
        assert "honest" not in text, fmt
        assert "Marker 1 (left out of this export)" in text, fmt
    data = cli.json("export", "--format", "json", *wider)
    assert "honest" not in json.dumps(data)
    assert data["includes_marker_words"] is False
    jsonschema.validate(data, SCHEMA)


def test_a_no_notes_export_says_plainly_that_marker_wording_is_kept(cli: Cli, filled: None) -> None:
    cli("markers", "add", "Be more honest with me")
    kept = "the wording of the markers is kept (--no-markers-text leaves it out too)"
    for fmt in ("markdown", "html"):
        result = cli("export", "--format", fmt, "--no-notes")
        assert kept in " ".join(result.stdout.split()).replace("\\", ""), fmt
        assert kept in " ".join(result.stderr.split()), fmt
        wider = cli("export", "--format", fmt, "--no-notes", "--no-markers-text")
        gone = "Free-text notes and the wording of the markers were left out."
        assert gone in wider.stdout, fmt
        assert gone in wider.stderr, fmt
        assert "is kept" not in wider.stdout + wider.stderr, fmt


def test_no_markers_text_alone_is_refused(cli: Cli, filled: None, tmp_path: Path) -> None:
    out = tmp_path / "x.md"
    result = cli("export", "-o", str(out), "--no-markers-text", code=2)
    assert "--no-markers-text goes with --no-notes" in result.stderr
    assert not out.exists()


def test_help_says_what_no_notes_keeps(cli: Cli) -> None:
    text = " ".join(cli("export", "--help").stdout.split())
    assert "Marker wording stays" in text
    assert "--no-markers-text" in text


@settings(max_examples=60, deadline=None)
@given(stores())
def test_record_tables_are_what_tomli_w_writes(data: BackupData) -> None:
    import tomli_w

    from trustrepair.plain import to_data
    from trustrepair.render.tomlout import record_tables

    for kind, records in (("marker_records", data.marker_records), ("spikes", data.spikes)):
        batch = [to_data(r, toml=True) for r in records]
        if batch:
            assert record_tables(kind, batch) == tomli_w.dumps({"data": {kind: batch}})


def test_record_tables_escape_as_tomli_w_does() -> None:
    import tomli_w

    from trustrepair.render.tomlout import record_tables

    tricky = 'say "no" \\ then\ttab\nline\r\x01\x08\x0c\x7f é 💬'
    moment = dt.datetime(2026, 3, 1, 21, 0, tzinfo=dt.timezone(dt.timedelta(hours=-5)))
    batch = [{"note": tricky, "shown": False, "minutes": 0, "on_date": moment.date()}]
    batch.append({"at_utc": moment, "trigger": ""})
    written = record_tables("spikes", batch)
    assert written == tomli_w.dumps({"data": {"spikes": batch}})
    assert tomllib.loads(written)["data"]["spikes"] == batch
