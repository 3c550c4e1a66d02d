"""Validation of assessment definitions: plain data (from YAML or JSON) in, an Assessment out.

Every problem is collected, not just the first, and each names the file, the line (where the
YAML reader recorded one), the field and the fix, in Dutch for the content owners who write
the files. This module does no I/O: :mod:`assessments.files` reads the files.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

from .model import Assessment, Band, Dimension, Item, Option, Scale
from .untrusted import shown

#: Ids are used in URLs, HTML ids, form field names and JSON keys.
ID_PATTERN = re.compile(r"^[a-z][a-z0-9-]*$")
MIN_ITEMS_PER_DIMENSION = 3
#: More answer options than this make no sense to a reader, and a huge scale costs memory.
MAX_OPTIONS = 11
DEFAULT_DONT_KNOW = "Weet ik niet / niet van toepassing"
#: How far (in positions, 0-100) an inner band edge must stay from every answer option.
EDGE_DISTANCE = 1.0
#: Two conditions in one item: someone who never met the second cannot answer the first.
TWO_CONDITIONS = re.compile(r"\book\s+als\b", re.IGNORECASE)
#: A period named in a text: "de afgelopen maand", "het afgelopen halfjaar", "afgelopen 3 weken".
PERIOD = re.compile(
    r"\bafgelopen\s+(?:(?:twee|drie|vier|zes|negen|twaalf|\d+)\s+)?"
    r"(?:weken|week|maanden|maand|kwartaal|halfjaar|half\s+jaar|jaar)\b",
    re.IGNORECASE,
)

TOP_LEVEL_KEYS = {
    "id": True,
    "version": True,
    "title": True,
    "page": True,
    "respondent": True,
    "intro": False,
    "scale": True,
    "bands": True,
    "dimensions": True,
    "items": True,
    "team_report": False,
    "mirror_of": False,
    "self_rated": False,
    "time_window": False,
}
SCALE_KEYS = {"min": True, "max": True, "options": True, "dont_know": False}
OPTION_KEYS = {"value": True, "label": True}
BAND_KEYS = {"id": True, "from": True, "to": True, "label": True, "text": True}
DIMENSION_KEYS = {
    "id": True,
    "title": True,
    "description": False,
    "guidance": False,
    "outcome": False,
}
ITEM_KEYS = {
    "id": True,
    "dimension": True,
    "text": True,
    "construct": True,
    "source": True,
    "reverse": False,
}


@dataclass(frozen=True)
class Problem:
    """One thing wrong in a definition file, with what to do about it."""

    file: str
    field: str
    message: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.field}: {self.message}"


class DefinitionError(ValueError):
    """A definition (or a set of them) with problems; ``problems`` lists every one."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__("\n".join(str(problem) for problem in self.problems))


def problems_text(problems: Sequence[Problem]) -> str:
    """Problems as lines for a terminal or a build log, with a count."""
    count = f"{len(problems)} probleem" if len(problems) == 1 else f"{len(problems)} problemen"
    return "\n".join([*(f"  {problem}" for problem in problems), f"({count})"])


def parse_assessment(data: object, file: str = "<definitie>") -> Assessment:
    """Validate one definition and build its :class:`Assessment`; raise DefinitionError if invalid.

    ``data`` is what a YAML or JSON reader returns. Mappings and lists may carry a ``lines``
    attribute (key or index -> line number) for messages that point at a line.
    """
    checker = _Checker(file)
    assessment = checker.assessment(data)
    if checker.problems or assessment is None:
        raise DefinitionError(checker.problems)
    return assessment


def check_catalog(assessments: Iterable[tuple[str, Assessment]]) -> list[Problem]:
    """Problems across files: two definitions with the same id or the same page."""
    assessments = list(assessments)
    problems: list[Problem] = []
    seen_ids: dict[str, str] = {}
    seen_pages: dict[str, str] = {}
    for file, assessment in assessments:
        if assessment.id in seen_ids:
            problems.append(
                Problem(
                    file,
                    "id",
                    f"'{assessment.id}' is al het id van {seen_ids[assessment.id]}; "
                    "geef elke zelftest een eigen id.",
                )
            )
        seen_ids.setdefault(assessment.id, file)
        if assessment.page in seen_pages:
            problems.append(
                Problem(
                    file,
                    "page",
                    f"'{assessment.page}' is al de pagina van {seen_pages[assessment.page]}; "
                    "zet elke zelftest op een eigen pagina.",
                )
            )
        seen_pages.setdefault(assessment.page, file)
    by_id = {assessment.id: assessment for _, assessment in assessments}
    for file, assessment in assessments:
        if assessment.mirror_of is not None:
            problems.extend(_check_mirror(file, assessment, by_id.get(assessment.mirror_of)))
    return problems


