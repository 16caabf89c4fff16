"""Builds the page tree from the YAML and CSV files in `content/` (see content/README.md)."""
