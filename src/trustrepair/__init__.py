"""trustrepair: a private, local companion for rebuilding trust after a betrayal."""

__version__ = "0.1.0"