def _check_mirror(file: str, mirror: Assessment, mirrored: Assessment | None) -> list[Problem]:
    """A mirror asks the team about what the mirrored test asks a person about themself.

    The leader mirror compares dimension scores of the two tests, so both need the same scale,
    the same dimensions in the same order and, item by item, the same keying.
    """

    def problem(message: str) -> list[Problem]:
        return [Problem(file, "mirror_of", message)]

    if mirrored is None:
        return problem(f"er is geen zelftest met id '{mirror.mirror_of}'; kies een bestaand id.")
    if mirrored.id == mirror.id:
        return problem("een zelftest kan zichzelf niet spiegelen; noem een andere zelftest.")
    if not mirror.team_report:
        return problem(
            "een spiegel wordt door het team ingevuld en samengevoegd; zet 'team_report: true'."
        )
    if (mirror.scale.min, mirror.scale.max) != (mirrored.scale.min, mirrored.scale.max):
        return problem(
            f"de schaal ({mirror.scale.min}-{mirror.scale.max}) moet gelijk zijn aan die van "
            f"'{mirrored.id}' ({mirrored.scale.min}-{mirrored.scale.max})."
        )
    # A trust outcome of the team test (willingness to rely on the manager) has no counterpart
    # in the manager's own test and is not mirrored.
    ours = [d.id for d in mirror.profile_dimensions]
    theirs = [d.id for d in mirrored.profile_dimensions]
    if any(d.outcome for d in mirrored.dimensions):
        return problem(
            f"'{mirrored.id}' heeft een uitkomst ('outcome: true'); een uitkomst hoort bij de "
            "test die het team invult, niet bij de test die gespiegeld wordt."
        )
    if ours != theirs:
        return problem(
            f"de dimensies ({', '.join(ours)}) moeten gelijk zijn aan die van '{mirrored.id}' "
            f"({', '.join(theirs)}), in dezelfde volgorde."
        )
    for dimension in theirs:
        keyed = [item.reverse for item in mirror.items_of(dimension)]
        keyed_there = [item.reverse for item in mirrored.items_of(dimension)]
        if keyed != keyed_there:
            return problem(
                f"dimensie '{dimension}' moet vraag voor vraag overeenkomen met '{mirrored.id}': "
                f"evenveel vragen ({len(keyed)} tegen {len(keyed_there)}), en dezelfde vragen "
                "omgekeerd gescoord."
            )
    problems: list[Problem] = []
    for dimension in theirs:
        pairs = zip(mirrored.items_of(dimension), mirror.items_of(dimension), strict=True)
        for own, team in pairs:
            own_referent, team_referent = referent(own.text, "self"), referent(team.text, "team")
            if own_referent != team_referent:
                problems.append(
                    Problem(
                        file,
                        f"items[{mirror.items.index(team)}].text",
                        f"'{team.id}' gaat over {REFERENT_NAMES[team_referent]}, maar "
                        f"'{own.id}' in '{mirrored.id}' over {REFERENT_NAMES[own_referent]}. "
                        "Laat beide vragen over dezelfde mensen gaan: allebei over het team "
                        "('met het team' / 'met mij en mijn collega's'), of allebei over één "
                        "persoon ('met elk teamlid' / 'met mij').",
                    )
                )
    return problems


#: How the referent rule names what an item is about, in a message.
REFERENT_NAMES = {
    "persoon": "één persoon",
    "team": "het team",
    "geen": "niemand in het bijzonder",
}
#: Words that make an item about the team as a whole, on both sides of a mirror pair.
TEAM_WORDS = ("team", "teamleden", "collega's", "iedereen", "we", "wij", "ons", "mensen")
#: On the manager's own side: words for one team member (the manager is ik, mij, me, mijn).
SELF_PERSON_WORDS = (
    "teamlid", "iemand", "diegene", "die persoon", "een medewerker", "elke medewerker",
    "iedere medewerker",
)  # fmt: skip
#: On the team's side, what a member's phrase stands for: the person rated (no one to count) or
#: the whole team, said in a member's words.
TEAM_SIDE_PHRASES = {
    "mijn leidinggevende": ",",
    "je leidinggevende": ",",
    "mij en mijn collega's": "team",
}
#: On the team's side, after those phrases: a member speaking of themself.
FIRST_PERSON = ("ik", "mij", "me", "mijn")


