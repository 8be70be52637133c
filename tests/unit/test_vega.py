"""Plain Vega-Lite specs: the helpers, and every chart the app draws is valid Vega-Lite.

Altair used to validate each chart against the Vega-Lite JSON schema on every page run.
The specs are now plain dicts, so the same check runs here instead, twice: against the
Vega-Lite v6 JSON schema (catches misspelt properties, which Vega-Lite itself ignores)
and by compiling and rendering each spec to SVG with vl-convert (catches what only the
compiler notices, such as an unknown mark). Neither notices a selection bound to a
view name that no layer has, so a third test checks that.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from importlib import resources
from typing import Any

import jsonschema
import pytest
import vl_convert
from jsonschema.exceptions import best_match

from kneecore import Content
from kneecore.checker.knee_map import map_spec
from kneecore.ladder_chart import ladder_spec
from kneecore.ramp import build_plan, parse_inputs
from kneecore.ramp.chart import weeks_spec
from kneecore.ramp.export import card_spec
from kneecore.stories import pain_spec
from kneecore.vega import SCHEMA, VL_VERSION, field, inline, layered


@pytest.fixture(scope="module")
def validator() -> jsonschema.protocols.Validator:
    """A validator for the Vega-Lite v6 JSON schema (the copy that ships with Altair)."""
    schema = json.loads(
        resources.files("altair.vegalite.v6.schema").joinpath("vega-lite-schema.json").read_text("utf-8")
    )
    return jsonschema.validators.validator_for(schema)(schema)


def plan(**answers: Any) -> Any:
    """A plan from a few answers on top of defaults."""
    base: dict[str, Any] = {
        "weeks_off": 4,
        "pain_now": 2,
        "pain_free_run_minutes": 10,
        "pre_injury_weekly_minutes": 150,
        "runs_per_week": 3,
        "start_date": "2026-12-01",
    }
    return build_plan(parse_inputs({**base, **answers}, today=dt.date(2026, 12, 1)))


SPECS: dict[str, Callable[[Content], dict[str, Any]]] = {
    "ramp weeks": lambda c: weeks_spec(plan(), c.site.theme.primary_color),
    "ramp card": lambda c: weeks_spec(plan(), c.site.theme.primary_color, compact=True),
    "ramp pre-run": lambda c: weeks_spec(plan(pain_now=8), "#000000"),
    "ramp goal": lambda c: weeks_spec(plan(goal_weekly_minutes=300), "#123456"),
    "ramp png card": lambda c: card_spec(
        plan(), c.site, dt.date(2026, 12, 3), dict(c.ramp.page), c.ramp.words
    ),
    "knee map": lambda c: map_spec(c.checker),
    "knee map lit": lambda c: map_spec(c.checker, ["outside", "back"]),
    "ladder": lambda c: ladder_spec(c.exercises, "step_down"),
    "ladder unknown": lambda c: ladder_spec(c.exercises, "no_such_exercise"),
    **{
        f"story {i}": (lambda c, i=i: pain_spec(c.library.stories[i], c.library.text.stories))
        for i in range(6)
    },
}
"""Every chart builder with representative inputs (the stories test checks there are six)."""


def test_every_story_has_a_spec_case(content) -> None:
    """The validity cases cover every story in the library."""
    assert len(content.library.stories) == sum(name.startswith("story ") for name in SPECS)


@pytest.mark.parametrize("name", sorted(SPECS))
def test_spec_matches_the_vega_lite_schema(name: str, content, validator) -> None:
    """The spec is JSON-serialisable and valid against the Vega-Lite v6 JSON schema."""
    spec = SPECS[name](content)
    assert json.loads(json.dumps(spec)) == spec
    assert spec["$schema"] == SCHEMA
    error = best_match(validator.iter_errors(spec))
    assert error is None, f"{name}: {error.message if error else ''}"


@pytest.mark.parametrize("name", sorted(SPECS))
def test_spec_renders_with_vl_convert(name: str, content) -> None:
    """vl-convert compiles and renders the spec to an SVG (it raises on an invalid spec)."""
    svg = vl_convert.vegalite_to_svg(SPECS[name](content), vl_version=VL_VERSION)
    assert svg.startswith("<svg")


def test_schema_check_catches_a_misspelt_property(validator) -> None:
    """The schema check is the one that catches typos, which the renderer silently ignores."""
    spec = layered([{"data": inline([{"a": 1}]), "mark": {"type": "bar", "strokDash": [4, 3]}}])
    assert best_match(validator.iter_errors(spec)) is not None
    assert vl_convert.vegalite_to_svg(spec, vl_version=VL_VERSION).startswith("<svg")


def test_renderer_catches_what_the_compiler_rejects() -> None:
    """A mark type Vega-Lite does not know fails to render."""
    spec = layered([{"data": inline([{"a": 1}]), "mark": "bars", "encoding": {"x": field("a:Q")}}])
    with pytest.raises(ValueError, match="conversion failed"):
        vl_convert.vegalite_to_svg(spec, vl_version=VL_VERSION)


@pytest.mark.parametrize("name", sorted(SPECS))
def test_selections_bind_to_a_named_layer(name: str, content) -> None:
    """Every selection parameter names views that exist (neither check above notices a wrong name)."""
    spec = SPECS[name](content)
    names = {layer.get("name") for layer in spec.get("layer", [])}
    for param in spec.get("params", []):
        assert param["views"]
        assert set(param["views"]) <= names


@pytest.mark.parametrize(
    ("shorthand", "props", "expected"),
    [
        ("week:O", {}, {"field": "week", "type": "ordinal"}),
        ("minutes:Q", {"title": None}, {"field": "minutes", "type": "quantitative", "title": None}),
        ("label:N", {"title": " "}, {"field": "label", "type": "nominal", "title": " "}),
        ("day:T", {"axis": None}, {"field": "day", "type": "temporal", "axis": None}),
    ],
)
def test_field_expands_shorthand(shorthand: str, props: dict[str, Any], expected: dict[str, Any]) -> None:
    """Altair-style shorthand becomes a field channel; given properties are kept, None included."""
    assert field(shorthand, **props) == expected


def test_field_rejects_an_unknown_type() -> None:
    """A shorthand without a known type letter is a programming error, not a silent default."""
    with pytest.raises(KeyError):
        field("week")


def test_inline_and_layered_build_a_layered_chart() -> None:
    """Inline data is a new list of the rows, and layered puts the schema and properties on top."""
    rows = [{"a": 1}]
    data = inline(rows)
    assert data == {"values": [{"a": 1}]}
    assert data["values"] is not rows
    spec = layered([{"data": data, "mark": "bar"}], height=100, title="T")
    assert spec == {"$schema": SCHEMA, "height": 100, "title": "T", "layer": [{"data": data, "mark": "bar"}]}
