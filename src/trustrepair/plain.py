"""Plain classes for the report, the records and the bank: cheap to define, never validating.

Input is checked once, where it arrives (Pydantic at the edges: a bank file, an answer file, an
import). Inside, records are plain classes with `__slots__`. Defining one costs a few
microseconds, where a Pydantic model or a stdlib dataclass costs a quarter of a millisecond or
more, and a command defines about a hundred of them before it prints anything.

    class Tally(Plain):
        shown: int = 0
        recorded: int = 0
        days: list[int] = field(default_factory=list)

Fields are keyword-only. A default must be immutable; a list, dict or record takes
`field(default_factory=...)`. `replace` copies with changes; `to_data` gives the JSON-ready data
every export and `--json` writes; `from_data` builds records back from trusted plain data (the
bank cache). At an edge, Pydantic validates a plain class like a dataclass
(`__get_pydantic_core_schema__`), so the export schema and imports keep their checks.
"""

from __future__ import annotations

import datetime as dt
import enum
import importlib
import types
import typing
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar, dataclass_transform

if TYPE_CHECKING:
    from pydantic import GetCoreSchemaHandler
    from pydantic_core import CoreSchema

T = TypeVar("T")
P = TypeVar("P", bound="Plain")

# Defaults that are safe to share between instances.
_IMMUTABLE = (
    type(None),
    bool,
    int,
    float,
    str,
    bytes,
    tuple,
    frozenset,
    dt.date,
    dt.time,
    enum.Enum,
)
_REQUIRED = 0
_DEFAULT = 1
_FACTORY = 2


class _Factory:
    __slots__ = ("make",)

    def __init__(self, make: Callable[[], object]) -> None:
        self.make = make


def field(*, default_factory: Callable[[], T]) -> T:
    """A default made fresh for each instance (a list, a dict, a record, a new id)."""
    return typing.cast(T, _Factory(default_factory))


def _first_init(self: Plain, **values: object) -> None:
    """Writes the class's own __init__ (keyword-only, defaults filled in), then runs it."""
    cls = type(self)
    made = _written_init(cls)
    if cls.__dict__.get("__init__") is _first_init:
        type.__setattr__(cls, "__init__", made)
    made(self, **values)


def _written_init(cls: type[Plain]) -> Callable[..., None]:
    """The __init__ a dataclass would have, generated once from the class's fields."""
    names: dict[str, object] = {"_MISSING": _MISSING}
    params, lines = [], []
    for n, (key, kind, default) in enumerate(cls.__plain_spec__):
        if kind == _REQUIRED:
            params.append(key)
            lines.append(f"    _self_.{key} = {key}")
        elif kind == _DEFAULT:
            names[f"_d{n}"] = default
            params.append(f"{key}=_d{n}")
            lines.append(f"    _self_.{key} = {key}")
        else:
            names[f"_f{n}"] = default
            params.append(f"{key}=_MISSING")
            lines.append(f"    _self_.{key} = _f{n}() if {key} is _MISSING else {key}")
    head = f"def __init__(_self_, *, {', '.join(params)}):" if params else "def __init__(_self_):"
    source = "\n".join([head, *lines, "    pass"])
    exec(source, names)  # noqa: S102 - the text is made from the class's own field names
    made = typing.cast(Callable[..., None], names["__init__"])
    made.__qualname__ = f"{cls.__qualname__}.__init__"
    return made


