"""Typed errors with stable codes. In a batch they become `Failure` records.

Codes: EW1xx ingest, EW2xx parse, EW3xx coding stages, EW4xx store, EW5xx eval, EW6xx data files,
EW7xx web/API (defined in `eventwire.api.errors`).
"""

from __future__ import annotations


class EventwireError(Exception):
    """Base of every error eventwire raises on purpose."""

    code = "EW000"


class IngestError(EventwireError):
    """An input could not be read as an article (names the input)."""

    code = "EW101"


class EmptyInputError(IngestError):
    code = "EW102"


class BinaryInputError(IngestError):
    code = "EW103"


class OversizeInputError(IngestError):
    code = "EW104"


class MalformedRecordError(IngestError):
    code = "EW105"


class UnsupportedInputError(IngestError):
    code = "EW106"


class SpecialFileError(IngestError):
    """A FIFO, device or socket: reading it could block for ever, so it is never opened."""

    code = "EW107"


class LinkError(IngestError):
    """A symbolic link that points nowhere, or a loop of links."""

    code = "EW108"


class EncodingError(IngestError):
    """Bytes that are neither UTF-8 (or UTF-16/32 with a BOM) nor Windows-1252 text."""

    code = "EW109"


class UnreadableInputError(IngestError):
    """A file or directory the process may not read (permissions, I/O error)."""

    code = "EW110"


class ForeignLanguageError(IngestError):
    """Text in a language no installed model codes; `language` is the detected ISO 639-1 code."""

    code = "EW111"

    def __init__(self, message: str, language: str = "") -> None:
        super().__init__(message)
        self.language = language


class ParseError(EventwireError):
    code = "EW201"


class ModelNotFoundError(ParseError):
    code = "EW202"


class StageError(EventwireError):
    code = "EW301"


class PipelineOrderError(EventwireError):
    code = "EW302"


class SpanError(EventwireError):
    code = "EW303"


class StoreError(EventwireError):
    code = "EW401"


class EvalError(EventwireError):
    code = "EW501"


class DataFileError(EventwireError):
    """A lexicon or knowledge-base file is malformed (names file and line)."""

    code = "EW601"
