"""Text that came from a file, made safe to show: its control characters shown, never obeyed.

Answers files, progress files, questionnaires and file names are data, and data must never
drive a terminal, a spreadsheet or a page: an ESC could retitle the window, clear the screen or
write the clipboard, a bidirectional override could reverse what a reader sees.
"""

from __future__ import annotations

import codecs
import io
import re
import textwrap
import unicodedata

_CONTROL = re.compile(
    "[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)
"""C0 and C1 control characters, DEL, the bidirectional marks, embeddings and overrides, and
lone surrogates (no UTF-8 can carry them)."""
_CONTROL_LINES = re.compile(
    "[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)
"""The same, newline excepted."""
REPLACEMENT = "\ufffd"


def _shown(match: re.Match[str]) -> str:
    """A C0 character or DEL as its picture (ESC as U+241B), a byte as `_byte`, else U+FFFD."""
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)
    return "\u2421" if code == 0x7F else _byte(code) or REPLACEMENT


def _byte(code: int) -> str:
    r"""A byte of a file name that is no UTF-8, as ``\xff``: the name's own byte, visible.

    Python reads such a byte ``b`` into a name as the lone surrogate U+DC00 + ``b``
    (`os.fsdecode`); an output can carry it only as text. Empty for anything else.
    """
    return f"\\x{code - 0xDC00:02x}" if 0xDC80 <= code <= 0xDCFF else ""


def _caret(match: re.Match[str]) -> str:
    """A C0 character or DEL in caret notation (ESC as ``^[``), a byte as `_byte`, else U+FFFD."""
    code = ord(match.group())
    if code < 0x20:
        return "^" + chr(0x40 + code)
    return "^?" if code == 0x7F else _byte(code) or REPLACEMENT


def printable(text: str, *, lines: bool = False, pictures: bool = True) -> str:
    """``text`` with every control character made visible; newlines kept when ``lines``.

    Terminals show C0 characters as their pictures (BEL as U+2407). Without ``pictures`` they
    are written in caret notation (BEL as ``^G``), as terminals print them too: for the
    report, whose fonts (DejaVu, Liberation) have no Control Pictures.
    """
    return (_CONTROL_LINES if lines else _CONTROL).sub(_shown if pictures else _caret, text)


def wrapped(text: str, width: int) -> list[str]:
    """``text`` in lines shorter than ``width``, broken between words only (a long word whole)."""
    return textwrap.wrap(
        text, max(10, width - 1), break_long_words=False, break_on_hyphens=False
    ) or [""]


def message_lines(text: str, width: int) -> list[str]:
    """A message's lines wrapped between words to ``width`` (at least 20 characters wide).

    An indented line (a command to type) and a word longer than the width (a path) stay whole.
    """
    lines = []
    for line in text.split("\n"):
        if line[:1].isspace() or len(line) < width:
            lines.append(line)
        else:
            lines += wrapped(line, max(21, width))
    return lines


def shell_command(words: list[str]) -> str:
    """A command line to type again: each word quoted for a POSIX shell (`shlex.quote`).

    A word with control characters (a file name holding ESC) cannot be typed as it is, and
    shown made visible it would name another file; it is written ``$'...'`` with escapes
    instead (bash, zsh and ksh read it back exactly), so the line is always plain text.
    """
    import shlex

    return " ".join(
        _ansi_c_quoted(word) if has_control(word) else shlex.quote(word) for word in words
    )


def _ansi_c_quoted(word: str) -> str:
    """``word`` as a ``$'...'`` word: backslash, quote and control characters escaped."""

    def escaped(character: str) -> str:
        if character in "\\'":
            return "\\" + character
        if _CONTROL.match(character) is None:
            return character
        code = ord(character)
        return f"\\x{code:02x}" if code < 0x80 else f"\\u{code:04x}"

    return "$'" + "".join(map(escaped, word)) + "'"


def json_escaped(text: str) -> str:
    """JSON text with every control character `printable` replaces written as a JSON escape.

    Only valid in JSON text produced by `json.dumps`, where such characters occur only inside
    strings: the decoded data stays exactly the same, but for lone surrogates (from a file
    name that is no UTF-8), which no UTF-8 text can hold: they read as `printable` shows them.
    """
    return _CONTROL_LINES.sub(_json_escape, text)


def _json_escape(match: re.Match[str]) -> str:
    """A control character as its JSON escape; a lone surrogate as `printable` shows it."""
    code = ord(match.group())
    if 0xD800 <= code <= 0xDFFF:  # no JSON reader need take a lone surrogate
        return (_byte(code) or REPLACEMENT).replace("\\", "\\\\")
    return f"\\u{code:04x}"


def has_control(text: str) -> bool:
    """Whether ``text`` holds a control character `printable` would replace (newline included)."""
    return _CONTROL.search(text) is not None


ASCII_FALLBACK = "krmscan-ascii"
"""The codec error handler `install_ascii_fallback` registers."""


def _ascii_fallback(error: UnicodeError) -> tuple[str, int]:
    """An unencodable character as its ASCII base letter (é -> e), or ``?``."""
    if not isinstance(error, UnicodeEncodeError):
        raise error
    bad = error.object[error.start : error.end]
    base = unicodedata.normalize("NFKD", bad).encode("ascii", "ignore").decode("ascii")
    return (base or "?" * len(bad)), error.end


def install_ascii_fallback(*streams: object) -> None:
    """Let ``streams`` whose encoding is not UTF-8 write every text, in ASCII where needed.

    Without it a terminal in ASCII (``LC_ALL=C``, ``PYTHONIOENCODING=ascii``) stops krmscan
    with `UnicodeEncodeError` at the first é or box character.
    """
    codecs.register_error(ASCII_FALLBACK, _ascii_fallback)
    for stream in streams:
        encoding = getattr(stream, "encoding", None) or "utf-8"
        if codecs.lookup(encoding).name != "utf-8" and isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors=ASCII_FALLBACK)


def json_text(data: object) -> str:
    """Indented JSON that keeps the data exact and yet carries no control character raw.

    `json` escapes C0 controls itself; DEL, C1 controls and bidirectional overrides are
    escaped too (`json_escaped`), so printing the JSON never drives a terminal.
    """
    import json

    return json_escaped(json.dumps(data, ensure_ascii=False, indent=2))
