"""Numbers as a reader sees them, in the questionnaire's language: ``57,1`` in Dutch.

One rule for the terminal (`krmscan.render`) and the report: rounded half up on the
decimal value (62.5 shows as 63, not 62), the catalogue's decimal mark. A number shown next
to a judgement (a level, behind the ambition, a flagged alpha) never rounds onto or across
the edge it is judged against (`judged`): 49.95 below a band starting at 50 shows as 49,9.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from krmscan.messages import Messages
    from krmscan.questionnaire import Band


def number(value: float, messages: Messages, digits: int = 1) -> str:
    """``value`` with ``digits`` decimals, rounded half up, with the catalogue's decimal mark."""
    return _text(_rounded(value, digits, ROUND_HALF_UP), digits, messages)


def judged(value: float, edges: Iterable[float], messages: Messages, digits: int = 1) -> str:
    """`number`, rounded toward the side of each of ``edges`` that ``value`` lies on.

    A value below an edge shows below it (0.597 against 0.6 as ``0,59``), one above it shows
    above it (a gap of 0.04 against 0 as ``0,1``); a value on an edge shows as `number`.
    """
    shown = _rounded(value, digits, ROUND_HALF_UP)
    exact = Decimal(repr(float(value)))
    for edge in (Decimal(repr(float(edge))) for edge in edges):
        if exact < edge <= shown:
            shown = _rounded(value, digits, ROUND_FLOOR)
        elif shown <= edge < exact:
            shown = _rounded(value, digits, ROUND_CEILING)
    return _text(shown, digits, messages)


def score(value: float, bands: Iterable[Band], messages: Messages) -> str:
    """A score percentage as `judged` against the levels' band edges."""
    return judged(value, (band.from_pct for band in bands), messages)


def to_go(points: float, messages: Messages) -> str:
    """Percentage points still to go, as `judged` against 0 (never ``0,0`` when some are)."""
    return judged(points, (0,), messages)


def signed(value: float, messages: Messages, digits: int = 1) -> str:
    """`number` with its sign (``+4,2``, ``-1,0``); a value that rounds to zero has none."""
    text = number(value, messages, digits)
    if value > 0 and text.strip("0,."):
        return "+" + text
    return text


def trimmed(value: float, messages: Messages, digits: int = 1) -> str:
    """`number` without decimals when ``value`` is whole: ``3``, or ``2,5`` between levels."""
    return number(value, messages, 0 if float(value).is_integer() else digits)


def _rounded(value: float, digits: int, rounding: str) -> Decimal:
    return Decimal(repr(float(value))).quantize(Decimal(1).scaleb(-digits), rounding=rounding)


def _text(shown: Decimal, digits: int, messages: Messages) -> str:
    text = f"{shown:.{digits}f}"
    if text.startswith("-") and not text.strip("-0."):
        text = text[1:]  # -0.04 is 0.0, not -0.0
    return text.replace(".", messages.decimal_mark)
