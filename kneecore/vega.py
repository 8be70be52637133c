"""Small helpers for plain Vega-Lite v6 chart specs (dicts), built without Altair.

The pages draw charts with ``st.vega_lite_chart(spec)``. Building the spec as a plain
dict costs microseconds, where Altair's chart objects, ``to_dict()`` and its JSON-schema
validation cost tens of milliseconds per page run. Validity is checked in the tests by
rendering every spec with ``vl_convert`` instead.

Data sits inline in each layer (``{"data": {"values": [...]}}``): Streamlit sends layer
data to the browser as JSON in the spec, while top-level data would be converted to
Arrow through pandas on every run.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

__all__ = ["SCHEMA", "VL_VERSION", "Spec", "field", "inline", "layered"]

SCHEMA = "https://vega.github.io/schema/vega-lite/v6.4.1.json"
"""The Vega-Lite version the specs are written for (the one Streamlit 1.67 and vl-convert ship)."""

VL_VERSION = "6.4"
"""The same version as vl-convert names it (PNG export and the tests render with it)."""

Spec = dict[str, Any]
"""A Vega-Lite spec or a part of one (JSON-serialisable)."""

_TYPES = {"Q": "quantitative", "O": "ordinal", "N": "nominal", "T": "temporal"}


def field(shorthand: str, **props: Any) -> Spec:
    """An encoding channel for a field, from Altair-style shorthand such as ``"week:O"``.

    Parameters
    ----------
    shorthand:
        ``"<field>:<Q|O|N|T>"``.
    props:
        Further channel properties (``title``, ``axis``, ``scale``, ``format``...); a
        ``None`` value is kept (it means "none" in Vega-Lite, e.g. ``axis=None``).

    Returns
    -------
    Spec
        ``{"field": ..., "type": ..., **props}``.
    """
    name, _, kind = shorthand.partition(":")
    return {"field": name, "type": _TYPES[kind], **props}


def inline(rows: Sequence[Spec]) -> Spec:
    """An inline data block for one layer.

    Parameters
    ----------
    rows:
        The data rows (JSON-serialisable dicts).

    Returns
    -------
    Spec
        ``{"values": [...]}`` (a new list of the same rows).
    """
    return {"values": list(rows)}


def layered(layers: Sequence[Spec], **props: Any) -> Spec:
    """A layered chart with the schema set.

    Parameters
    ----------
    layers:
        The layers, bottom first; each carries its own ``data``.
    props:
        Top-level properties (``height``, ``title``, ``params``, ``config``...).

    Returns
    -------
    Spec
        The chart spec.
    """
    return {"$schema": SCHEMA, **props, "layer": list(layers)}
