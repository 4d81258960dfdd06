"""Locking, unlocking and re-locking a profile's store through the workspace."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import Fixed
from trustrepair.encryption import change_passphrase, current_passphrase, decrypt, encrypt
from trustrepair.errors import BadInputError, PassphraseError
from trustrepair.models import Marker
from trustrepair.store.cipher import CONVERTING, looks_encrypted
from trustrepair.workspace import Workspace


def space(home: Path, *candidates: str) -> Workspace:
    return Workspace(home, "default", Fixed(*candidates))


def test_a_profile_with_nothing_stored_gets_an_empty_locked_store(home: Path) -> None:
    encrypt(space(home), "it's a passphrase with 'quotes'")
    locked = space(home, "it's a passphrase with 'quotes'")
    assert looks_encrypted(locked.database)
    with locked.reading() as store:
        assert store.encrypted and store.markers() == []


def test_encrypting_twice_or_decrypting_a_plain_store_is_refused(home: Path) -> None:
    with space(home).writing() as store:
        store.add_marker(Marker(text="Says where he is"))
    with pytest.raises(BadInputError, match="not encrypted"):
        current_passphrase(space(home))
    encrypt(space(home), "first")
    with pytest.raises(BadInputError, match="already encrypted"):
        encrypt(space(home, "first"), "second")


def test_rekey_and_decrypt_keep_the_records_and_leave_no_copy(home: Path) -> None:
    with space(home).writing() as store:
        store.add_marker(Marker(text="Says where he is"))
    encrypt(space(home), "first")
    change_passphrase(space(home), current_passphrase(space(home, "first")), "second")
    with pytest.raises(PassphraseError):
        current_passphrase(space(home, "first"))
    decrypt(space(home), current_passphrase(space(home, "second")))
    with space(home).reading() as store:
        assert not store.encrypted
        assert [m.text for m in store.markers()] == ["Says where he is"]
    folder = space(home).database.parent
    assert sorted(p.name for p in folder.iterdir()) == ["trustrepair.db"]


def test_a_copy_left_by_a_killed_conversion_is_cleared_next_time(home: Path) -> None:
    with space(home).writing() as store:
        store.add_marker(Marker(text="Says where he is"))
    leftover = space(home).database.with_name("trustrepair.db" + CONVERTING)
    leftover.write_bytes(b"half a copy")
    encrypt(space(home), "first")
    assert not leftover.exists()


def test_a_conversion_waits_for_a_command_still_using_the_store(home: Path) -> None:
    import threading

    plain = space(home)
    with plain.writing() as store:
        store.add_marker(Marker(text="Tells me his plans before he leaves"))
    converting = threading.Thread(target=encrypt, args=(plain, "a long enough passphrase"))
    with plain.writing() as store:  # a command in the middle of its work
        converting.start()
        converting.join(timeout=1.0)
        assert converting.is_alive(), "the store was swapped while a command was using it"
        store.add_marker(Marker(text="Texts me when plans change"))
    converting.join(timeout=30)
    locked = space(home, "a long enough passphrase")
    with locked.reading() as store:
        assert {m.text for m in store.markers()} >= {"Texts me when plans change"}


def test_a_command_that_waited_through_a_swap_holds_the_new_file(home: Path) -> None:
    import threading

    from trustrepair.files import holding_store_file

    plain = space(home)
    with plain.writing():
        pass
    path = plain.database
    swapped = threading.Event()

    def swap() -> None:
        with holding_store_file(path, exclusive=True):
            fresh = path.with_name("fresh.db")
            fresh.write_bytes(path.read_bytes())
            swapped.set()
            threading.Event().wait(0.3)
            fresh.replace(path)

    worker = threading.Thread(target=swap)
    worker.start()
    swapped.wait(5)
    with holding_store_file(path) as held:
        assert held == path.stat().st_ino
    worker.join(5)
