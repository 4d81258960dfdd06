"""Plain records: what they keep, what they refuse, and the data they write and read back."""

from __future__ import annotations

import datetime as dt
import json
from typing import Annotated

import pytest
from hypothesis import given, settings
from pydantic import Field, ValidationError

from strategies import stores
from trustrepair.models import BackupData, Export, MarkersSection, Spike, Tally
from trustrepair.plain import (
    Plain,
    checked,
    field,
    from_data,
    out_of_bounds,
    replace,
    to_data,
    to_json,
)
from trustrepair.vocab import Role


class Rate(Plain):
    """A test record: a float field, an optional date, an enum key and a nested record."""

    per_week: float
    since: dt.date | None = None
    by_role: dict[Role, Tally] = field(default_factory=dict)
    score: Annotated[int, Field(ge=1, le=10)] = 5


def test_fields_are_keyword_only_and_unknown_ones_are_refused() -> None:
    with pytest.raises(TypeError, match="per_week"):
        Rate()
    with pytest.raises(TypeError, match="colour"):
        Rate(per_week=1.0, colour="red")  # type: ignore[call-arg]


def test_each_record_gets_its_own_mutable_default() -> None:
    first, second = MarkersSection(), MarkersSection()
    first.markers.append(None)  # type: ignore[arg-type]
    assert second.markers == []
    assert first.last_30_days is not second.last_30_days


def test_a_shared_mutable_default_is_refused_when_the_class_is_defined() -> None:
    with pytest.raises(TypeError, match="default_factory"):

        class Bad(Plain):
            items: list[int] = []  # noqa: RUF012 - the mistake under test


def test_replace_changes_only_what_is_named_and_refuses_unknown_fields() -> None:
    rate = Rate(per_week=2.5, score=3)
    moved = replace(rate, score=4)
    assert (moved.per_week, moved.score, rate.score) == (2.5, 4, 3)
    with pytest.raises(TypeError, match="colour"):
        replace(rate, colour="red")


def test_data_is_written_as_the_exports_always_wrote_it() -> None:
    rate = Rate(
        per_week=2,  # an int in a float field is written as 2.0
        since=dt.date(2026, 3, 1),
        by_role={Role.affected: Tally(shown=1, recorded=2)},
    )
    assert to_json(rate) == json.dumps(
        {
            "per_week": 2.0,
            "since": "2026-03-01",
            "by_role": {"affected": {"shown": 1, "recorded": 2}},
            "score": 5,
        },
        indent=2,
    )
    at = dt.datetime(2026, 3, 1, 21, 0, tzinfo=dt.UTC)
    spike = Spike(at_utc=at, utc_offset_minutes=60, note="née")
    assert to_data(spike)["at_utc"] == "2026-03-01T21:00:00Z"
    assert "née" in to_json(spike)  # UTF-8 as it is, not \\u escapes
    assert "note" not in to_data(replace(spike, note=None), toml=True)
    assert to_data(spike, toml=True)["at_utc"] == at


def test_limits_are_read_from_the_annotations() -> None:
    assert out_of_bounds(Rate(per_week=1.0, score=11)) == ["score"]
    assert out_of_bounds(Rate(per_week=1.0)) == []


def test_an_edge_check_refuses_bad_data_without_repeating_it() -> None:
    with pytest.raises(ValidationError) as caught:
        checked(Rate, {"per_week": 1.0, "score": 99, "secret": "my private words"})
    message = str(caught.value)
    assert "score" in message
    assert "secret" in message  # the unknown field is named...
    assert "my private words" not in message  # ...never what it held


@settings(max_examples=40, deadline=None)
@given(stores())
def test_every_store_round_trips_through_its_data(data: BackupData) -> None:
    export = Export(
        app_version="test",
        exported_utc=dt.datetime(2026, 12, 1, tzinfo=dt.UTC),
        profile="default",
        includes_notes=True,
        data=data,
    )
    written = json.loads(to_json(export))
    assert checked(Export, written) == export  # an import reads back what an export wrote
    assert from_data(Export, written) == export  # and so does the trusted reader


class Either(Plain):
    size: Annotated[int, Field(ge=0, le=10)] | Annotated[str, Field(max_length=3)]


def test_a_union_value_fits_when_it_fits_its_own_kind() -> None:
    assert out_of_bounds(Either(size=5)) == []
    assert out_of_bounds(Either(size="abc")) == []
    assert out_of_bounds(Either(size=11)) == ["size"]
    assert out_of_bounds(Either(size="abcd")) == ["size"]


@pytest.mark.parametrize(
    "body",
    [
        {"__annotations__": {"_hidden": int}},  # the generated code's own names start with _
        {"__annotations__": {"per_week": float}},  # a field the base already has
        {"per_week": 2.0},  # an inherited default changed without a field
        {"__slots__": ("extra",)},  # slots come from the fields
    ],
)
def test_a_record_that_would_break_its_generated_code_is_refused(body: dict[str, object]) -> None:
    with pytest.raises(TypeError):
        type(Rate)("Broken", (Rate,), {"__module__": __name__, **body})


def test_fields_are_read_from_a_python_314_class_namespace(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # From Python 3.14 a class body holds __annotate__ (PEP 649), not __annotations__: the
    # metaclass asks annotationlib for them, as its documentation says a metaclass should.
    import sys
    import types
    from typing import ClassVar

    lib = types.SimpleNamespace(
        Format=types.SimpleNamespace(FORWARDREF=3),
        get_annotate_from_class_namespace=lambda ns: ns.get("__annotate__"),
        call_annotate_function=lambda annotate, format: annotate(format),
    )
    monkeypatch.setitem(sys.modules, "annotationlib", lib)
    annotate = lambda _format: {"x": int, "kind": ClassVar[str], "y": str}  # noqa: E731
    made = type(Plain)(
        "Made", (Plain,), {"__module__": __name__, "__annotate__": annotate, "y": "d"}
    )
    assert made.__plain_fields__ == ("x", "y")
    assert made(x=1).y == "d"  # type: ignore[call-arg]


def test_a_number_json_cannot_hold_is_written_as_null() -> None:
    assert json.loads(to_json(Rate(per_week=float("inf"))))["per_week"] is None
