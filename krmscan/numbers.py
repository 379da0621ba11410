"""Numbers as a reader sees them, in the questionnaire's language: ``57,1`` in Dutch.

One rule for the terminal (`krmscan.render`) and the report: rounded half up on the
decimal value (62.5 shows as 63, not 62), the catalogue's decimal mark.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from krmscan.messages import Messages


def number(value: float, messages: Messages, digits: int = 1) -> str:
    """``value`` with ``digits`` decimals, rounded half up, with the catalogue's decimal mark."""
    exact = Decimal(repr(float(value))).quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP)
    text = f"{exact:.{digits}f}"
    if text.startswith("-") and not text.strip("-0."):
        text = text[1:]  # -0.04 is 0.0, not -0.0
    return text.replace(".", messages.decimal_mark)


def signed(value: float, messages: Messages, digits: int = 1) -> str:
    """`number` with its sign (``+4,2``, ``-1,0``); a value that rounds to zero has none."""
    text = number(value, messages, digits)
    if value > 0 and text.strip("0,."):
        return "+" + text
    return text


def trimmed(value: float, messages: Messages, digits: int = 1) -> str:
    """`number` without decimals when ``value`` is whole: ``3``, or ``2,5`` between levels."""
    return number(value, messages, 0 if float(value).is_integer() else digits)
