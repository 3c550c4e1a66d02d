"""Reading definition files from disk: YAML with line numbers, UTF-8 only, every problem reported.

This is the one module of the package that does I/O and needs PyYAML; the engine itself
(model, definitions, scoring, documents) stays standard-library only for Pyodide.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from .definitions import (
    DefinitionError,
    Problem,
    check_catalog,
    parse_assessment,
)
from .model import Assessment
from .untrusted import shown
from .versions import check_version, fingerprint

#: The project's own definitions, shipped inside the package.
DEFINITIONS_DIR = Path(__file__).parent / "definitions"
#: Beside the definitions: the fingerprint of each released version (`python -m assessments
#: release` writes it). A directory without this file has no released versions.
RELEASES_FILE = "releases.json"
RELEASES_FORMAT = "vertrouwenswijzer-uitgaven"
#: The largest definition file read: the project's are about 15 kB.
MAX_DEFINITION_BYTES = 1_000_000

Releases = dict[str, dict[int, str]]


class LocatedDict(dict[Any, Any]):
    """A mapping that remembers the line of each key (and its own, under None)."""

    lines: dict[object, int]


class LocatedList(list[Any]):
    """A list that remembers the line of each entry (and its own, under None)."""

    lines: dict[object, int]


def definition_files(directory: Path = DEFINITIONS_DIR) -> list[Path]:
    """The definition files of a directory, in name order."""
    return sorted(directory.glob("*.yaml"))


def load_file(path: Path) -> Assessment:
    """Read and validate one definition file; raise DefinitionError naming every problem."""
    return _load(path)[0]


def load_all(paths: Iterable[Path] | None = None) -> list[Assessment]:
    """Read and validate several files (default: the project's), with cross-file checks.

    Also checks each version against the released versions recorded beside the file.
    Raises one DefinitionError listing the problems of every file.
    """
    problems: list[Problem] = []
    loaded: list[tuple[str, Assessment]] = []
    # One read per directory; a broken file is one more problem, not the end of the report.
    releases: dict[Path, Releases] = {}
    for path in definition_files() if paths is None else paths:
        if path.parent not in releases:
            try:
                releases[path.parent] = read_releases(path.parent)
            except DefinitionError as error:
                releases[path.parent] = {}
                problems.extend(error.problems)
        try:
            assessment, version_line = _load(path)
        except DefinitionError as error:
            problems.extend(error.problems)
            continue
        file = _display(path)
        released = releases[path.parent].get(assessment.id, {})
        digest = fingerprint(assessment)
        problems.extend(check_version(file, assessment, digest, released, version_line))
        loaded.append((file, assessment))
    problems.extend(check_catalog(loaded))
    if problems:
        raise DefinitionError(problems)
    return [assessment for _, assessment in loaded]


def read_releases(directory: Path) -> Releases:
    """The released versions recorded in a definitions directory: id -> version -> fingerprint."""
    path = directory / RELEASES_FILE
    if not path.is_file():
        return {}
    problem = (
        "is geen geldig overzicht van uitgebrachte versies; zet de vorige versie terug "
        "(git checkout -- het bestand) en voer daarna 'python -m assessments release' uit."
    )
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
        releases = {
            assessment_id: {int(version): str(digest) for version, digest in versions.items()}
            for assessment_id, versions in document["assessments"].items()
        }
    except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError, AttributeError):
        raise DefinitionError([Problem(_display(path), "(bestand)", problem)]) from None
    return releases


def release(assessments: Iterable[Assessment], directory: Path = DEFINITIONS_DIR) -> list[str]:
    """Record the current version of each assessment as released; return what was new.

    Call only with assessments that passed :func:`load_all`, which refuses a released version
    whose content changed.
    """
    releases = read_releases(directory)
    added = []
    for assessment in assessments:
        versions = releases.setdefault(assessment.id, {})
        if assessment.version not in versions:
            versions[assessment.version] = fingerprint(assessment)
            added.append(f"{assessment.id} v{assessment.version}")
    write_releases(releases, directory)
    return added


def write_releases(releases: Mapping[str, Mapping[int, str]], directory: Path) -> None:
    """Write the released versions, sorted, so that a change reads well in a diff."""
    document = {
        "format": RELEASES_FORMAT,
        "uitleg": "Uitgebrachte versies van elke zelftest met de vingerafdruk van hun inhoud. "
        "Niet met de hand bewerken: 'python -m assessments release' vult dit bestand aan.",
        "assessments": {
            assessment_id: {
                str(v): releases[assessment_id][v] for v in sorted(releases[assessment_id])
            }
            for assessment_id in sorted(releases)
        },
    }
    text = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    (directory / RELEASES_FILE).write_text(text, encoding="utf-8")


def unreleased(assessments: Iterable[Assessment], directory: Path = DEFINITIONS_DIR) -> list[str]:
    """The assessments whose current version is not yet recorded as released."""
    releases = read_releases(directory)
    return [f"{a.id} v{a.version}" for a in assessments if a.version not in releases.get(a.id, {})]


def read_yaml(path: Path) -> object:
    """Parse a YAML file into dicts and lists that carry line numbers.

    Raises DefinitionError for a file that cannot be read, is not UTF-8 or is not valid YAML.
    """
    import yaml  # Imported here: the engine must import without PyYAML (Pyodide).

    file = _display(path)
    try:
        with path.open("rb") as handle:
            raw = handle.read(MAX_DEFINITION_BYTES + 1)
    except OSError as error:
        raise DefinitionError(
            [Problem(file, "(bestand)", f"kan niet gelezen worden: {error.strerror}.")]
        ) from None
    if len(raw) > MAX_DEFINITION_BYTES:
        raise DefinitionError(
            [
                Problem(
                    file,
                    "(bestand)",
                    f"is groter dan {MAX_DEFINITION_BYTES // 1000} kB; een zelftest past in een "
                    "paar duizend regels. Is dit het goede bestand?",
                )
            ]
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise DefinitionError(
            [
                Problem(
                    file,
                    "(bestand)",
                    f"is geen UTF-8 (byte {error.start}); sla het bestand op als UTF-8.",
                    line,
                )
            ]
        ) from None
    try:
        return yaml.load(text, Loader=_loader_class())
    except _NumberTooLong as error:
        raise DefinitionError(
            [
                Problem(
                    file,
                    error.field,
                    f"is een getal van meer dan {_MAX_DIGITS} cijfers; een zelftest gebruikt "
                    "alleen kleine getallen.",
                    error.line,
                )
            ]
        ) from None
    except RecursionError:
        raise DefinitionError(
            [Problem(file, "(YAML)", "is te diep genest; een zelftest heeft maar een paar lagen.")]
        ) from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        reason = shown(getattr(error, "problem", None) or str(error), 200)
        raise DefinitionError(
            [
                Problem(
                    file,
                    "(YAML)",
                    f"ongeldige YAML: {reason}; controleer inspringing, dubbele punten en "
                    "aanhalingstekens op deze regel.",
                    mark.line + 1 if mark else None,
                )
            ]
        ) from None


# ---- Helper functions ----

#: Python refuses to turn a longer string of digits into an int (CVE-2020-10735); YAML's reader
#: raises a bare ValueError then, which must become a problem line, not a traceback.
_MAX_DIGITS = 4300


class _NumberTooLong(Exception):
    """A number in a definition with more digits than Python reads: the field and its line."""

    def __init__(self, field: str, line: int) -> None:
        super().__init__(field)
        self.field, self.line = field, line


def _load(path: Path) -> tuple[Assessment, int | None]:
    """One validated definition and the line of its version field."""
    data = read_yaml(path)
    assessment = parse_assessment(data, file=_display(path))
    lines: Mapping[object, int] = getattr(data, "lines", {})
    return assessment, lines.get("version")


def _display(path: Path) -> str:
    """A path as the content owner knows it: relative to the working directory if possible."""
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def _loader_class() -> type:
    """A safe YAML loader whose mappings and lists record line numbers, rejecting duplicate keys."""
    import yaml

    class LocatingLoader(yaml.SafeLoader):
        def compose_node(self, parent: Any, index: Any) -> Any:
            # Anchors and aliases let a small file expand into gigabytes ("billion laughs");
            # content owners never need them, so they are refused before anything expands.
            event = self.peek_event()  # type: ignore[no-untyped-call]
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                raise yaml.composer.ComposerError(
                    None,
                    None,
                    "ankers (&) en verwijzingen (*) zijn niet toegestaan; schrijf de tekst uit",
                    event.start_mark,
                )
            return super().compose_node(parent, index)

        def construct_mapping(self, node: Any, deep: bool = False) -> LocatedDict:
            mapping = LocatedDict()
            mapping.lines = {None: node.start_mark.line + 1}
            for key_node, value_node in node.value:
                key = self.construct_object(key_node, deep=True)
                if not isinstance(key, str | int | float | bool | None):
                    raise yaml.constructor.ConstructorError(
                        None,
                        None,
                        "een veldnaam moet een woord zijn, geen lijst of groep velden",
                        key_node.start_mark,
                    )
                if key in mapping:
                    raise yaml.constructor.ConstructorError(
                        None,
                        None,
                        f"veld '{shown(key)}' staat twee keer in dezelfde lijst met velden",
                        key_node.start_mark,
                    )
                try:
                    mapping[key] = self.construct_object(value_node, deep=True)
                except ValueError:  # only an int with too many digits raises it here
                    raise _NumberTooLong(shown(key, 40), value_node.start_mark.line + 1) from None
                mapping.lines[key] = key_node.start_mark.line + 1
            return mapping

        def construct_sequence(self, node: Any, deep: bool = False) -> LocatedList:
            sequence = LocatedList(self.construct_object(child, deep=True) for child in node.value)
            sequence.lines = {None: node.start_mark.line + 1}
            sequence.lines.update(
                (index, child.start_mark.line + 1) for index, child in enumerate(node.value)
            )
            return sequence

    LocatingLoader.add_constructor("tag:yaml.org,2002:map", LocatingLoader.construct_mapping)
    LocatingLoader.add_constructor("tag:yaml.org,2002:seq", LocatingLoader.construct_sequence)
    return LocatingLoader
