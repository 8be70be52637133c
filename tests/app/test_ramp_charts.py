"""AppTest of the ramp page's charts and tables: what the browser gets matches the plan."""

from __future__ import annotations

import datetime as dt
import io
import json

import pyarrow as pa
from streamlit.testing.v1 import AppTest

from kneecore.ramp import RampPlan, build_plan, from_params
from tests.app.pages import open_page, open_tab

LINK = {"w": "6", "p": "1", "f": "3", "v": "120", "r": "4", "g": "200", "d": "2026-12-01"}


def ramp() -> AppTest:
    """The ramp page opened from a share link (fixed answers and start date)."""
    return open_page("ramp", LINK)


def the_plan(at: AppTest) -> RampPlan:
    """The plan the page's answers give, built here independently of the page."""
    result = from_params(LINK, dt.date.today())
    assert result is not None
    assert result.inputs is not None
    return build_plan(result.inputs, list(at.session_state["ramp.log"]))


def test_card_and_chart_tab_draw_the_plan(content) -> None:
    """Both weeks charts (card, then chart tab) carry every week's minutes and the goal line."""
    at = ramp()
    open_tab(at, content.ramp.page["tab_chart"])  # only the open tab is drawn
    plan = the_plan(at)
    charts = at.get("vega_lite_chart")
    assert len(charts) == 2
    titles = []
    for chart in charts:
        bars, goal = json.loads(chart.proto.spec)["layer"]
        assert [(r["week"], r["minutes"]) for r in bars["data"]["values"]] == [
            (w.week, w.total_run_minutes) for w in plan.weeks
        ]
        assert bars["mark"]["color"] == content.site.theme.primary_color
        assert goal["data"]["values"] == [{"goal": 200.0}]
        assert not chart.proto.data.data  # data stays in the spec: no pandas/Arrow conversion
        titles.append(bars["encoding"]["y"]["title"])
    assert titles == [None, content.ramp.words.chart_minutes]


def test_week_table_is_sent_as_arrow_with_the_plan_numbers(content) -> None:
    """The week table holds one row a week with integer minutes, built as an Arrow table (no pandas)."""
    at = ramp()
    plan = the_plan(at)
    table = at.dataframe[0]
    proto = table.proto
    data = proto.arrow_data.data or proto.lazy_data.initial_chunk.data
    schema = pa.ipc.open_stream(io.BytesIO(data)).schema
    assert schema.metadata is None or b"pandas" not in schema.metadata
    words = content.ramp.words
    cols = words.columns
    assert str(schema.field(cols.run_min).type) == "int64"
    frame = table.value
    assert list(frame[cols.week]) == [w.week for w in plan.weeks]
    assert list(frame[cols.run_min]) == [w.total_run_minutes for w in plan.weeks]
    assert list(frame[cols.easier]) == [words.easier_yes if w.easier else "" for w in plan.weeks]


def test_png_card_is_built_only_on_click(monkeypatch, content) -> None:
    """A page run builds no PNG card spec; the deferred download builds it, for the plan shown."""
    import pages.ui.ramp_views as views

    built: list[object] = []
    real = views.card_spec
    monkeypatch.setattr(views, "card_spec", lambda *a, **k: built.append(a[0]) or real(*a, **k))
    at = ramp()
    open_tab(at, content.ramp.page["tab_save"])  # the downloads are drawn
    assert at.get("download_button")
    assert built == []
    png = views._png(content, the_plan(at), dt.date(2026, 12, 1))
    assert png.startswith(b"\x89PNG")
    assert built == [the_plan(at)]
