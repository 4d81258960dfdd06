"""Regenerate a shipped schema: python -m trustrepair.schema [export|records-list|records-show]."""

import sys

from trustrepair.schema import generate_schema

print(generate_schema(sys.argv[1] if len(sys.argv) > 1 else "export"))
