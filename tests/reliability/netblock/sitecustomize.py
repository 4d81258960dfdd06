"""Loaded by every Python process the reliability suite starts: any network use fails loudly.

The suite's own process is covered by the autouse fixture in tests/conftest.py; this does the
same for the child processes it kills, races and feeds hostile files to.
"""

import socket


def _refuse(*_args: object, **_kwargs: object) -> None:
    raise ConnectionRefusedError("trustrepair reliability suite: network use is not allowed")


for _name in ("connect", "connect_ex", "sendto", "sendmsg"):
    setattr(socket.socket, _name, _refuse)
socket.create_connection = _refuse  # type: ignore[assignment]
socket.getaddrinfo = _refuse  # type: ignore[assignment]
socket.gethostbyname = _refuse  # type: ignore[assignment]