@dataclass_transform(kw_only_default=True, field_specifiers=(field,))
class PlainMeta(type):
    """Turns annotations into slots and remembers each field's default. No code is generated
    when a class is defined: its __init__ is written on its first use (most are never used)."""

    def __new__(mcs, name: str, bases: tuple[type, ...], namespace: dict[str, Any]) -> PlainMeta:
        inherited: list[tuple[str, int, object]] = []
        for base in bases:
            inherited.extend(getattr(base, "__plain_spec__", ()))
        known = {entry[0] for entry in inherited}
        if namespace.get("__slots__", ()) != () or known & namespace.keys():
            raise TypeError(f"{name}: its slots are its fields, which only __init__ sets")
        own: list[tuple[str, int, object]] = []
        for key, hint in _annotations(namespace).items():
            if _is_classvar(hint):
                continue
            if key in known or key.startswith("_"):  # "_" names are the generated code's own
                raise TypeError(f"{name}.{key}: a field is new, and its name starts with a letter")
            own.append(_spec(name, key, namespace.pop(key, _MISSING)))
        namespace["__slots__"] = tuple(entry[0] for entry in own)
        namespace["__plain_spec__"] = (*inherited, *own)
        namespace["__plain_fields__"] = tuple(entry[0] for entry in (*inherited, *own))
        namespace.setdefault("__init__", _first_init)
        return super().__new__(mcs, name, bases, namespace)


_MISSING = object()


def _annotations(namespace: dict[str, Any]) -> dict[str, Any]:
    """The annotations written in a class body, read while the class is being made.

    Up to Python 3.13 (and with `from __future__ import annotations`) the namespace holds them;
    from 3.14 it holds a function that makes them (PEP 649), read as annotationlib says to.
    """
    if "__annotations__" in namespace:
        return dict(namespace["__annotations__"])
    try:
        annotationlib: Any = importlib.import_module("annotationlib")
    except ImportError:
        return {}
    annotate = annotationlib.get_annotate_from_class_namespace(namespace)
    if annotate is None:
        return {}
    forward = annotationlib.Format.FORWARDREF
    return dict(annotationlib.call_annotate_function(annotate, format=forward))


def _is_classvar(hint: object) -> bool:
    text = getattr(hint, "__forward_arg__", hint)  # an unresolved name, from 3.14 on
    text = text if isinstance(text, str) else getattr(text, "__origin__", text)
    if isinstance(text, str):
        return text.split("[")[0].split(".")[-1].strip() == "ClassVar"
    return text is ClassVar


def _spec(owner: str, key: str, default: object) -> tuple[str, int, object]:
    if default is _MISSING:
        return key, _REQUIRED, None
    if isinstance(default, _Factory):
        return key, _FACTORY, default.make
    if not isinstance(default, _IMMUTABLE):
        raise TypeError(f"{owner}.{key}: a mutable default needs field(default_factory=...)")
    return key, _DEFAULT, default


class Plain(metaclass=PlainMeta):
    """A record with keyword-only fields, compared by value; see the module's docstring."""

    __slots__ = ()
    if TYPE_CHECKING:  # set by PlainMeta; not annotations at run time, which typing would read
        __plain_spec__: ClassVar[tuple[tuple[str, int, object], ...]]
        __plain_fields__: ClassVar[tuple[str, ...]]

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return all(getattr(self, k) == getattr(other, k) for k in self.__plain_fields__)

    __hash__ = None  # type: ignore[assignment]  # mutable, like a dataclass

    def __repr__(self) -> str:
        inner = ", ".join(f"{k}={getattr(self, k)!r}" for k in self.__plain_fields__)
        return f"{type(self).__name__}({inner})"

    @classmethod
    def __get_pydantic_core_schema__(
        cls, source: type[Any], handler: GetCoreSchemaHandler
    ) -> CoreSchema:
        """Validate and describe this class as Pydantic does a dataclass (edges only)."""
        from pydantic_core import core_schema as cs

        hints = typing.get_type_hints(cls, include_extras=True)
        fields = []
        for key, kind, default in cls.__plain_spec__:
            schema = handler.generate_schema(hints[key])
            if kind == _DEFAULT:
                schema = cs.with_default_schema(schema, default=default)
            elif default in (list, dict):  # an empty default Pydantic copies, and can show
                schema = cs.with_default_schema(schema, default=typing.cast(type, default)())
            elif kind == _FACTORY:
                make = typing.cast(Callable[[], Any], default)
                schema = cs.with_default_schema(schema, default_factory=make)
            fields.append(cs.dataclass_field(key, schema, kw_only=True))
        return cs.dataclass_schema(
            cls,
            cs.dataclass_args_schema(cls.__name__, fields),
            list(cls.__plain_fields__),
            slots=True,
            ref=f"{cls.__module__}.{cls.__qualname__}",
            config={
                "title": cls.__name__,
                "extra_fields_behavior": "forbid",
                "hide_input_in_errors": True,
            },
        )


