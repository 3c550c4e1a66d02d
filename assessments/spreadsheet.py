"""Results, team reports, mirrors and overviews as CSV: Dutch conventions, no formula cells.

Semicolons and decimal commas, as Dutch Excel expects; a byte order mark so that Excel reads
UTF-8 (accents in titles). A result has one decimal for every figure and its date in the first
column; the team documents give positions with one decimal and other figures with two. The
pages download exactly these bytes: no face writes CSV of its own.

One rule against CSV injection (OWASP): text that comes from a definition or a file could start
like a formula (``=HYPERLINK(...)``): such a cell gets a leading apostrophe, so a spreadsheet
shows it as text. A number the engine wrote (:class:`Figure`, or an int) is never changed, so a
difference of -12,5 stays a number.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from .display import decimal_text
from .model import Assessment

#: The first characters that make a spreadsheet read a cell as a formula (or a command).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

RESULT_COLUMNS = (
    "datum",
    "zelftest",
    "versie",
    "dimensie_id",
    "dimensie",
    "gemiddelde",
    "positie_0_100",
    "band",
    "beantwoord",
    "vragen",
    "weet_ik_niet",
)
#: What the band column says for a dimension (or total) without a score.
NOT_SCORED = "te weinig antwoorden"
TOTAL_ROW = ("totaal", "Totaal")


def result_csv(document: Mapping[str, Any]) -> str:
    """A result document (:func:`~assessments.documents.result_document`) as CSV text.

    One row per dimension and a total row.
    """
    created, assessment, version = document["created"], document["assessment"], document["version"]
    rows: list[list[object]] = [list(RESULT_COLUMNS)]
    for dimension in document["dimensions"]:
        rows.append(
            [
                created,
                assessment,
                version,
                dimension["id"],
                dimension["title"],
                *_figures(dimension),
                dimension["answered"],
                dimension["items"],
                dimension["dont_know"],
            ]
        )
    totals = document["totals"]
    rows.append(
        [
            created,
            assessment,
            version,
            *TOTAL_ROW,
            *_figures(document["overall"]),
            totals["answered"],
            totals["items"],
            totals["dont_know"],
        ]
    )
    return "\ufeff" + csv_text(rows)


TEAM_COLUMNS = (
    "soort",
    "zelftest",
    "versie",
    "id",
    "titel",
    "dimensie",
    "n",
    "gemiddelde",
    "sd",
    "marge_laag",
    "marge_hoog",
    "positie_0_100",
    "band",
    "overeenstemming",
    "overeenstemming_per_vraag",
    "rwg_j",
    "alfa",
    "alfa_n",
    "weet_ik_niet",
)
GROUP_COLUMNS = {"onder": "onder_midden", "midden": "midden", "boven": "boven_midden"}
MIRROR_COLUMNS = (
    "soort",
    "id",
    "titel",
    "dimensie",
    "eenheid",
    "eigen",
    "team",
    "verschil",
    "marge_team_laag",
    "marge_team_hoog",
    "n_team",
    "weet_ik_niet_team",
    "duiding",
)
OVERVIEW_COLUMNS = (
    "soort",
    "zelftest",
    "versie",
    "dimensie_id",
    "dimensie",
    "team",
    "n",
    "gemiddelde",
    "sd",
    "marge_laag",
    "marge_hoog",
    "positie_0_100",
    "band",
    "icc1",
)
#: What a withheld team figure says (fewer than five respondents).
TOO_FEW_PEOPLE = "te weinig respondenten"
GAP_WORDS = {"blinde-vlek": "blinde vlek", "verborgen-kracht": "verborgen kracht", None: ""}


def band_cell(scored: Mapping[str, Any] | None, missing: str) -> str:
    """The band column: its label, with the boundary said when the figure lies on an edge."""
    if not scored or scored.get("band") is None:
        return missing
    boundary = scored.get("boundary")
    label = scored["band"]["label"]
    return f"{label} ({boundary['text']})" if boundary else label


class Figure(str):
    """A number the engine wrote as text (decimal comma): a cell that is never neutralised."""


def figure(value: float | None, places: int = 2) -> Figure | None:
    """A figure with a fixed number of decimals, or None (an empty cell)."""
    text = decimal_text(value, places)
    return None if text is None else Figure(text)


def team_csv(report: Mapping[str, Any], assessment: Assessment) -> str:
    """A team report (:func:`~assessments.team.team_report`) as CSV text.

    One row per dimension, a total row, one row per item (counts per answer from eight answers,
    three groups from five), and one row per file left out, likely the same, or replaced.
    """
    values = [option.value for option in assessment.scale.options]
    texts = {item.id: item.text for item in assessment.items}
    rows: list[list[object]] = [
        [*TEAM_COLUMNS, *(f"antwoord_{value}" for value in values), *GROUP_COLUMNS.values()]
    ]
    width = len(rows[0])

    def row(kind: str, *cells: object) -> list[object]:
        line = [kind, report["assessment"], report["version"], *cells]
        return line + [None] * (width - len(line))

    for d in report["dimensions"]:
        ci = d["ci"] or {}
        rows.append(
            row(
                # A trust outcome is reported beside the profile, not in the total.
                "uitkomst" if d.get("outcome") else "dimensie",
                d["id"],
                d["title"],
                d["id"],
                d["n"],
                figure(d["mean"]),
                figure(d["sd"]),
                figure(ci.get("low")),
                figure(ci.get("high")),
                figure(d["score"], 1),
                band_cell(d, TOO_FEW_PEOPLE),
                d["agreement"],
                figure(d["rwg_items"]),
                figure(d["rwg"]),
                figure(d["alpha"]),
                d["alpha_n"],
            )
        )
    overall = report["overall"] or {}
    rows.append(
        row(
            "totaal",
            "totaal",
            "Totaal",
            None,
            report["respondents"],
            figure(overall.get("mean")),
            None,
            None,
            None,
            figure(overall.get("score"), 1),
            band_cell(overall, TOO_FEW_PEOPLE),
        )
    )
    for item in report["items"]:
        counts = [None] * len(values)
        if item["counts"] is not None:
            counts = [item["counts"][str(value)] for value in values]
        groups = dict.fromkeys(GROUP_COLUMNS)
        for group in item["groups"] or []:
            groups[group["id"]] = group["count"]
        line = row(
            "vraag",
            item["id"],
            texts.get(item["id"], item["id"]),
            item["dimension"],
            item["n"],
            figure(item["mean"]),
            figure(item["sd"]),
            *[None] * 9,
            item["dont_know"],
        )
        line[len(TEAM_COLUMNS) :] = [*counts, *groups.values()]
        rows.append(line)
    for entry in report["left_out"]:
        rows.append(row("niet meegeteld", entry["file"], entry["reason"]))
    for files in report["likely_same"]:
        rows.append(row("waarschijnlijk dezelfde uitslag", None, ", ".join(files)))
    for replaced in report["replaces"]:
        rows.append(row("vervangt", None, replaced["source"]))
    return "\ufeff" + csv_text(rows)


def mirror_csv(mirror: Mapping[str, Any]) -> str:
    """A leader mirror (:func:`~assessments.team.mirror_report`) as CSV text: one row per
    dimension (positions 0-100) and one per mirrored item (answers on the scale)."""
    rows: list[list[object]] = [list(MIRROR_COLUMNS)]
    for d in mirror["dimensions"]:
        ci = d["team_ci"] or {}
        reading = "" if d["meaningful"] is None else ("telt" if d["meaningful"] else "dichtbij")
        rows.append(
            [
                "dimensie",
                d["id"],
                d["title"],
                d["id"],
                "positie_0_100",
                figure(d["self"], 1),
                figure(d["team"], 1),
                figure(d["difference"], 1),
                figure(ci.get("low_score"), 1),
                figure(ci.get("high_score"), 1),
                None,
                None,
                reading,
            ]
        )
    for item in mirror["items"]:
        team = item["team"]
        rows.append(
            [
                "vraag",
                item["id"],
                item["self_item"],
                item["dimension"],
                "schaalpunten",
                item["own"],
                figure(team["mean"]),
                figure(item["difference"]),
                None,
                None,
                team["n"],
                team["dont_know"],
                GAP_WORDS[item["gap"]],
            ]
        )
    return "\ufeff" + csv_text(rows)


def overview_csv(overview: Mapping[str, Any]) -> str:
    """A department overview (:func:`~assessments.overview.department_overview`) as CSV text:
    per dimension a row per team, the pooled row, and the teams left out of it."""
    rows: list[list[object]] = [list(OVERVIEW_COLUMNS)]
    base = [overview["assessment"], overview["version"]]
    for d in overview["dimensions"]:
        for team in d["teams"]:
            ci = team["ci"]
            rows.append(
                [
                    "team",
                    *base,
                    d["id"],
                    d["title"],
                    team["file"],
                    team["n"],
                    figure(team["mean"]),
                    figure(team["sd"]),
                    figure(ci["low"]),
                    figure(ci["high"]),
                    figure(team["score"], 1),
                    band_cell(team, TOO_FEW_PEOPLE),
                    None,
                ]
            )
        rows.append(
            [
                "afdeling",
                *base,
                d["id"],
                d["title"],
                "alle teams",
                d["n"],
                figure(d["mean"]),
                figure(d["sd"]),
                None,
                None,
                figure(d["score"], 1),
                band_cell(d, "te weinig teams"),
                figure(d["icc1"], 3),
            ]
        )
        for file in d["withheld"]:
            rows.append(
                [
                    "niet in dit onderwerp",
                    *base,
                    d["id"],
                    d["title"],
                    file,
                    None,
                    None,
                    None,
                    None,
                    None,
                    None,
                    TOO_FEW_PEOPLE,
                    None,
                ]
            )
    for entry in overview["left_out"]:
        rows.append(["niet meegeteld", *base, None, entry["reason"], entry["file"], *[None] * 7])
    return "\ufeff" + csv_text(rows)


def csv_text(rows: Iterable[Iterable[object]]) -> str:
    """Rows as CSV: semicolons, CRLF line ends, every cell through :func:`csv_cell`."""
    return "".join(";".join(csv_cell(cell) for cell in row) + "\r\n" for row in rows)


def csv_cell(value: object) -> str:
    """One cell: neutralised when it starts like a formula, quoted when it holds ; " or a line end.

    Text is neutralised; a figure the engine wrote (:class:`Figure`, an int) is not.

    >>> csv_cell("=1+1"), csv_cell("-3"), csv_cell("a;b"), csv_cell(None), csv_cell(4)
    ("'=1+1", "'-3", '"a;b"', '', '4')
    >>> csv_cell(Figure("-12,5")), csv_cell(-3)
    ('-12,5', '-3')
    """
    if value is None:
        return ""
    text = str(value)
    if text.startswith(FORMULA_STARTS) and not isinstance(value, Figure | int):
        text = "'" + text
    if any(sign in text for sign in ';"\r\n'):
        text = '"' + text.replace('"', '""') + '"'
    return text


# ---- Helper functions ----


def _figures(scored: Mapping[str, Any] | None) -> list[object]:
    """Mean, position and band label; empty figures and "te weinig antwoorden" without a score."""
    if scored is None or scored.get("mean") is None:
        return ["", "", NOT_SCORED]
    return [
        decimal_text(scored["mean"]),
        decimal_text(scored["score"]),
        band_cell(scored, NOT_SCORED),
    ]
