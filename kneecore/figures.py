"""Stick-figure pictures of an exercise's start and end positions, drawn as SVG.

The content describes each pose compactly (pelvis position plus the direction of each
body segment, see :class:`~kneecore.content.exercises.Pose`); this module turns it into
one small SVG with the start on the left, an arrow, and the end on the right. Same
proportions, colours and line widths for every exercise, no text inside the drawing
(the caption and the ``<title>`` carry the words), so it renders alike in the browser
(``st.image``) and in the PDF (fpdf2 reads the SVG directly).
"""

from __future__ import annotations

import functools
import math
from xml.sax.saxutils import escape

from kneecore.content.exercises import Figure, Pose, Prop

__all__ = ["FIGURE_HEIGHT", "FIGURE_WIDTH", "render_svg", "skeleton"]

FIGURE_WIDTH = 220
FIGURE_HEIGHT = 100
_PANEL = 100
_GAP = 20
_LEN = {"trunk": 25.0, "neck": 6.0, "thigh": 18.0, "shin": 18.0, "foot": 5.0, "arm": 13.0, "forearm": 12.0}
_HEAD_R = 5.5
_INK = "#1a6b5c"
_FAR = "#8fb8ae"
_PROP_LINE = "#7b8794"
_PROP_FILL = "#e4ebe9"
_LIMB = 'stroke-width="3.5" stroke-linecap="round" stroke-linejoin="round"'

Point = tuple[float, float]


def _step(origin: Point, angle: float, length: float) -> Point:
    rad = math.radians(angle)
    return origin[0] + length * math.cos(rad), origin[1] + length * math.sin(rad)


def skeleton(pose: Pose, front: bool = False) -> dict[str, list[Point]]:
    """Joint positions of a pose in its 100 x 100 panel (y up).

    Parameters
    ----------
    pose:
        The pose.
    front:
        Seen from the front: hips and shoulders sit apart.

    Returns
    -------
    dict[str, list[Point]]
        Polylines keyed ``near_leg``, ``far_leg``, ``near_arm``, ``far_arm``, ``trunk``,
        plus ``head`` (one point: the head's centre).
    """
    hip = (float(pose.hip[0]), float(pose.hip[1]))
    shoulder = _step(hip, pose.trunk, _LEN["trunk"])
    head_angle = pose.trunk if pose.head is None else pose.head
    head = _step(shoulder, head_angle, _LEN["neck"] + _HEAD_R)
    across = pose.trunk - 90
    hips = (_step(hip, across, 4), _step(hip, across + 180, 4)) if front else (hip, hip)
    shoulders = (
        (_step(shoulder, across, 6), _step(shoulder, across + 180, 6)) if front else (shoulder, shoulder)
    )

    def leg(root: Point, thigh: float, shin: float) -> list[Point]:
        knee = _step(root, thigh, _LEN["thigh"])
        ankle = _step(knee, shin, _LEN["shin"])
        points = [root, knee, ankle]
        if pose.foot == "point":
            points.append(_step(ankle, shin, _LEN["foot"] * 0.7))
        elif pose.foot != "none":
            options = (shin + 90, shin - 90)
            if pose.foot == "up":
                best = max(options, key=lambda a: math.sin(math.radians(a)))
            else:
                sign = 1 if pose.foot == "right" else -1
                best = max(options, key=lambda a: sign * math.cos(math.radians(a)))
            points.append(_step(ankle, best, _LEN["foot"]))
        return points

    def arm(root: Point, upper: float, lower: float) -> list[Point]:
        elbow = _step(root, upper, _LEN["arm"])
        return [root, elbow, _step(elbow, lower, _LEN["forearm"])]

    thigh2 = pose.thigh if pose.thigh2 is None else pose.thigh2
    shin2 = pose.shin if pose.shin2 is None else pose.shin2
    arm2 = pose.arm if pose.arm2 is None else pose.arm2
    forearm2 = pose.forearm if pose.forearm2 is None else pose.forearm2
    return {
        "far_leg": leg(hips[1], thigh2, shin2),
        "far_arm": arm(shoulders[1], arm2, forearm2),
        "trunk": [hip, shoulder] if not front else [hips[0], shoulders[0], shoulders[1], hips[1], hips[0]],
        "near_leg": leg(hips[0], pose.thigh, pose.shin),
        "near_arm": arm(shoulders[0], pose.arm, pose.forearm),
        "head": [head],
    }


def _xy(p: Point, dx: float) -> str:
    return f"{p[0] + dx:.1f},{FIGURE_HEIGHT - p[1]:.1f}"