def replace(record: P, **changes: object) -> P:
    """A copy of the record with some fields changed (not checked: inside the program only)."""
    cls = type(record)
    copy = cls.__new__(cls)
    for key in cls.__plain_fields__:
        value = changes.pop(key) if key in changes else getattr(record, key)
        object.__setattr__(copy, key, value)
    if changes:
        raise TypeError(f"{cls.__name__} has no field {sorted(changes)[0]}")
    return copy


# --- to data ----------------------------------------------------------------------------------


def _time(moment: dt.datetime) -> str:
    text = moment.isoformat()
    return text[:-6] + "Z" if text.endswith("+00:00") else text


def to_data(value: object, *, toml: bool = False) -> Any:
    """JSON-ready data: records as objects, enums as values, times in ISO 8601 (UTC as Z).

    A field annotated float is written as a float even when it holds an int, as Pydantic did.
    toml: for tomli-w instead, which writes dates and times itself and has no null, so times
    stay objects and fields that are None are left out.
    """
    return (_ANY_TOML if toml else _ANY)(value)


Writer = Callable[[Any], Any]
_WRITERS: dict[tuple[object, bool], Writer | None] = {}


def _any_writer(toml: bool) -> Writer:
    """Writes a value by what it is, for fields whose annotation does not say (unions, object)."""

    def write(value: Any) -> Any:
        if value is None or isinstance(value, str | int | float):
            return value.value if isinstance(value, enum.Enum) else value
        kind = type(value)
        if isinstance(value, Plain | enum.Enum | dt.date | dt.time):
            made = _writer(kind, toml)
            return value if made is None else made(value)
        if isinstance(value, list | tuple | set | frozenset):
            return [write(item) for item in value]
        if isinstance(value, dict):
            return {write(k): write(v) for k, v in value.items()}
        raise TypeError(f"cannot write {kind.__name__} as data")

    return write


def _writer(hint: Any, toml: bool) -> Writer | None:
    """How to write a value of this annotated type; None: it is written as it is."""
    key = (hint, toml)
    try:
        return _WRITERS[key]
    except KeyError:
        made = _make_writer(hint, toml)
        _WRITERS[key] = made
        return made
    except TypeError:  # an unhashable hint
        return _make_writer(hint, toml)


def _make_writer(hint: Any, toml: bool) -> Writer | None:
    origin = typing.get_origin(hint)
    if origin is typing.Annotated:
        return _writer(typing.get_args(hint)[0], toml)
    if hint in (str, int, bool, type(None)) or origin is typing.Literal:
        return None
    if hint is float:
        return float
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        return _enum_value
    if isinstance(hint, type) and issubclass(hint, dt.date | dt.time):
        if toml:
            return None
        return _time if issubclass(hint, dt.datetime) else _iso
    if isinstance(hint, type) and issubclass(hint, Plain):
        return _record_writer(hint, toml)
    if origin in (list, tuple, set, frozenset):
        args = typing.get_args(hint)
        same_kind = len(args) == 1 or (len(args) == 2 and args[1] is Ellipsis)
        item = _writer(args[0], toml) if same_kind else _ANY_TOML if toml else _ANY
        if item is None:
            return list
        return lambda value: [item(v) for v in value]
    if origin is dict:
        key_hint, value_hint = typing.get_args(hint)
        keys, values = _writer(key_hint, toml), _writer(value_hint, toml)
        if keys is None and values is None:
            return dict
        k = keys or _same
        v = values or _same
        return lambda value: {k(a): v(b) for a, b in value.items()}
    if origin in (typing.Union, types.UnionType):
        options = [a for a in typing.get_args(hint) if a is not type(None)]
        if len(options) == 1:
            inner = _writer(options[0], toml)
            if inner is None:
                return None
            return lambda value: None if value is None else inner(value)
    return _ANY_TOML if toml else _ANY


