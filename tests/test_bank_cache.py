"""The shipped bank is checked once per version of its file, then read back from a cache."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import ROOT, Cli
from trustrepair import bank_cache
from trustrepair.bank import Bank, _load_default, default_bank_path, load_bank
from trustrepair.errors import BankError
from trustrepair.plain import from_data, replace, to_data

BANK = ROOT / "data" / "prompts.toml"


@pytest.fixture(autouse=True)
def fresh() -> Iterator[None]:
    """Each test starts as a new command would: the bank not yet loaded in this process."""
    _load_default.cache_clear()
    yield
    _load_default.cache_clear()


@pytest.fixture
def cache(home: Path) -> Path:
    """The cache file, in a home that exists (the cache never creates one)."""
    home.mkdir(mode=0o700)
    return home / "cache" / "bank.json"


@pytest.fixture
def shipped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the shipped bank standing in for it, so a test can edit it."""
    copy = tmp_path / "prompts.toml"
    copy.write_bytes(BANK.read_bytes())
    monkeypatch.setattr("trustrepair.bank.default_bank_path", lambda: copy)
    return copy


def validations(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The bank files validated from now on (the cache spares the shipped one)."""
    from trustrepair import bank_check

    seen: list[Path] = []
    real = bank_check.validate_bank

    def counting(raw: object, path: Path, *, trusted: bool = False) -> Bank:
        seen.append(path)
        return real(raw, path, trusted=trusted)

    monkeypatch.setattr(bank_check, "validate_bank", counting)
    return seen


def test_the_cached_bank_is_the_validated_bank(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    checked = validations(monkeypatch)
    first = load_bank()
    assert cache.is_file() and checked == [default_bank_path()]
    _load_default.cache_clear()
    cached = load_bank()
    assert checked == [default_bank_path()]  # read back, not checked again
    assert cached is not first
    assert to_data(cached) == to_data(first) == to_data(load_bank(default_bank_path()))
    assert cached == first


def test_the_cache_is_private(cache: Path) -> None:
    load_bank()
    assert stat.S_IMODE(cache.stat().st_mode) == 0o600
    assert stat.S_IMODE(cache.parent.stat().st_mode) == 0o700


def test_the_cache_never_creates_a_home(cli: Cli, home: Path) -> None:
    cli("about")
    assert not home.exists()


@pytest.mark.parametrize(
    "damage",
    [
        lambda text: text[: len(text) // 2],  # cut short
        lambda text: "not json at all\n",
        lambda text: text.replace('"title":"', '"title":"Changed: ', 1),  # edited by hand
        lambda text: text.replace('{"meta":', '{"colour":1,"meta":', 1),  # another shape
        lambda text: "",
    ],
)
def test_a_damaged_cache_is_rebuilt_and_the_command_still_works(
    cli: Cli, cache: Path, damage: object
) -> None:
    load_bank()
    good = cache.read_text(encoding="utf-8")
    cache.write_text(damage(good), encoding="utf-8")  # type: ignore[operator]
    _load_default.cache_clear()
    out = cli("about", "--json").stdout
    assert "Changed:" not in out
    assert cache.read_text(encoding="utf-8") == good


def test_a_cache_of_another_shape_is_not_used(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bank = load_bank()
    key = bank_cache.key_for(default_bank_path().read_bytes())
    bank_cache.write(key, bank.meta)  # the right key, the wrong record
    _load_default.cache_clear()
    checked = validations(monkeypatch)
    assert load_bank() == bank
    assert checked == [default_bank_path()]


def test_a_cache_the_person_does_not_own_alone_is_not_read(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    load_bank()
    cache.chmod(0o644)
    _load_default.cache_clear()
    checked = validations(monkeypatch)
    load_bank()
    assert checked == [default_bank_path()]
    assert stat.S_IMODE(cache.stat().st_mode) == 0o600


def test_an_edited_bank_file_is_read_again(
    cache: Path, shipped: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert load_bank().guide("safety_first").title == "Your safety comes first"
    block = 'id = "safety_first"\naddresses = "both"\ntitle = "'
    text = shipped.read_text(encoding="utf-8")
    assert block in text
    shipped.write_text(text.replace(block, f"{block}Edited: "), encoding="utf-8")
    _load_default.cache_clear()
    assert load_bank().guide("safety_first").title == "Edited: Your safety comes first"
    assert "Edited: Your safety" in cache.read_text(encoding="utf-8")


def test_a_cache_from_another_version_is_not_used(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    load_bank()
    monkeypatch.setattr(bank_cache, "__version__", "99.0")
    _load_default.cache_clear()
    checked = validations(monkeypatch)
    load_bank()
    assert checked == [default_bank_path()]
    assert '"key": "1:99.0:' in cache.read_text(encoding="utf-8")


def test_a_cache_that_cannot_be_written_is_skipped(cli: Cli, home: Path) -> None:
    home.mkdir(mode=0o700)
    (home / "cache").write_text("a file where the cache folder would go")
    assert cli("about", "--json").stdout.strip().startswith("{")
    assert (home / "cache").read_text() == "a file where the cache folder would go"


def test_a_bank_by_path_is_checked_in_full_even_with_a_cache(
    cli: Cli, cache: Path, tmp_path: Path
) -> None:
    load_bank()
    assert cache.is_file()
    broken = tmp_path / "broken.toml"
    broken.write_text(
        BANK.read_text(encoding="utf-8").replace('id = "afraid"', 'id = "Afraid"', 1),
        encoding="utf-8",
    )
    for args in (["about", "--prompts", str(broken)], ["prompts", "validate", str(broken)]):
        lines = cli(*args, code=2).stderr.strip().splitlines()
        assert len(lines) == 1
        assert f"{broken}: questions['Afraid'].id: String should match pattern" in lines[0]
    with pytest.raises(BankError):
        load_bank(broken)


def test_a_wipe_removes_the_cache_with_the_rest(cli: Cli, home: Path) -> None:
    cli("check", "--answers", str(ROOT / "examples" / "answers-affected.toml"))
    _load_default.cache_clear()
    cli("summary")
    assert (home / "cache" / "bank.json").is_file()
    cli("data", "wipe", "--yes")
    assert not home.exists()


def test_a_command_reading_the_cache_builds_no_schema_and_parses_no_toml(home: Path) -> None:
    home.mkdir(mode=0o700)
    probe = (
        "import sys; from trustrepair.bank import load_bank; load_bank(); "
        "print(sorted(m for m in ('pydantic', 'tomllib', 'trustrepair.bank_check') "
        "if m in sys.modules))"
    )
    env = {**os.environ, "TRUSTREPAIR_HOME": str(home)}

    def loaded() -> str:
        run = subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True)
        return run.stdout.decode().strip()

    assert loaded() == "['pydantic', 'tomllib', 'trustrepair.bank_check']"  # builds the cache
    assert loaded() == "[]"


words = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40)
answers = st.one_of(st.booleans(), st.integers(-(2**53), 2**53), st.floats(allow_nan=False), words)


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(title=words, text=words, default=answers, at_least=st.floats(allow_nan=False) | st.none())
def test_any_bank_comes_back_from_the_cache_unchanged(
    cache: Path, title: str, text: str, default: object, at_least: float | None
) -> None:
    bank = load_bank()
    guide = replace(bank.guidance[0], title=title, text=text)
    question = replace(bank.questions[0], default=default)
    rule = bank.rules[0]
    condition = replace(rule.when[0], at_least=at_least)
    changed = replace(
        bank,
        guidance=[guide, *bank.guidance[1:]],
        questions=[question, *bank.questions[1:]],
        rules=[replace(rule, when=[condition, *rule.when[1:]]), *bank.rules[1:]],
    )
    assert from_data(Bank, to_data(changed)) == changed
    bank_cache.write("test-key", changed)
    back = bank_cache.read("test-key", Bank)
    assert back == changed
    assert back is not None and type(back.questions[0].default) is type(default)


def test_the_cache_sits_in_the_home_when_one_is_set_else_in_the_os_cache(
    home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from trustrepair import paths

    assert paths.cache_dir() == home / "cache"
    monkeypatch.delenv("TRUSTREPAIR_HOME")
    assert paths.cache_dir() == tmp_path / "xdg-cache" / "trustrepair"
    assert not (tmp_path / "xdg-cache").exists()  # naming a folder never makes it


def test_a_home_given_with_the_flag_keeps_the_cache_as_well(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Someone who keeps trustrepair on an encrypted volume leaves nothing of it elsewhere.
    monkeypatch.delenv("TRUSTREPAIR_HOME")
    chosen = tmp_path / "volume"
    chosen.mkdir(mode=0o700)
    command = [sys.executable, "-m", "trustrepair", "--home", str(chosen)]
    subprocess.run([*command, "about"], check=True, capture_output=True)
    assert (chosen / "cache" / "bank.json").is_file()
    assert not (tmp_path / "xdg-cache").exists()
