"""Regenerate the shipped schema file (see tests/test_export_import.py for the command)."""

from trustrepair.schema import generate_export_schema

print(generate_export_schema())