def _enum_value(value: enum.Enum | str) -> Any:
    """A member's value; a plain string already is one (a StrEnum field given its value)."""
    return value.value if isinstance(value, enum.Enum) else value


def _iso(value: dt.date | dt.time) -> str:
    return value.isoformat()


def _record_writer(cls: type[Plain], toml: bool) -> Writer:
    """Writes one record; for JSON, a function generated on first use (exports write many)."""
    made: list[Writer] = []

    def write(record: Plain) -> dict[str, Any]:
        if not made:
            hints = typing.get_type_hints(cls, include_extras=True)
            parts = [(key, _writer(hints[key], toml)) for key in cls.__plain_fields__]
            made.append(_toml_record(parts) if toml else _json_record(cls, parts))
        return typing.cast(dict[str, Any], made[0](record))

    return write


def _json_record(cls: type[Plain], parts: list[tuple[str, Writer | None]]) -> Writer:
    names: dict[str, object] = {}
    items = []
    for n, (key, made) in enumerate(parts):
        if made is None:
            items.append(f"{key!r}: r.{key}")
        else:
            names[f"_w{n}"] = made
            items.append(f"{key!r}: None if (v := r.{key}) is None else _w{n}(v)")
    exec(f"def write(r):\n    return {{{', '.join(items)}}}", names)  # noqa: S102 - field names
    made_writer = typing.cast(Writer, names["write"])
    made_writer.__qualname__ = f"{cls.__qualname__}.to_data"
    return made_writer


def _toml_record(parts: list[tuple[str, Writer | None]]) -> Writer:
    def write(record: Plain) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key, made in parts:
            value = getattr(record, key)
            if value is not None:  # TOML has no null: the field is left out
                out[key] = value if made is None else made(value)
        return out

    return write


_ANY = _any_writer(toml=False)
_ANY_TOML = _any_writer(toml=True)


def to_json(value: object) -> str:
    """The data as indented JSON, UTF-8 kept as it is (what `--json` and exports print)."""
    return json_text(to_data(value))


def json_text(data: object) -> str:
    """JSON data as indented text, by Pydantic's serializer: what it always wrote, quickly."""
    from pydantic_core import to_json as dump

    return dump(data, indent=2, inf_nan_mode="null").decode("utf-8")  # as Pydantic's models did


# --- from data --------------------------------------------------------------------------------


def from_data(hint: Any, data: Any) -> Any:
    """Build the value of type `hint` from trusted plain data, such as the bank cache.

    Nothing is validated: the data was checked when it was first read. Records, lists, dicts,
    optional values, enums and ISO dates are rebuilt; everything else is taken as it is.
    """
    return _builder(hint)(data)


_BUILDERS: dict[object, Callable[[Any], Any]] = {}


def _same(data: Any) -> Any:
    return data


def _builder(hint: Any) -> Callable[[Any], Any]:
    try:
        return _BUILDERS[hint]
    except KeyError:
        pass
    except TypeError:  # an unhashable hint
        return _make_builder(hint)
    made = _make_builder(hint)
    _BUILDERS[hint] = made
    return made


