"""What Streamlit itself charges per element, and the fastest any page with our elements could be.

The page target in issue 9 compares each page with a bare one-line page. Streamlit spends
time on every element and block a run sends (building the protobuf, registering widgets,
queueing the message, waking the server's event loop, writing a websocket frame), and
that cost differs by kind: a text block is cheap, a number input is several times dearer.
This script measures that cost per kind and prices each page's own mix of elements with it.

Method
------
1. Each page of the app is run once over the websocket (``bench/_lib.py``) and the
   elements and blocks it sends are counted by kind (``element:markdown``,
   ``element:number_input``, ``block:expandable``, ...).
2. A bare script draws N copies of one kind (``?k=<kind>&n=<N>``), with the plainest
   arguments that kind takes. For each kind found on a page it is timed at N = 1 and
   N = 31, ROUNDS runs each, interleaved, median; the kind's cost per delta is the slope
   (difference in time over difference in deltas), which leaves out the fixed cost of a
   run.
3. A page's **floor** is the bare one-line page plus, for each kind, its count on the page
   times its cost per delta: what Streamlit alone charges to draw what the page draws,
   with no app code at all (no content, no routing, no logic). It is a lower bound: any
   kind the script cannot draw is priced as Markdown, among the cheapest.

Printed per page: the page's median run, the floor, and both as ratios to the bare page.
The floor's ratio is the best any implementation of the page could reach with the same
elements; when it is above 1.5x, the 1.5x target cannot be met without drawing fewer or
cheaper elements.

Run: ``.venv/bin/python bench/elements.py [rounds]``
"""

from __future__ import annotations

import asyncio
import collections
import sys
import tempfile
from pathlib import Path

from _lib import Server, Session, median, ms, page_paths

ROUNDS = int(sys.argv[1]) if len(sys.argv) > 1 else 15
MANY = 31
WIDGETS = {
    f"element:{name}"
    for name in (
        "button",
        "button_group",
        "checkbox",
        "date_input",
        "download_button",
        "multiselect",
        "number_input",
        "radio",
        "selectbox",
        "slider",
        "text_input",
    )
}
"""Kinds that are widgets (they hold a value in session state): the dearest kinds."""

KINDS_SCRIPT = """
import datetime as dt
import streamlit as st

q = st.query_params
kind = q.get("k", "element:markdown")
n = int(q.get("n", "1"))
spec = {"mark": "bar", "data": {"values": [{"a": 1, "b": 2}]},
        "encoding": {"x": {"field": "a", "type": "ordinal"}, "y": {"field": "b", "type": "quantitative"}}}
svg = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><circle cx="5" cy="5" r="4"/></svg>'
for i in range(n):
    if kind == "element:heading":
        st.header("Hello")
    elif kind == "element:alert":
        st.info("Hello")
    elif kind == "element:page_link":
        st.page_link("https://example.invalid/", label="Hello")
    elif kind == "element:link_button":
        st.link_button("Hello", "https://example.invalid/")
    elif kind == "element:text_input":
        st.text_input("Hello", key=f"w{i}")
    elif kind == "element:checkbox":
        st.toggle("Hello", key=f"w{i}")
    elif kind == "element:progress":
        st.progress(0.5)
    elif kind == "element:radio":
        st.radio("Hello", ["a", "b", "c"], index=None, key=f"w{i}")
    elif kind == "element:button":
        st.button("Hello", key=f"w{i}")
    elif kind == "element:button_group":
        st.segmented_control("Hello", ["a", "b", "c"], key=f"w{i}")
    elif kind == "element:multiselect":
        st.multiselect("Hello", ["a", "b", "c"], key=f"w{i}")
    elif kind == "element:slider":
        st.slider("Hello", 0, 10, 5, key=f"w{i}")
    elif kind == "element:number_input":
        st.number_input("Hello", 0.0, 100.0, 4.0, key=f"w{i}")
    elif kind == "element:selectbox":
        st.selectbox("Hello", ["a", "b", "c"], key=f"w{i}")
    elif kind == "element:date_input":
        st.date_input("Hello", dt.date(2026, 11, 26), key=f"w{i}")
    elif kind == "element:imgs":
        st.image(svg)
    elif kind == "element:vega_lite_chart":
        st.vega_lite_chart(spec)
    elif kind == "element:dataframe":
        st.dataframe({"a": [1, 2, 3]})
    elif kind == "block:flex_container":
        st.container()
    elif kind == "block:expandable":
        st.expander("Hello")
    elif kind == "block:column":
        st.columns(1)
    elif kind in ("block:tab_container", "block:tab"):
        st.tabs(["Hello"])
    else:
        st.markdown("Hello")
"""


