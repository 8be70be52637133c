"""The answers model keeps the contract's types strictly and names the key on every error."""

from __future__ import annotations

import json

import pytest

from kneecore import InputError
from kneecore.checker import ANSWER_KEYS, Answers, answers_schema, parse_answers, parse_json

CONTRACT_KEYS = (
    "age sex location onset mechanism pop_at_injury swelling swollen_now limping "
    "swelling_behind_knee locking "
    "catching giving_way kneecap_apprehension crepitus triggers night_pain morning_stiffness bone_tenderness "
    "tibial_tubercle_bump joint_line_tenderness growth_spurt low_energy_or_missed_periods "
    "previous_dislocations "
    "days_since_injury recent_training_increase pain_level duration_weeks cannot_bear_weight cannot_flex_90 "
    "fibular_head_tenderness isolated_patella_tenderness fever hot_red_knee calf_swelling "
    "numbness_or_cold_foot "
    "deformity unexplained_weight_loss history_of_cancer recent_surgery_or_immobilisation"
).split()


def test_every_contract_key_and_no_other() -> None:
    """The model has exactly the contract's 40 keys, in its order."""
    assert list(ANSWER_KEYS) == CONTRACT_KEYS


def test_empty_object_is_valid() -> None:
    """Answering nothing is valid input."""
    assert parse_json("{}").given() == {}


@pytest.mark.parametrize(
    ("data", "given"),
    [
        ({"age": 30}, {"age": 30}),
        ({"age": 30.0}, {"age": 30}),
        ({"pain_level": 7.0}, {"pain_level": 7}),
        ({"days_since_injury": 2.5}, {"days_since_injury": 2.5}),
        ({"duration_weeks": 3}, {"duration_weeks": 3.0}),
        ({"age": None, "fever": False}, {"fever": False}),
        ({"location": ["back", "inside", "back"]}, {"location": ["back", "inside"]}),
        ({"triggers": []}, {"triggers": []}),
        ({"sex": "other", "previous_dislocations": 0}, {"sex": "other", "previous_dislocations": 0}),
        ({"age": 5}, {"age": 5}),
        ({"age": 100}, {"age": 100}),
        ({"days_since_injury": 0}, {"days_since_injury": 0.0}),
        ({"duration_weeks": 520}, {"duration_weeks": 520.0}),
    ],
    ids=[
        "int",
        "float-without-fraction",
        "pain-float",
        "fraction-days",
        "int-weeks",
        "null-is-unanswered",
        "list-as-set",
        "empty-list",
        "zero",
        "age-min",
        "age-max",
        "days-min",
        "weeks-max",
    ],
)
def test_valid_answers(data: dict[str, object], given: dict[str, object]) -> None:
    """Valid values are accepted and normalised (whole floats to int, lists to sets)."""
    assert parse_answers(data).given() == given


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('{"age": 30.5}', "age: expected a whole number from 5 to 100, got 30.5"),
        ('{"age": true}', "age: expected a whole number from 5 to 100, got True"),
        ('{"age": "30"}', "age: expected a whole number from 5 to 100, got '30'"),
        ('{"age": 4}', "age: expected a whole number from 5 to 100, got 4"),
        ('{"age": 101}', "age: expected a whole number from 5 to 100, got 101"),
        ('{"pain_level": 11}', "pain_level: expected a whole number from 0 to 10, got 11"),
        (
            '{"previous_dislocations": -1}',
            "previous_dislocations: expected a whole number from 0 to 20, got -1",
        ),
        ('{"days_since_injury": 3651}', "days_since_injury: expected a number from 0 to 3650, got 3651"),
        ('{"duration_weeks": -0.5}', "duration_weeks: expected a number from 0 to 520, got -0.5"),
        ('{"duration_weeks": true}', "duration_weeks: expected a number from 0 to 520, got True"),
        ('{"days_since_injury": NaN}', "days_since_injury: expected a number from 0 to 3650, got nan"),
        ('{"fever": 1}', "fever: expected true or false, got 1"),
        ('{"fever": 0}', "fever: expected true or false, got 0"),
        ('{"fever": "yes"}', "fever: expected true or false, got 'yes'"),
        ('{"fever": "true"}', "fever: expected true or false, got 'true'"),
        ('{"sex": "f"}', "sex: expected one of female, male, other, got 'f'"),
        ('{"onset": "Sudden"}', "onset: expected one of gradual, sudden, got 'Sudden'"),
        (
            '{"location": "back"}',
            "location: expected a list of any of front_kneecap, below_kneecap, above_kneecap, "
            "outside, inside, inside_below, back, whole_knee, got 'back'",
        ),
        (
            '{"location": ["back", "calf"]}',
            "location[1]: expected one of front_kneecap, below_kneecap, "
            "above_kneecap, outside, inside, inside_below, back, whole_knee, got 'calf'",
        ),
        (
            '{"triggers": [3]}',
            "triggers[0]: expected one of stairs_down, stairs_up, prolonged_sitting, "
            "prolonged_standing, full_straightening, squatting, kneeling, downhill, "
            "after_set_distance, warms_up, jumping, twisting, hopping, first_steps_morning, "
            "cycling, rest, got 3",
        ),
        ('{"knee": "left"}', "knee: expected a known answer key (see --schema for the list)"),
        ('{"age": 30, "age": 31}', "age: expected each key once, but it appears twice"),
        ('{"\\r": false}', "'\\r': expected a known answer key (see --schema for the list)"),
        ('{"": 1}', "'': expected a known answer key (see --schema for the list)"),
        ("[1, 2]", "expected a JSON object of answers, got [1, 2]"),
        ('"hello"', "expected a JSON object of answers, got 'hello'"),
        ("{bad", "expected valid JSON (line 1, column 2: Expecting property name enclosed in double quotes)"),
        ("", "expected valid JSON (line 1, column 1: Expecting value)"),
    ],
)
def test_bad_input_names_the_key(text: str, message: str) -> None:
    """Each kind of bad input raises InputError with one line naming the key and what was expected."""
    with pytest.raises(InputError) as caught:
        parse_json(text)
    assert caught.value.message == message
    assert "\n" not in caught.value.message


def test_invalid_utf8_is_an_input_error() -> None:
    """Bytes that are not UTF-8 are refused with a plain message."""
    with pytest.raises(InputError, match="UTF-8"):
        parse_json(b"\xff\xfe{")


def test_answers_are_frozen() -> None:
    """Validated answers cannot be changed afterwards."""
    answers = parse_answers({"age": 30})
    with pytest.raises(ValueError, match="frozen"):
        answers.age = 40  # type: ignore[misc]


def test_schema_lists_every_key_with_types() -> None:
    """--schema's JSON Schema names every key, forbids others and gives ranges and enums."""
    schema = answers_schema()
    json.dumps(schema)
    assert schema["additionalProperties"] is False
    assert list(schema["properties"]) == CONTRACT_KEYS
    age = schema["properties"]["age"]["anyOf"][0]
    assert (age["type"], age["minimum"], age["maximum"]) == ("integer", 5, 100)
    assert schema["properties"]["sex"]["anyOf"][0]["enum"] == ["female", "male", "other"]
    assert schema["properties"]["fever"]["anyOf"][0]["type"] == "boolean"


def test_answers_model_passes_through() -> None:
    """parse_answers returns an Answers instance unchanged."""
    answers = Answers(age=40)
    assert parse_answers(answers) is answers