def _prop(prop: Prop, dx: float) -> list[str]:
    x, y, w, h = float(prop.x) + dx, FIGURE_HEIGHT - float(prop.y), float(prop.w), float(prop.h)
    line = f'stroke="{_PROP_LINE}" stroke-width="1.5"'
    fill = f'fill="{_PROP_FILL}"'
    if prop.kind == "floor":
        return [f'<line x1="{dx + 2:.1f}" y1="{y:.1f}" x2="{dx + _PANEL - 2:.1f}" y2="{y:.1f}" {line}/>']
    if prop.kind == "wall":
        return [f'<line x1="{x:.1f}" y1="{y:.1f}" x2="{x:.1f}" y2="{y - (h or 90):.1f}" {line}/>']
    if prop.kind in ("step", "box", "bench"):
        return [f'<rect x="{x:.1f}" y="{y - h:.1f}" width="{w:.1f}" height="{h:.1f}" {fill} {line}/>']
    if prop.kind in ("roller", "ball"):
        r = max(w, h, 4.0) / 2
        return [f'<circle cx="{x:.1f}" cy="{y - r:.1f}" r="{r:.1f}" {fill} {line}/>']
    if prop.kind == "band":
        return [
            f'<ellipse cx="{x:.1f}" cy="{y:.1f}" rx="{max(w, 2.0) / 2:.1f}" ry="{max(h, 2.0) / 2:.1f}" '
            f'fill="none" stroke="#c2410c" stroke-width="1.5" stroke-dasharray="3 2"/>'
        ]
    if prop.kind == "strap":
        return [
            f'<line x1="{x:.1f}" y1="{y:.1f}" x2="{x + w:.1f}" y2="{y - h:.1f}" '
            f'stroke="#c2410c" stroke-width="1.5" stroke-dasharray="3 2"/>'
        ]
    if prop.kind == "weight":
        return [f'<rect x="{x - 3:.1f}" y="{y - 6:.1f}" width="6" height="6" rx="1" fill="{_PROP_LINE}"/>']
    # bike: two wheels and a frame
    r = 9.0
    return [
        f'<circle cx="{x:.1f}" cy="{y - r:.1f}" r="{r}" fill="none" {line}/>',
        f'<circle cx="{x + w:.1f}" cy="{y - r:.1f}" r="{r}" fill="none" {line}/>',
        f'<polyline points="{x:.1f},{y - r:.1f} {x + w / 2:.1f},{y - h:.1f} {x + w:.1f},{y - r:.1f}" '
        f'fill="none" {line}/>',
    ]


def _pose(pose: Pose, dx: float, front: bool) -> list[str]:
    parts = skeleton(pose, front)
    out = []
    for key, colour in (
        ("far_leg", _FAR),
        ("far_arm", _FAR),
        ("trunk", _INK),
        ("near_leg", _INK),
        ("near_arm", _INK),
    ):
        pts = " ".join(_xy(p, dx) for p in parts[key])
        out.append(f'<polyline points="{pts}" fill="none" stroke="{colour}" {_LIMB}/>')
    cx, cy = _xy(parts["head"][0], dx).split(",")
    out.append(f'<circle cx="{cx}" cy="{cy}" r="{_HEAD_R}" fill="#ffffff" stroke="{_INK}" stroke-width="3"/>')
    return out


@functools.lru_cache(maxsize=2048)
def render_svg(figure: Figure, title: str, describe: bool = True) -> str:
    """The start and end positions side by side as an SVG document.

    Parameters
    ----------
    figure:
        The poses, props and description from the content.
    title:
        The exercise's name (the SVG's ``<title>``; the figure's ``alt`` is its
        ``<desc>``).
    describe:
        Include ``<title>`` and ``<desc>`` (the PDF leaves them out: fpdf2 ignores them
        with a warning, and the handout prints the name beside the picture).

    Returns
    -------
    str
        A standalone ``<svg>`` element, 220 x 100 user units.

    Figures are frozen content, so each is drawn once per process and kept (about
    0.12 ms a drawing; the exercise list draws eight on every rerun).
    """
    front = figure.view == "front"
    body: list[str] = []
    for i, pose in enumerate((figure.start, figure.end)):
        dx = i * (_PANEL + _GAP)
        for prop in figure.props:
            if prop.panel in ("both", ("start", "end")[i]):
                body.extend(_prop(prop, dx))
        body.append("<g>")
        body.extend(_pose(pose, dx, front))
        body.append("</g>")
    top = _top(figure, front)
    mid, ay = _PANEL + _GAP / 2, FIGURE_HEIGHT - top / 2
    body.append(
        f'<path d="M{mid - 6:.1f},{ay:.1f} L{mid + 5:.1f},{ay:.1f} M{mid + 1:.1f},{ay - 4:.1f} '
        f'L{mid + 5:.1f},{ay:.1f} L{mid + 1:.1f},{ay + 4:.1f}" '
        f'fill="none" stroke="{_PROP_LINE}" stroke-width="2" stroke-linecap="round"/>'
    )
    y0 = FIGURE_HEIGHT - top
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 {y0:.0f} {FIGURE_WIDTH} {top:.0f}" '
        f'width="{FIGURE_WIDTH * 2}" height="{top * 2:.0f}" role="img">'
        + (f"<title>{escape(title)}</title><desc>{escape(figure.alt)}</desc>" if describe else "")
        + f'<rect x="0" y="{y0:.0f}" width="{FIGURE_WIDTH}" height="{top:.0f}" fill="#ffffff"/>'
        + "".join(body)
        + "</svg>"
    )


def _top(figure: Figure, front: bool) -> float:
    """Height of the drawing: the highest point plus a margin (lying figures make a strip)."""
    high = 0.0
    for pose in (figure.start, figure.end):
        parts = skeleton(pose, front)
        high = max(high, *(p[1] for line in parts.values() for p in line))
        high = max(high, parts["head"][0][1] + _HEAD_R)
    for prop in figure.props:
        if prop.kind != "floor":
            high = max(high, float(prop.y) + float(prop.h or (90 if prop.kind == "wall" else 0)))
    return float(min(FIGURE_HEIGHT, max(40.0, round(high + 6))))
