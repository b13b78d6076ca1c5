"""Ingest: read sources into `Article` records, or `Failure` records naming the input."""

from eventwire.ingest.walk import read_inputs, read_path

__all__ = ["read_inputs", "read_path"]
