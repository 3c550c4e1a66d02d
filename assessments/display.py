"""Numbers and dates as a Dutch reader sees them: the engine rounds, so every face shows the same.

A face (the pages, the CLI, a spreadsheet) never rounds a figure itself: it shows these texts.
Halves are rounded up, as people round by hand, from the number as it is written (3.15 gives
3,2), not from its binary approximation.
"""

from __future__ import annotations

import math
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

MONTHS = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)


def shown_position(score: float) -> int:
    """A position (0-100) as the pages show it: a whole number, a half rounded up.

    >>> shown_position(62.5), shown_position(37.5), shown_position(12.4)
    (63, 38, 12)
    """
    return math.floor(score + 0.5)


def position_text(score: float | None) -> str | None:
    """:func:`shown_position` as text; None stays None (a dimension without a score).

    >>> position_text(54.99), position_text(None)
    ('55', None)
    """
    return None if score is None else str(shown_position(score))


def decimal_text(value: float | None, places: int = 1) -> str | None:
    """A number with a fixed number of decimals and a decimal comma, halves rounded up.

    >>> decimal_text(3.15), decimal_text(3.0), decimal_text(62.5), decimal_text(-0.25, 1)
    ('3,2', '3,0', '62,5', '-0,3')
    >>> decimal_text(None) is None
    True
    """
    if value is None:
        return None
    step = Decimal(1).scaleb(-places)
    rounded = Decimal(repr(value)).quantize(step, rounding=ROUND_HALF_UP)
    return f"{rounded:f}".replace(".", ",")


def signed_text(value: int) -> str:
    """A whole-number difference with its sign, as a page shows it.

    >>> signed_text(13), signed_text(-4), signed_text(0)
    ('+13', '-4', '0')
    """
    return f"+{value}" if value > 0 else str(value)


def signed_decimal_text(value: float | None, places: int = 1) -> str | None:
    """:func:`decimal_text` with a plus sign before a positive number.

    >>> signed_decimal_text(1.25), signed_decimal_text(-1.2), signed_decimal_text(0.04)
    ('+1,3', '-1,2', '0,0')
    """
    text = decimal_text(value, places)
    if text is None or text.startswith("-") or text.strip("0,") == "":
        return text
    return "+" + text


def date_text(day: date) -> str:
    """A date as Dutch text, the way a letter writes it.

    >>> date_text(date(2026, 11, 26)), date_text(date(2027, 3, 1))
    ('26 november 2026', '1 maart 2027')
    """
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def short_date_text(day: date) -> str:
    """A date in numbers, the Dutch way (dd-mm-jjjj), for a table column.

    >>> short_date_text(date(2026, 12, 7)), short_date_text(date(2027, 11, 26))
    ('07-12-2026', '26-11-2027')
    """
    return f"{day.day:02d}-{day.month:02d}-{day.year}"
