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

#: The largest file of this site's own making: a history of 100 results, a team report. (A single
#: result file has a lower limit of its own, assessments.resultfiles.MAX_RESULT_BYTES.)
MAX_FILE_BYTES = 1_000_000
#: A result document nests four levels deep (document, dimensions, dimension, band).
MAX_DEPTH = 16
#: Field names in one document, and in one object of it. A history of 100 results has about
#: 20,000; no object of this site's files has more than a few hundred. The caps bound the work
#: of a file made to collide in Python's dicts: the snapshot every reader starts from fixes
#: Python's string-hash seed, so such collisions could be prepared in advance.
MAX_KEYS = 30_000
MAX_OBJECT_KEYS = 500
#: How many characters of a file's own text a message may repeat.
ECHO_LIMIT = 80
#: A JSON string (brackets inside it do not nest), or one never closed: up to the end of the
#: text. It matches wherever a quote starts, so that no text takes quadratic time.
_STRING = re.compile(r'"[^"\\]*(?:\\[\s\S][^"\\]*)*(?:"|\\?\Z)')
_NOT_A_BRACKET = re.compile(r"[^\[\]{}]+")
_NESTING_STEP = {"[": 1, "{": 1, "]": -1, "}": -1}


class UntrustedInput(ValueError):
    """A file that cannot be read as what it claims to be; the message is Dutch and bounded."""


def parse_json(data: bytes, max_bytes: int = MAX_FILE_BYTES, max_keys: int = MAX_KEYS) -> Any:
    """Parse JSON from untrusted bytes: at most ``max_bytes``, UTF-8, strict.

    Rejects duplicate keys (which value would count?), more than ``max_keys`` field names in
    all or :data:`MAX_OBJECT_KEYS` in one object, NaN and Infinity, numbers too long to read
    and nesting deeper than :data:`MAX_DEPTH`.

    >>> parse_json(b'{"a": [1, 2.5, null]}')
    {'a': [1, 2.5, None]}
    >>> parse_json(b'{"a": 1, "a": 2}')
    Traceback (most recent call last):
    ...
    assessments.untrusted.UntrustedInput: bevat het veld 'a' twee keer.
    >>> parse_json(b'[{"a": 1}, {"b": 2}, {"c": 3}]', max_keys=2)
    Traceback (most recent call last):
    ...
    assessments.untrusted.UntrustedInput: bevat meer dan 2 veldnamen; zoveel heeft een bestand van deze site er nooit.
    """
    if len(data) > max_bytes:
        raise UntrustedInput(
            f"is groter dan {size_text(max_bytes)}; zo groot is een bestand van deze site nooit "
            "(een uitslag is een paar kB)."
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
    counted = [0]

    def unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        counted[0] += len(pairs)
        if len(pairs) > MAX_OBJECT_KEYS:
            raise ValueError(
                f"bevat een groep van meer dan {MAX_OBJECT_KEYS} veldnamen; zoveel heeft een "
                "bestand van deze site er nooit."
            )
        if counted[0] > max_keys:
            raise ValueError(
                f"bevat meer dan {max_keys} veldnamen; zoveel heeft een bestand van deze site "
                "er nooit."
            )
        return _unique_keys(pairs)

    try:
        value = json.loads(text, object_pairs_hook=unique_keys, parse_constant=_no_constant)
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


def size_text(size: int) -> str:
    """A byte limit as a reader says it.

    >>> size_text(1_000_000), size_text(64_000), size_text(4_000_000)
    ('1 MB', '64 kB', '4 MB')
    """
    return f"{size // 1_000_000} MB" if size % 1_000_000 == 0 else f"{size // 1000} kB"


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
