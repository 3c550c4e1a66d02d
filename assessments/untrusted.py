"""Reading files that someone else made: bounded in size and depth, strict JSON, safe to echo.

Result files reach the engine from other people (a team report collects them by mail or from a
shared folder), so they are hostile until checked. Every failure is an :class:`UntrustedInput`
with one Dutch sentence; no value from the file is echoed beyond :data:`ECHO_LIMIT` characters.
"""

from __future__ import annotations

import json
import re
from itertools import accumulate
from typing import Any

#: A result file is a few kilobytes; a megabyte leaves room and keeps 200 files in memory.
MAX_FILE_BYTES = 1_000_000
#: A result document nests four levels deep (document, dimensions, dimension, band).
MAX_DEPTH = 16
#: How many characters of a file's own text a message may repeat.
ECHO_LIMIT = 80
#: A JSON string (brackets inside it do not nest), or one never closed: up to the end of the
#: text. It matches wherever a quote starts, so that no text takes quadratic time.
_STRING = re.compile(r'"[^"\\]*(?:\\[\s\S][^"\\]*)*(?:"|\\?\Z)')
_NOT_A_BRACKET = re.compile(r"[^\[\]{}]+")
_NESTING_STEP = {"[": 1, "{": 1, "]": -1, "}": -1}


class UntrustedInput(ValueError):
    """A file that cannot be read as what it claims to be; the message is Dutch and bounded."""


def parse_json(data: bytes) -> Any:
    """Parse JSON from untrusted bytes: at most :data:`MAX_FILE_BYTES`, UTF-8, strict.

    Rejects duplicate keys (which value would count?), NaN and Infinity, numbers too long to
    read and nesting deeper than :data:`MAX_DEPTH`.

    >>> parse_json(b'{"a": [1, 2.5, null]}')
    {'a': [1, 2.5, None]}
    >>> parse_json(b'{"a": 1, "a": 2}')
    Traceback (most recent call last):
    ...
    assessments.untrusted.UntrustedInput: bevat het veld 'a' twee keer.
    """
    if len(data) > MAX_FILE_BYTES:
        raise UntrustedInput(
            f"is groter dan {MAX_FILE_BYTES // 1_000_000} MB; een uitslagbestand is maar een "
            "paar kB."
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise UntrustedInput("is geen tekstbestand (geen UTF-8).") from None
    # Measured before parsing: Python's JSON reader recurses once per level, and in Pyodide a
    # file nested some thousands deep overflows the JavaScript stack, a fatal error that ends
    # the runtime, before Python's own RecursionError can fire.
    if _nests_too_deep(text):
        raise UntrustedInput(_too_deep())
    try:
        value = json.loads(text, object_pairs_hook=_unique_keys, parse_constant=_no_constant)
    except RecursionError:
        raise UntrustedInput(_too_deep()) from None
    except json.JSONDecodeError as error:
        raise UntrustedInput(f"is geen geldige JSON (regel {error.lineno}).") from None
    except ValueError as error:  # from the hooks below, or a number with too many digits
        message = str(error)
        raise UntrustedInput(
            message if message.startswith("bevat ") else "bevat een getal dat te lang is."
        ) from None
    return value


def shown(value: object, limit: int = ECHO_LIMIT) -> str:
    """A value from a file as safe text for a message: cut to ``limit``, control characters escaped.

    The faces still escape it for their medium (HTML); this keeps a terminal and a log line safe
    and short.

    >>> shown("naam\\x1b[31m")
    'naam\\\\x1b[31m'
    >>> len(shown("x" * 500))
    81
    """
    text = value if isinstance(value, str) else repr(value)
    if len(text) > limit:
        text = text[:limit] + "…"
    return "".join(char if char.isprintable() else repr(char)[1:-1] for char in text)


def base_name(path: str) -> str:
    """A file's name without its folders, whichever separator the system used.

    >>> base_name("C:\\\\Users\\\\an\\\\team.json"), base_name("/tmp/a/b.json"), base_name("c.json")
    ('team.json', 'b.json', 'c.json')
    """
    return path.replace("\\", "/").rsplit("/", 1)[-1]


# ---- Helper functions ----


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """An object whose keys are all different."""
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise ValueError(f"bevat het veld '{shown(key, 40)}' twee keer.")
        result[key] = value
    return result


def _no_constant(name: str) -> None:
    """NaN and Infinity are no JSON; Python's reader would accept them."""
    raise ValueError(f"bevat '{name}', wat geen getal is in JSON.")


def _nests_too_deep(text: str) -> bool:
    """Whether lists and objects in JSON text nest deeper than :data:`MAX_DEPTH`, without parsing.

    >>> _nests_too_deep('{"a": "[[[[[[[[[[[[[[[[[["}'), _nests_too_deep("[" * 17 + "]" * 17)
    (False, True)
    """
    brackets = _NOT_A_BRACKET.sub("", _STRING.sub("", text))
    # Regular expressions and the running sum work in C: a megabyte takes a fraction of a second.
    return max(accumulate(map(_NESTING_STEP.__getitem__, brackets)), default=0) > MAX_DEPTH


def _too_deep() -> str:
    return f"is dieper genest dan een uitslagbestand ooit is (meer dan {MAX_DEPTH} lagen)."
