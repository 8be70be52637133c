"""UI pieces of the form page: the step-rate calculator, the metronome and the barefoot guide."""

from __future__ import annotations

import streamlit as st

from kneecore import InputError
from kneecore.cadence import CadenceInput, CadenceResult, format_pace, plan_cadence
from kneecore.content.form import FormContent
from kneecore.messages import frame
from kneecore.metronome import MetronomeSpec, check_spec, metronome_wav
from pages.ui.common import references

__all__ = ["read_cadence", "render_barefoot", "render_cadence", "render_metronome"]

BPM_KEY = "form.bpm"
_FIELDS = {
    "cadence.steps": "steps",
    "cadence.seconds": "window",
    "cadence.pace": "pace_min",
    "cadence.unit": "unit",
    "metronome.bpm": "bpm",
    "metronome.seconds": "minutes",
    "metronome.accent_every": "accent",
}


def _show_error(form: FormContent, exc: InputError) -> None:
    field = form.label(_FIELDS.get(exc.key, exc.key))
    got = None if exc.got is None else str(exc.got)
    st.error(frame(f"**{field}**", exc.expected, got), icon="⚠️")


_DEFAULTS: dict[str, object] = {
    "form.window": 30,
    "form.steps": 0,
    "form.pace_min": 6,
    "form.pace_sec": 0,
    "form.unit": "km",
    BPM_KEY: None,  # seeded from the calculator's first target, else 170
    "form.accent": 0,
    "form.minutes": 10,
}
"""The calculator's and metronome's widget keys and first values. The tools sit in tabs
that are drawn only while open (``pages/form.py``), so their widgets keep their state for
the session (``persist_state``) and start from these values, not from ``value=``."""


def _seed() -> None:
    for key, value in _DEFAULTS.items():
        if value is not None:
            st.session_state.setdefault(key, value)


def read_cadence(form: FormContent) -> tuple[CadenceResult | None, InputError | None]:
    """The calculator's result from the answers kept in session state (no widgets drawn).

    The metronome and the checklist's printable page use it whichever tab is open.
    """
    _seed()
    state = st.session_state
    steps = state["form.steps"]
    if not steps:
        return None, None
    data = CadenceInput(
        steps=float(steps),
        seconds=int(state["form.window"]) or 60,
        pace_minutes=state["form.pace_min"] + state["form.pace_sec"] / 60,
        unit=state["form.unit"] or "km",
    )
    try:
        return plan_cadence(data, tuple(t.percent for t in form.cadence.targets)), None
    except InputError as exc:
        return None, exc


def render_cadence(form: FormContent, result: CadenceResult | None, error: InputError | None) -> None:
    """The calculator: steps over a window and easy pace -> step rate and +5/7.5/10 % targets.

    ``result`` and ``error`` come from :func:`read_cadence` earlier in the same run: the
    widgets drawn here hold the same values in session state.
    """
    _seed()
    text = form.cadence
    st.header(text.title)
    st.markdown(text.intro)
    st.caption(text.how_to_count)
    windows = {
        30: form.label("window_30"),
        15: form.label("window_15"),
        60: form.label("window_60"),
        0: form.label("window_spm"),
    }
    st.radio(
        form.label("window"),
        list(windows),
        format_func=windows.get,
        key="form.window",
        persist_state="session",
    )
    st.number_input(
        form.label("steps"), min_value=0, max_value=1000, step=1, key="form.steps", persist_state="session"
    )
    minutes, seconds = st.columns(2)
    minutes.number_input(form.label("pace_min"), 0, 60, key="form.pace_min", persist_state="session")
    seconds.number_input(form.label("pace_sec"), 0, 59, key="form.pace_sec", persist_state="session")
    st.segmented_control(
        form.label("unit"), ["km", "mi"], key="form.unit", required=True, persist_state="session"
    )
    if error is not None:
        _show_error(form, error)
    if result is None:
        return
    per = form.label("per_minute")
    now, length = st.columns(2)
    now.metric(form.label("current"), f"{result.step_rate:.0f} {per}")
    length.metric(form.label("step_length"), f"{result.step_length_m * 100:.0f} cm")
    st.caption(
        f"{form.label('speed')}: {result.speed_m_s * 3.6:.1f} km/h · "
        f"{format_pace(result.pace_min_per_km)} /km · {format_pace(result.pace_min_per_mi)} /mi"
    )
    head = f"| {form.label('target')} | {form.label('target_rate')} | {form.label('target_length')} |"
    rows = [
        f"| {label.label} | **{t.step_rate:.0f}** | {t.step_length_m * 100:.0f} cm "
        f"({t.step_length_change_cm:+.1f} cm, {t.step_length_change_percent:+.1f}%) |"
        for label, t in zip(text.targets, result.targets, strict=True)
    ]
    st.markdown("\n".join([head, "|---|---|---|", *rows]))
    st.markdown(text.why)
    st.info(text.not_180, icon="ℹ️")
    st.markdown(text.how_to_practise)
    references(text.references, form.label("sources"))


def _use_target() -> None:
    chosen = st.session_state.get("form.use_target")
    if chosen:
        st.session_state[BPM_KEY] = int(chosen)


def render_metronome(form: FormContent, cadence: CadenceResult | None) -> None:
    """Play a one-minute looping beat and offer a longer track to download, both made in code."""
    text = form.metronome
    st.header(text.title)
    st.markdown(text.intro)
    _seed()
    if cadence is not None:
        options = [round(t.step_rate) for t in cadence.targets]
        st.pills(form.label("use_target"), options, key="form.use_target", on_change=_use_target)
    if BPM_KEY not in st.session_state:
        st.session_state[BPM_KEY] = round(cadence.targets[0].step_rate) if cadence else 170
    bpm = st.number_input(
        form.label("bpm"), min_value=1, max_value=400, step=1, key=BPM_KEY, persist_state="session"
    )
    accents = {0: form.label("accent_none"), 2: form.label("accent_two"), 4: form.label("accent_four")}
    accent = st.radio(
        form.label("accent"),
        list(accents),
        format_func=accents.get,
        key="form.accent",
        persist_state="session",
    )
    minutes = st.number_input(
        form.label("minutes"), min_value=1, max_value=600, key="form.minutes", persist_state="session"
    )
    loop = MetronomeSpec(bpm=float(bpm), seconds=60.0, accent_every=int(accent))
    track = MetronomeSpec(bpm=float(bpm), seconds=float(minutes) * 60, accent_every=int(accent))
    try:
        check_spec(loop)
        check_spec(track)
    except InputError as exc:
        _show_error(form, exc)
        return
    st.caption(form.label("play"))
    st.audio(metronome_wav(loop), format="audio/wav", loop=True)
    st.download_button(
        f"⬇️ {form.label('download_audio')}",
        lambda: metronome_wav(track),
        file_name=f"metronome-{int(bpm)}spm-{int(minutes)}min.wav",
        mime="audio/wav",
        key="form.audio",
        on_click="ignore",
    )
    st.caption(text.safety)


def render_barefoot(form: FormContent) -> None:
    """What is known about barefoot and minimalist running, and a months-long transition."""
    text = form.barefoot
    st.header(text.title)
    st.markdown(text.known)
    st.warning(text.who_should_not, icon="⚠️")
    st.markdown(f"**{form.label('transition')}**")
    for stage in text.stages:
        st.markdown(f"**{stage.when}: {stage.title}.** {stage.body}")
    st.error(text.stop_signs, icon="🛑")
    references(text.references, form.label("sources"))
