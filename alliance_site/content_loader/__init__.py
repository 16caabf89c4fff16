"""Builds the page tree from the YAML and CSV files in `content/` (see content/README.md)."""

from .errors import ContentError
from .loader import load_content

__all__ = ["ContentError", "load_content"]
