"""Share links and log CSVs round-trip for any inputs and logs; any query string is handled."""

from __future__ import annotations

import datetime as dt
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from kneecore.ramp import LogEntry, build_plan, from_params, log_from_csv, log_to_csv, parse_inputs, to_params
from tests.property.test_ramp import inputs

entries = st.builds(
    LogEntry,
    date=st.dates(dt.date(2000, 1, 1), dt.date(2100, 1, 1)),
    done=st.booleans(),
    pain_during=st.integers(0, 10),
    pain_next_morning=st.integers(0, 10),
    swelling=st.booleans(),
    limp=st.booleans(),
    stiffer=st.booleans(),
)
logs = st.lists(entries, max_size=12, unique_by=lambda e: e.date).map(
    lambda es: tuple(sorted(es, key=lambda e: e.date))
)


@given(inputs(), logs)
def test_link_round_trip(data: dict[str, Any], log: tuple[LogEntry, ...]) -> None:
    """Any inputs and log survive the link exactly, so the link reproduces the same plan."""
    parsed = parse_inputs(data)
    opened = from_params(to_params(parsed, log))
    assert opened is not None
    assert opened.inputs == parsed
    assert opened.log == log
    assert not opened.notes
    assert build_plan(opened.inputs, opened.log).to_dict() == build_plan(parsed, log).to_dict()


@given(logs)
def test_log_csv_round_trip(log: tuple[LogEntry, ...]) -> None:
    """Any log written as CSV reads back unchanged."""
    assert log_from_csv(log_to_csv(log)) == log


@given(
    st.dictionaries(
        st.sampled_from(["w", "p", "f", "v", "r", "c", "g", "d", "u", "log", "x"]), st.text(max_size=20)
    )
)
def test_any_query_is_a_plan_or_a_broken_link(params: dict[str, str]) -> None:
    """Random query strings give no link, a usable link, or a broken link with a reason; never an error."""
    opened = from_params(params, today=dt.date(2026, 12, 1))
    if opened is not None:
        assert (opened.inputs is None) == bool(opened.broken)


@given(st.text(max_size=300))
def test_any_csv_text_reads_or_names_the_problem(text: str) -> None:
    """Random text either reads as a log or raises InputError naming where (never another exception)."""
    from kneecore import InputError

    try:
        log_from_csv(text)
    except InputError as exc:
        where = exc.key
    else:
        where = "read"
    assert where