def referent(text: str, side: str) -> str:
    """Whom an item of a mirror pair is about: "persoon", "team" or "geen".

    A simple word rule (explained in the schema). On the team's side ("team"), the phrases
    "mijn leidinggevende" and "mij en mijn collega's" are taken out first; a first-person word
    left (ik, mij, me, mijn) makes the item about one person, the member. On the manager's own
    side ("self"), ik/mij/me/mijn are the manager; a word for one member (teamlid, iemand, ...)
    makes it about one person. Otherwise a team word (team, collega's, iedereen, we, ...) makes
    it about the team, and an item with neither is about nobody in particular.

    >>> referent("Ik maak met iedereen in het team afspraken.", "self")
    'team'
    >>> referent("Mijn leidinggevende maakt met mij afspraken.", "team")
    'persoon'
    >>> referent("Mijn leidinggevende houdt zich aan afspraken met mij en mijn collega's.", "team")
    'team'
    """
    words = " " + " ".join(re.findall(r"[\w']+", text.casefold())) + " "
    person: tuple[str, ...]
    if side == "team":
        for phrase, meaning in TEAM_SIDE_PHRASES.items():
            words = words.replace(f" {phrase} ", f" {meaning} ")
        person = FIRST_PERSON
    else:
        person = SELF_PERSON_WORDS
    if any(f" {word} " in words for word in person):
        return "persoon"
    if any(f" {word} " in words for word in TEAM_WORDS):
        return "team"
    return "geen"


# ---- Helper functions ----


def _period(text: str) -> str:
    """A period as compared: lower case, single spaces, from "afgelopen" on ("de" left off)."""
    words = " ".join(text.split()).casefold()
    start = words.find("afgelopen")
    return words[start:] if start >= 0 else words


def _line(node: object, key: object = None) -> int | None:
    """The line a YAML reader recorded for a key of a mapping or list, if any."""
    lines: Mapping[object, int] | None = getattr(node, "lines", None)
    if not lines:
        return None
    found = lines.get(key) if key is not None else None
    return found if found is not None else lines.get(None)


def _path(parent: str, key: str | int) -> str:
    """A field path as a content owner reads it: items[3].text."""
    if isinstance(key, int):
        return f"{parent}[{key}]"
    return f"{parent}.{key}" if parent else key


def _number(value: float) -> str:
    """A position as a content owner writes it: 12.5, 50."""
    return f"{value:g}"


