"""The JSON Schema that editors use agrees with the validator and accepts the project's files."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml

from assessments import definitions
from assessments.files import DEFINITIONS_DIR, definition_files

SCHEMA_PATH = Path(definitions.__file__).parent / "schema" / "assessment.schema.json"
SCHEMA = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


def keys(node: dict) -> tuple[set[str], set[str]]:
    return set(node["properties"]), set(node["required"])


def expected(spec: dict[str, bool]) -> tuple[set[str], set[str]]:
    return set(spec), {name for name, required in spec.items() if required}


def test_schema_is_a_valid_json_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(SCHEMA)


def test_schema_fields_match_the_validator() -> None:
    props = SCHEMA["properties"]
    assert keys(SCHEMA) == expected(definitions.TOP_LEVEL_KEYS)
    assert keys(props["scale"]) == expected(definitions.SCALE_KEYS)
    assert keys(props["scale"]["properties"]["options"]["items"]) == expected(
        definitions.OPTION_KEYS
    )
    assert keys(props["bands"]["items"]) == expected(definitions.BAND_KEYS)
    assert keys(props["dimensions"]["items"]) == expected(definitions.DIMENSION_KEYS)
    assert keys(props["items"]["items"]) == expected(definitions.ITEM_KEYS)
    assert SCHEMA["$defs"]["id"]["pattern"] == definitions.ID_PATTERN.pattern


@pytest.mark.parametrize("path", definition_files(), ids=lambda path: path.stem)
def test_project_definition_matches_the_schema_and_references_it(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../schema/assessment.schema.json")
    jsonschema.validate(yaml.safe_load(text), SCHEMA)
    assert (DEFINITIONS_DIR / "../schema/assessment.schema.json").resolve() == SCHEMA_PATH.resolve()
