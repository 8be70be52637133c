"""Each download opens and matches the plan: CSV rows, .ics events, PDF text and the card PNG."""

from __future__ import annotations

import csv
import datetime as dt
import io
import struct

import pytest
from icalendar import Calendar
from pypdf import PdfReader

from kneecore.ramp import build_plan, parse_inputs
from kneecore.ramp.export import PLAN_COLUMNS, card_png, card_spec, plan_to_csv, plan_to_ics, plan_to_pdf

INPUTS = parse_inputs(
    {
        "weeks_off": 3,
        "pain_now": 2,
        "pain_free_run_minutes": 10,
        "pre_injury_weekly_minutes": 90,
        "runs_per_week": 3,
        "condition": "itbs",
        "start_date": "2026-12-01",
    }
)


@pytest.fixture(scope="module")
def plan():
    """One plan for all export tests."""
    return build_plan(INPUTS)


def test_csv_has_one_row_a_day(plan) -> None:
    """The plan CSV has a header and one row per day, matching dates, kinds and minutes."""
    rows = list(csv.DictReader(io.StringIO(plan_to_csv(plan))))
    assert tuple(rows[0]) == PLAN_COLUMNS
    assert len(rows) == len(plan.sessions) == 7 * len(plan.weeks)
    for row, session in zip(rows, plan.sessions, strict=True):
        assert row["date"] == session.date.isoformat()
        assert row["kind"] == session.kind
        assert int(row["run_minutes"]) == session.run_minutes


def test_ics_has_one_event_per_session(plan, content) -> None:
    """The calendar parses and holds one all-day event per session, on the session's date."""
    cal = Calendar.from_ical(plan_to_ics(plan, "Knee Compass", content.ramp.words))
    events = [c for c in cal.walk() if c.name == "VEVENT"]
    assert len(events) == len(plan.sessions)
    assert [e.decoded("dtstart") for e in events] == [s.date for s in plan.sessions]
    assert len({str(e["uid"]) for e in events}) == len(events)
    first_run = next(i for i, s in enumerate(plan.sessions) if s.is_running)
    assert "Walk-run" in str(events[first_run]["summary"])


def test_pdf_text_matches_the_plan(plan, content) -> None:
    """The PDF opens and shows the title, the start stage, the pain rules and every week."""
    data = plan_to_pdf(plan, content.site, content.ramp, dt.date(2026, 12, 1))
    assert data.startswith(b"%PDF")
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
    assert content.ramp.page["card_heading"] in text
    assert plan.start_stage_title.split(":")[0] in text
    assert content.ramp.page["gates_heading"] in text
    assert f"{plan.weeks[-1].total_run_minutes}" in text
    assert "01 Dec" in text


def test_card_png_is_a_phone_sized_image(plan, content) -> None:
    """The card renders to a PNG whose width suits a phone screen (at 2x scale)."""
    spec = card_spec(plan, content.site, dt.date(2026, 12, 3), dict(content.ramp.page), content.ramp.words)
    data = card_png(spec)
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    assert 700 <= width <= 900
    assert height > width
    texts = [
        v["t"] for block in spec["vconcat"] if "data" in block for v in block["data"]["values"] if "t" in v
    ]
    assert content.site.app.name in texts
    assert any("Made 2026-12-03" in t for t in texts)
    assert any("Walk-run" in t for t in texts)


def test_card_shows_the_week_holding_the_date(plan, content) -> None:
    """The card's 'this week' follows the date it was made."""
    spec = card_spec(plan, content.site, dt.date(2026, 12, 16), dict(content.ramp.page), content.ramp.words)
    texts = [
        v["t"] for block in spec["vconcat"] if "data" in block for v in block["data"]["values"] if "t" in v
    ]
    assert any("(week 3)" in t for t in texts)