class _Checker:
    """Walks one definition, collecting problems and building the model where it can."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.problems: list[Problem] = []

    def add(self, field: str, message: str, node: object = None, key: object = None) -> None:
        """Record one problem at a field."""
        self.problems.append(Problem(self.file, field, message, _line(node, key)))

    # ---- Structure ----

    def mapping(
        self, node: object, field: str, keys: Mapping[str, bool], parent: object, key: object
    ) -> Mapping[str, Any] | None:
        """Check that node is a mapping with only known keys and every required key."""
        if not isinstance(node, Mapping):
            what = "een lijst" if isinstance(node, list) else f"'{shown(node)}'"
            self.add(
                field or "(bestand)",
                f"verwacht velden (sleutel: waarde), maar vond {what}.",
                parent,
                key,
            )
            return None
        for name in node:
            if name not in keys:
                hint = difflib.get_close_matches(str(name)[:80], list(keys), n=1)
                fix = (
                    f"bedoel je '{hint[0]}'?"
                    if hint
                    else f"toegestaan zijn: {', '.join(sorted(keys))}."
                )
                self.add(_path(field, shown(name)), f"onbekend veld; {fix}", node, name)
        for name, required in keys.items():
            if required and name not in node:
                self.add(_path(field, name), "ontbreekt; dit veld is verplicht.", node)
        return node

    def sequence(self, node: Mapping[str, Any], name: str, parent: str) -> list[Any]:
        """A list-valued field, or [] with a problem when it is something else."""
        value = node.get(name)
        if value is None:
            return []
        if not isinstance(value, list) or not value:
            self.add(
                _path(parent, name), "moet een niet-lege lijst zijn (regels met '- ').", node, name
            )
            return []
        return value

    def text(self, node: Mapping[str, Any], name: str, field: str) -> str:
        """A non-empty text field (white space runs made single); "" when absent.

        Whether a field must be present is checked by :meth:`mapping`.
        """
        value = node.get(name)
        if value is None:
            return ""
        if not isinstance(value, str) or not value.strip():
            self.add(
                _path(field, name), "moet een niet-lege tekst zijn; vul de tekst in.", node, name
            )
            return ""
        return " ".join(value.split())

    def identifier(self, node: Mapping[str, Any], field: str) -> str:
        """An id: lower case letters, digits and hyphens, starting with a letter."""
        value = node.get("id")
        if value is None:
            return ""
        if not isinstance(value, str) or not ID_PATTERN.fullmatch(value):
            self.add(
                _path(field, "id"),
                f"'{shown(value)}' is geen geldig id; gebruik kleine letters, cijfers en '-', "
                "beginnend met een letter (bijvoorbeeld 'goede-wil').",
                node,
                "id",
            )
            return ""
        return value

    def integer(self, node: Mapping[str, Any], name: str, field: str) -> int | None:
        """A whole number field."""
        value = node.get(name)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            self.add(_path(field, name), f"'{shown(value)}' is geen geheel getal.", node, name)
            return None
        return value

    def number(self, node: Mapping[str, Any], name: str, field: str) -> float | None:
        """A number field (whole or decimal)."""
        value = node.get(name)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int | float):
            self.add(_path(field, name), f"'{shown(value)}' is geen getal.", node, name)
            return None
        return float(value)

    def each(
        self,
        node: Mapping[str, Any],
        name: str,
        keys: Mapping[str, bool],
        build: Callable[[Mapping[str, Any], str], Any],
        parent: str = "",
    ) -> list[Any]:
        """Check every entry of a list of mappings and build each valid one."""
        entries = self.sequence(node, name, parent)
        built = []
        for index, entry in enumerate(entries):
            field = _path(_path(parent, name), index)
            checked = self.mapping(entry, field, keys, entries, index)
            if checked is not None:
                result = build(checked, field)
                if result is not None:
                    built.append(result)
        return built

    def unique(self, top: Mapping[str, Any], name: str, what: str) -> None:
        """Report ids that occur more than once in one of the definition's lists."""
        entries = top.get(name)
        if not isinstance(entries, list):
            return
        seen: set[object] = set()
        for index, entry in enumerate(entries):
            identifier = entry.get("id") if isinstance(entry, Mapping) else None
            if identifier is None:
                continue
            if identifier in seen:
                article = "elk" if what == "item" else "elke"
                self.add(
                    _path(_path(name, index), "id"),
                    f"{what} '{shown(identifier)}' komt vaker voor; geef {article} {what} een eigen id.",
                    entries,
                    index,
                )
            seen.add(identifier)

    # ---- Parts of a definition ----

    def assessment(self, data: object) -> Assessment | None:
        """The whole definition."""
        top = self.mapping(data, "", TOP_LEVEL_KEYS, None, None)
        if top is None:
            return None
        identifier = self.identifier(top, "")
        version = self.integer(top, "version", "")
        if version is not None and version < 1:
            self.add("version", "moet 1 of hoger zijn.", top, "version")
        title = self.text(top, "title", "")
        page = self.text(top, "page", "")
        if page and not page.endswith(".md"):
            self.add("page", f"'{shown(page)}' moet een .md-bestand onder docs/ zijn.", top, "page")
        respondent = self.text(top, "respondent", "")
        intro = self.text(top, "intro", "")
        scale = self.scale(top)
        bands = self.bands(top)
        dimensions = self.each(top, "dimensions", DIMENSION_KEYS, self.dimension)
        self.unique(top, "dimensions", "dimensie")
        items = self.each(top, "items", ITEM_KEYS, self.item)
        self.unique(top, "items", "item")
        self.item_dimensions(top, dimensions, items)
        team_report = self.flag(
            top,
            "team_report",
            "true als een team zijn uitslagen mag samenvoegen tot een teamrapport",
        )
        self_rated = self.flag(
            top, "self_rated", "true als mensen zichzelf beoordelen, zoals in 'persoonlijk'"
        )
        mirror_of = top.get("mirror_of")
        if mirror_of is not None and (
            not isinstance(mirror_of, str) or not ID_PATTERN.fullmatch(mirror_of)
        ):
            self.add(
                "mirror_of",
                f"'{shown(mirror_of)}' is geen id; noem het id van de zelftest die deze test spiegelt, "
                "bijvoorbeeld 'leiderschap'.",
                top,
                "mirror_of",
            )
        if scale is not None and len(bands) == len(top.get("bands") or []):
            self.band_edges(top, bands, scale)
        time_window = self.time_window(top, intro)
        self.item_wording(top, time_window)
        if dimensions and all(dimension.outcome for dimension in dimensions):
            self.add(
                "dimensions",
                "elke dimensie heeft 'outcome: true'; een uitkomst staat naast het profiel, "
                "dus de zelftest heeft ook dimensies zonder 'outcome' nodig.",
                top,
                "dimensions",
            )
        if self.problems or scale is None or version is None:
            return None
        return Assessment(
            id=identifier,
            version=version,
            title=title,
            page=page,
            respondent=respondent,
            intro=intro,
            scale=scale,
            dimensions=tuple(dimensions),
            items=tuple(items),
            bands=tuple(bands),
            team_report=team_report,
            mirror_of=mirror_of,
            self_rated=self_rated,
            time_window=time_window,
        )

    def time_window(self, top: Mapping[str, Any], intro: str) -> str | None:
        """The one period of the test: it names a period, and the intro states it word for word."""
        if "time_window" not in top:
            return None
        window = self.text(top, "time_window", "")
        if not window:
            return None
        if PERIOD.fullmatch(_period(window)) is None:
            self.add(
                "time_window",
                f"'{shown(window)}' noemt geen periode; schrijf bijvoorbeeld "
                "'de afgelopen drie maanden'.",
                top,
                "time_window",
            )
            return None
        if window.casefold() not in " ".join(intro.split()).casefold():
            self.add(
                "intro",
                f"noem de periode van de test in de inleiding, letterlijk: '{shown(window)}'.",
                top,
                "intro",
            )
        return window

    def item_wording(self, top: Mapping[str, Any], time_window: str | None) -> None:
        """No item holds two conditions ("ook als"), and every period named is the test's one."""
        wanted = _period(time_window) if time_window else None
        for index, entry in enumerate(top.get("items") or []):
            if not isinstance(entry, Mapping) or not isinstance(entry.get("text"), str):
                continue
            text = entry["text"]
            if TWO_CONDITIONS.search(text):
                self.add(
                    f"items[{index}].text",
                    "bevat 'ook als': dat zijn twee vragen in één. Wie de situatie na 'ook als' "
                    "nooit meemaakte, kan niet antwoorden. Vraag naar het gedrag zelf, of maak "
                    "er twee vragen van.",
                    entry,
                    "text",
                )
            for found in PERIOD.finditer(text):
                named = _period(found.group())
                if wanted is None:
                    self.add(
                        f"items[{index}].text",
                        f"noemt een periode ('{shown(found.group())}'). Geef de test één periode: "
                        "zet die in 'time_window' en in de inleiding.",
                        entry,
                        "text",
                    )
                elif named != wanted:
                    self.add(
                        f"items[{index}].text",
                        f"noemt '{shown(found.group())}', maar de periode van deze test is "
                        f"'{shown(time_window)}'. Gebruik in de hele test één periode.",
                        entry,
                        "text",
                    )

    def scale(self, top: Mapping[str, Any]) -> Scale | None:
        """The answer scale: min, max and one option per value from min to max, ascending."""
        node = top.get("scale")
        if node is None:
            return None
        scale = self.mapping(node, "scale", SCALE_KEYS, top, "scale")
        if scale is None:
            return None
        low, high = self.integer(scale, "min", "scale"), self.integer(scale, "max", "scale")
        if low is not None and high is not None and low >= high:
            self.add(
                "scale.max",
                f"max ({shown(high)}) moet groter zijn dan min ({shown(low)}).",
                scale,
                "max",
            )
            return None
        if low is not None and high is not None and high - low + 1 > MAX_OPTIONS:
            self.add(
                "scale.max",
                f"een schaal heeft hoogstens {MAX_OPTIONS} antwoordopties; kies min en max "
                "dichter bij elkaar (bijvoorbeeld 1 en 5).",
                scale,
                "max",
            )
            return None
        before = len(self.problems)
        options = self.each(scale, "options", OPTION_KEYS, self.option, "scale")
        dont_know = self.text(scale, "dont_know", "scale") or DEFAULT_DONT_KNOW
        if low is None or high is None or len(options) != len(scale.get("options") or []):
            return None
        values = [option.value for option in options]
        entries = scale["options"]
        for index, value in enumerate(values):
            if not low <= value <= high:
                self.add(
                    f"scale.options[{index}].value",
                    f"{value} valt buiten de schaal ({low}-{high}).",
                    entries,
                    index,
                )
            elif index and value <= values[index - 1]:
                self.add(
                    f"scale.options[{index}].value",
                    f"{value} volgt op {values[index - 1]}; zet de opties oplopend, "
                    "van laag naar hoog.",
                    entries,
                    index,
                )
        if len(self.problems) > before:
            return None
        if values != list(range(low, high + 1)):
            missing = sorted(set(range(low, high + 1)) - set(values))
            self.add(
                "scale.options",
                f"geef elke waarde van {low} tot en met {high} een optie; "
                f"ontbreekt: {', '.join(map(str, missing))}.",
                scale,
                "options",
            )
            return None
        return Scale(min=low, max=high, options=tuple(options), dont_know=dont_know)

    def option(self, node: Mapping[str, Any], field: str) -> Option | None:
        """One answer option."""
        value = self.integer(node, "value", field)
        label = self.text(node, "label", field)
        return Option(value, label) if value is not None and label else None

    def bands(self, top: Mapping[str, Any]) -> list[Band]:
        """The bands: together they must cover 0-100 without gaps or overlaps."""
        bands = self.each(top, "bands", BAND_KEYS, self.band)
        self.unique(top, "bands", "band")
        if not bands or len(bands) != len(top.get("bands") or []):
            return bands
        node = top["bands"]
        if bands[0].lower != 0:
            self.add("bands[0].from", "de eerste band moet bij 0 beginnen.", node, 0)
        if bands[-1].upper != 100:
            self.add(f"bands[{len(bands) - 1}].to", "de laatste band moet bij 100 eindigen.", node)
        for index in range(1, len(bands)):
            previous, band = bands[index - 1], bands[index]
            if band.lower > previous.upper:
                self.add(
                    f"bands[{index}].from",
                    f"tussen {previous.upper:g} en {band.lower:g} valt geen band; laat deze band "
                    f"bij {previous.upper:g} beginnen.",
                    node,
                    index,
                )
            elif band.lower < previous.upper:
                self.add(
                    f"bands[{index}].from",
                    f"overlapt met band '{previous.id}' (tot {previous.upper:g}); laat deze band "
                    f"bij {previous.upper:g} beginnen.",
                    node,
                    index,
                )
        return bands

    def band_edges(self, top: Mapping[str, Any], bands: Sequence[Band], scale: Scale) -> None:
        """Every inner band edge lies between two answer options, at least 1 point from each.

        A mean exactly on an option then falls inside the band that names it: all "neutraal"
        is neutral, never "eerder eens" (CONTENT.md).
        """
        positions = [
            100 * (option.value - scale.min) / (scale.max - scale.min) for option in scale.options
        ]
        between = ", ".join(_number((low + high) / 2) for low, high in pairwise(positions))
        for index, band in enumerate(bands[1:], start=1):
            near = [
                option
                for option, position in zip(scale.options, positions, strict=True)
                if abs(band.lower - position) < EDGE_DISTANCE
            ]
            if near:
                self.add(
                    f"bands[{index}].from",
                    f"{_number(band.lower)} ligt op (of vlakbij) antwoord {near[0].value} "
                    f"('{shown(near[0].label)}'). Leg een bandgrens tussen twee antwoorden, "
                    f"zodat een gemiddelde precies op een antwoord in de band valt die het noemt: "
                    f"kies uit {between}.",
                    top["bands"],
                    index,
                )

    def flag(self, top: Mapping[str, Any], key: str, meaning: str) -> bool:
        """An optional true/false field of the definition (false when absent)."""
        value = top.get(key, False)
        if not isinstance(value, bool):
            self.add(key, f"'{shown(value)}' moet true of false zijn: {meaning}.", top, key)
            return False
        return value

    def band(self, node: Mapping[str, Any], field: str) -> Band | None:
        """One band: from (inclusive) to (exclusive, except 100)."""
        identifier = self.identifier(node, field)
        lower, upper = self.number(node, "from", field), self.number(node, "to", field)
        label, text = self.text(node, "label", field), self.text(node, "text", field)
        if lower is None or upper is None:
            return None
        if not 0 <= lower < upper <= 100:
            self.add(
                _path(field, "to"),
                f"een band loopt van 'from' naar een hogere 'to', binnen 0-100 "
                f"(nu {lower:g}-{upper:g}).",
                node,
                "to",
            )
            return None
        return Band(identifier, lower, upper, label, text)

    def dimension(self, node: Mapping[str, Any], field: str) -> Dimension | None:
        """One dimension."""
        identifier = self.identifier(node, field)
        title = self.text(node, "title", field)
        description = self.text(node, "description", field)
        guidance = node.get("guidance", [])
        if not isinstance(guidance, list) or not all(
            isinstance(path, str) and path.endswith(".md") for path in guidance
        ):
            self.add(
                _path(field, "guidance"),
                "moet een lijst van pagina's onder docs/ zijn, zoals "
                "'onderling-vertrouwen/ruimte-voor-fouten.md'.",
                node,
                "guidance",
            )
            return None
        outcome = node.get("outcome", False)
        if not isinstance(outcome, bool):
            self.add(
                _path(field, "outcome"),
                f"'{shown(outcome)}' moet true of false zijn: true voor een uitkomst (vertrouwen "
                "zelf), die naast het profiel staat en niet meetelt in het totaal.",
                node,
                "outcome",
            )
            return None
        if not identifier or not title:
            return None
        return Dimension(identifier, title, description, tuple(guidance), outcome)

    def item(self, node: Mapping[str, Any], field: str) -> Item | None:
        """One item: its text, dimension, construct, source and keying."""
        identifier = self.identifier(node, field)
        dimension = node.get("dimension")
        text = self.text(node, "text", field)
        construct = self.text(node, "construct", field)
        source = self.text(node, "source", field)
        reverse = node.get("reverse", False)
        if not isinstance(reverse, bool):
            self.add(
                _path(field, "reverse"),
                f"'{shown(reverse)}' moet true of false zijn.",
                node,
                "reverse",
            )
            return None
        if not identifier or not isinstance(dimension, str):
            return None
        return Item(identifier, dimension, text, construct, source, reverse)

    def item_dimensions(
        self, top: Mapping[str, Any], dimensions: list[Dimension], items: list[Item]
    ) -> None:
        """Each item names a known dimension; each dimension has enough items and one reversal at most."""
        known = list(dict.fromkeys(dimension.id for dimension in dimensions))
        entries = top.get("items") or []
        for index, entry in enumerate(entries):
            if not isinstance(entry, Mapping) or "dimension" not in entry:
                continue
            name = entry["dimension"]
            if name not in known:
                hint = difflib.get_close_matches(str(name)[:80], known, n=1)
                fix = f"bedoel je '{hint[0]}'?" if hint else f"kies uit: {', '.join(known)}."
                self.add(
                    f"items[{index}].dimension",
                    f"onbekende dimensie '{shown(name)}'; {fix}",
                    entry,
                    "dimension",
                )
        for dimension in dimensions:
            own = [item for item in items if item.dimension == dimension.id]
            if len(own) < MIN_ITEMS_PER_DIMENSION:
                self.add(
                    f"dimensions[{known.index(dimension.id)}]",
                    f"dimensie '{dimension.id}' heeft {len(own)} item(s); geef elke dimensie "
                    f"minstens {MIN_ITEMS_PER_DIMENSION} items.",
                    top.get("dimensions"),
                    known.index(dimension.id),
                )
            reversed_items = [item.id for item in own if item.reverse]
            if len(reversed_items) > 1:
                self.add(
                    f"dimensions[{known.index(dimension.id)}]",
                    f"dimensie '{dimension.id}' heeft {len(reversed_items)} omgekeerde items "
                    f"({', '.join(reversed_items)}); maak er hoogstens één omgekeerd.",
                    top.get("dimensions"),
                    known.index(dimension.id),
                )