async def page_kinds(app: Server) -> dict[str, tuple[float, collections.Counter[str]]]:
    """Page slug -> (median run, its elements and blocks by kind), arriving from another page."""
    found: dict[str, tuple[float, collections.Counter[str]]] = {}
    async with Session(app.ws_url) as session:
        for slug, path in page_paths().items():
            other = "help" if slug != "help" else ""
            times = []
            for i in range(ROUNDS + 3):
                await session.run(other)
                seconds, _ = await session.run(path)
                if i >= 3:
                    times.append(seconds)
            found[slug] = (median(times), session.last_kinds)
    return found


async def kind_costs(bare: Server, kinds: set[str]) -> tuple[float, dict[str, float]]:
    """(median run of the one-line page, seconds per delta of each kind)."""
    costs: dict[str, float] = {}
    async with Session(bare.ws_url) as session:
        for _ in range(3):
            await session.run("", "n=1")
        one = []
        for kind in sorted(kinds):
            few, many = [], []
            deltas = {}
            for i in range(ROUNDS + 2):
                for n, into in ((1, few), (MANY, many)):
                    seconds, _ = await session.run("", f"k={kind}&n={n}")
                    deltas[n] = session.last_deltas
                    if i >= 2:
                        into.append(seconds)
            base, _ = await session.run("", "n=1")
            one.append(base)
            costs[kind] = max(0.0, (median(many) - median(few)) / max(1, deltas[MANY] - deltas[1]))
    return median(one), costs


def main() -> None:
    """Print each kind's cost per delta, then each page against its floor."""
    with tempfile.TemporaryDirectory() as tmp:
        script = Path(tmp) / "kinds.py"
        script.write_text(KINDS_SCRIPT, encoding="utf-8")
        flag = ["--runner.postScriptGC", "false"]
        with Server("streamlit_app.py", flag) as app, Server(script, flag) as bare:
            pages = asyncio.run(page_kinds(app))
            kinds = {kind for _, counted in pages.values() for kind in counted}
            bare_s, costs = asyncio.run(kind_costs(bare, kinds))
    print(f"\nStreamlit's own cost per delta by kind (slope from 1 to {MANY}, median of {ROUNDS})")
    for kind, cost in sorted(costs.items(), key=lambda kv: -kv[1]):
        print(f"  {kind:<28}{cost * 1e6:>8.0f} us")
    print(f"\nbare one-line page: {ms(bare_s)}; postScriptGC off")
    print(f"{'page':<12}{'app':>10}{'ratio':>8}{'floor':>10}{'ratio':>8}  {'widgets':>8}")
    worst_floor = 0.0
    for slug, (app_s, counted) in pages.items():
        floor = bare_s + sum(count * costs.get(kind, 0.0) for kind, count in counted.items())
        widgets = sum(count for kind, count in counted.items() if kind in WIDGETS)
        worst_floor = max(worst_floor, floor / bare_s)
        print(
            f"{slug:<12}{ms(app_s):>10}{app_s / bare_s:>7.2f}x{ms(floor):>10}{floor / bare_s:>7.2f}x"
            f"  {widgets:>8}"
        )
    print(
        f"SUMMARY elements: bare {ms(bare_s)}; floor of the same elements up to {worst_floor:.2f}x the bare "
        f"page; dearest kind {max(costs, key=costs.__getitem__)} "
        f"{max(costs.values()) * 1e6:.0f} us a delta"
    )


if __name__ == "__main__":
    main()
