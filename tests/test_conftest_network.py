"""The suite-wide network block: any connection attempt fails the test that made it."""

from __future__ import annotations

import socket

import pytest

from conftest import NetworkAttempt


def test_a_connection_attempt_fails_loudly() -> None:
    with pytest.raises(NetworkAttempt):
        socket.create_connection(("127.0.0.1", 9))
    with socket.socket() as sock, pytest.raises(NetworkAttempt):
        sock.connect(("127.0.0.1", 9))


def test_a_name_lookup_fails_loudly() -> None:
    with pytest.raises(NetworkAttempt):
        socket.getaddrinfo("example.com", 443)