def _make_builder(hint: Any) -> Callable[[Any], Any]:
    origin = typing.get_origin(hint)
    if origin is typing.Annotated:
        return _builder(typing.get_args(hint)[0])
    if isinstance(hint, type) and issubclass(hint, Plain):
        return _record_builder(hint)
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        return hint
    if hint is dt.date:
        return dt.date.fromisoformat
    if hint is dt.datetime:
        return dt.datetime.fromisoformat
    if origin in (list, tuple):
        args = typing.get_args(hint)
        item = _builder(args[0]) if args else _same
        kind = list if origin is list else tuple
        return lambda data: kind(item(v) for v in data)
    if origin is dict:
        key_hint, value_hint = typing.get_args(hint)
        key, value = _builder(key_hint), _builder(value_hint)
        return lambda data: {key(k): value(v) for k, v in data.items()}
    if origin in (typing.Union, types.UnionType):
        options = [a for a in typing.get_args(hint) if a is not type(None)]
        if len(options) == 1:
            inner = _builder(options[0])
            return lambda data: None if data is None else inner(data)
    return _same  # plain values, literals and unions of them


def _record_builder(cls: type[Plain]) -> Callable[[Any], Any]:
    hints = typing.get_type_hints(cls, include_extras=True)
    parts: list[tuple[str, Callable[[Any], Any]]] = []

    def build(data: dict[str, Any]) -> Plain:
        if not parts:
            for key in cls.__plain_fields__:
                made = _builder(hints[key])
                parts.append((key, made))
        values = {}
        for key, made in parts:
            if key in data:
                values[key] = data[key] if made is _same else made(data[key])
        return cls(**values)

    return build


def out_of_bounds(record: Plain) -> list[str]:
    """The fields whose numbers or lengths break their annotated limits (Ge, Le, MaxLen...).

    A light check at an edge that needs no Pydantic schema: patterns and validators are not
    run, so text is checked by its own cleaner first.
    """
    hints = typing.get_type_hints(type(record), include_extras=True)
    return [key for key in record.__plain_fields__ if not _fits(getattr(record, key), hints[key])]


def _fits(value: object, hint: Any) -> bool:
    if value is None:
        return True
    if typing.get_origin(hint) in (typing.Union, types.UnionType):
        options = [o for o in typing.get_args(hint) if _may_hold(value, o)]
        return not options or any(_fits(value, option) for option in options)
    if typing.get_origin(hint) is not typing.Annotated:
        return True
    limits: list[Any] = []
    for meta in typing.get_args(hint)[1:]:
        limits.extend(getattr(meta, "metadata", [meta]))  # a pydantic Field holds its limits
    size = len(value) if isinstance(value, str | list | dict) else value
    for limit in limits:
        for name, holds in _LIMITS.items():
            bound = getattr(limit, name, None)
            if bound is not None and not holds(size, bound):
                return False
    return True


def _may_hold(value: object, hint: Any) -> bool:
    """Whether a member of a union is of the value's kind (its limits are checked after)."""
    while typing.get_origin(hint) is typing.Annotated:
        hint = typing.get_args(hint)[0]
    return not isinstance(hint, type) or isinstance(value, hint)


_LIMITS: dict[str, Callable[[Any, Any], bool]] = {
    "ge": lambda v, b: v >= b,
    "le": lambda v, b: v <= b,
    "gt": lambda v, b: v > b,
    "lt": lambda v, b: v < b,
    "min_length": lambda v, b: v >= b,
    "max_length": lambda v, b: v <= b,
}


def values(record: Plain) -> dict[str, Any]:
    """The record's fields by name (to build a subclass's record from it)."""
    return {key: getattr(record, key) for key in record.__plain_fields__}


# --- at an edge -------------------------------------------------------------------------------


def checked(kind: type[P], data: object) -> P:
    """Data checked against a record type where it arrives (an import): one Pydantic pass.

    A failure raises pydantic.ValidationError, with the input left out of its message.
    """
    from pydantic import ConfigDict, TypeAdapter

    adapter = TypeAdapter(kind, config=ConfigDict(hide_input_in_errors=True))
    return adapter.validate_python(data)


def json_schema(kind: Any) -> dict[str, Any]:
    """The JSON Schema of what `to_data` writes for this type (the shipped schema files)."""
    from pydantic import TypeAdapter

    return TypeAdapter(kind).json_schema(mode="serialization")
