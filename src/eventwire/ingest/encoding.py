"""Bytes to text: a BOM says UTF-8/16/32, otherwise UTF-8, else Windows-1252, else a reason.

Invalid UTF-8 is never silently turned into mojibake: text that is UTF-8 except for a few
broken bytes is decoded with U+FFFD in their place and a logged warning naming the input;
text with no UTF-8 in it is read as Windows-1252 only when its high bytes are letters and
punctuation of that code page; anything else is refused with the offset of the first bad byte.
"""

from __future__ import annotations

import codecs
import logging
import re
import unicodedata

from eventwire.errors import BinaryInputError, EmptyInputError, EncodingError, OversizeInputError

log = logging.getLogger("eventwire.ingest")

# Longest BOM first: the UTF-32-LE mark begins with the UTF-16-LE one.
BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# A UTF-8 multi-byte sequence: its presence says the text was meant as UTF-8.
_UTF8_SEQ = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)
# Broken bytes a mostly-UTF-8 text may have before it is refused outright (share of its bytes).
MAX_BROKEN_SHARE = 0.01
# High bytes a Windows-1252 text may have (accented words, curly quotes); random bytes have more.
MAX_HIGH_SHARE = 0.3


def decode_bytes(data: bytes, name: str, max_bytes: int) -> str:
    """Text of an input, or a coded error naming it (empty, oversized, binary, bad encoding)."""
    if len(data) > max_bytes:
        raise OversizeInputError(f"{name}: {len(data)} bytes is over the limit of {max_bytes}")
    if not data.strip():
        raise EmptyInputError(f"{name}: file is empty")
    text = _with_bom(data, name)
    if text is None:
        if b"\x00" in data[:8192]:
            raise BinaryInputError(f"{name}: binary content (NUL bytes), not text")
        text = _without_bom(data, name)
    if not text.strip():
        raise EmptyInputError(f"{name}: no text after decoding")
    if _control_ratio(text) > 0.05:
        raise BinaryInputError(f"{name}: mostly control characters, not text")
    return text


def _with_bom(data: bytes, name: str) -> str | None:
    for bom, codec in BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(codec)
            except UnicodeDecodeError as exc:
                raise EncodingError(
                    f"{name}: starts with a {codec.upper()} byte-order mark but byte "
                    f"{exc.start + len(bom)} is not valid {codec.upper()}"
                ) from None
    return None


def _without_bom(data: bytes, name: str) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    if _UTF8_SEQ.search(data):
        text = data.decode("utf-8", errors="replace")
        broken = text.count("\ufffd")
        if broken <= max(1, MAX_BROKEN_SHARE * len(data)):
            log.warning(
                "%s: %d byte(s) not valid UTF-8 (first at byte %d), replaced by U+FFFD",
                name,
                broken,
                first_bad,
            )
            return text
    elif _plausible_cp1252(data):
        return data.decode("cp1252")
    raise EncodingError(
        f"{name}: not valid UTF-8 (byte {first_bad} is 0x{data[first_bad]:02x}) "
        "and not Windows-1252 text; re-save the file as UTF-8"
    )


def _plausible_cp1252(data: bytes) -> bool:
    """Every high byte is a Windows-1252 letter, mark or punctuation, and they are few."""
    high = bytes(b for b in data if b >= 0x80)
    if len(high) > MAX_HIGH_SHARE * len(data):
        return False
    try:
        chars = high.decode("cp1252")
    except UnicodeDecodeError:
        return False
    return all(unicodedata.category(ch)[0] in "LPSZ" or ch == "\u00ad" for ch in chars)


def _control_ratio(text: str) -> float:
    sample = text[:4096]
    bad = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t\f")
    return bad / max(1, len(sample))
