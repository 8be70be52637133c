"""A step-rate metronome rendered as a WAV file in pure Python (stdlib ``wave`` and ``math``).

One short click (a decaying sine burst) per beat on an otherwise silent track; every
``accent_every``-th beat can be louder and higher. Beat ``i`` starts at sample
``round(i x rate x 60 / bpm)``, so the tempo stays exact over a long track. The default
is 8 kHz, 8-bit mono: a 10-minute track is about 4.8 MB, small enough to play in the
browser and to download.
"""

from __future__ import annotations

import io
import math
import sys
import wave
from array import array
from dataclasses import dataclass

from kneecore.errors import InputError

__all__ = [
    "CLICK_SECONDS",
    "MAX_BPM",
    "MAX_SECONDS",
    "MIN_BPM",
    "MIN_SECONDS",
    "SAMPLE_RATES",
    "MetronomeSpec",
    "beat_onsets",
    "check_spec",
    "metronome_wav",
]

MIN_BPM = 60.0
MAX_BPM = 240.0
MIN_SECONDS = 1.0
MAX_SECONDS = 60.0 * 60.0
"""Tracks run from 1 second to 1 hour."""
SAMPLE_RATES: tuple[int, ...] = (8000, 11025, 16000, 22050, 44100)
CLICK_SECONDS = 0.02
"""Each click lasts 20 ms, well under the gap between steps even at 240 beats per minute."""

_CLICK_HZ = 1000.0
_ACCENT_HZ = 1500.0
_CLICK_LEVEL = 0.55
_ACCENT_LEVEL = 0.95


@dataclass(frozen=True)
class MetronomeSpec:
    """What to render: tempo, length, accent and format.

    ``accent_every`` = 0 means no accent; 2 accents every other beat (one foot), 4 every
    fourth. ``sample_width`` is 1 (8-bit) or 2 (16-bit) bytes.
    """

    bpm: float
    seconds: float
    accent_every: int = 0
    sample_rate: int = 8000
    sample_width: int = 1


def check_spec(spec: MetronomeSpec) -> None:
    """Check a track's settings without rendering it.

    Parameters
    ----------
    spec:
        The track to check.

    Raises
    ------
    InputError
        Naming the first field out of range.
    """
    for key, value in (("metronome.bpm", spec.bpm), ("metronome.seconds", spec.seconds)):
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
            raise InputError(key, "number", value)
    if not MIN_BPM <= spec.bpm <= MAX_BPM:
        raise InputError("metronome.bpm", "tempo", spec.bpm, lo=f"{MIN_BPM:.0f}", hi=f"{MAX_BPM:.0f}")
    if not MIN_SECONDS <= spec.seconds <= MAX_SECONDS:
        raise InputError("metronome.seconds", "track_length", spec.seconds)
    if isinstance(spec.accent_every, bool) or spec.accent_every not in (0, *range(2, 9)):
        raise InputError("metronome.accent_every", "accent", spec.accent_every)
    if spec.sample_rate not in SAMPLE_RATES:
        raise InputError(
            "metronome.sample_rate", "sample_rate", spec.sample_rate, rates=", ".join(map(str, SAMPLE_RATES))
        )
    if spec.sample_width not in (1, 2):
        raise InputError("metronome.sample_width", "sample_width", spec.sample_width)


def _click(rate: int, width: int, hz: float, level: float) -> bytes:
    """One click as raw PCM: a sine burst with a fast exponential decay."""
    length = int(rate * CLICK_SECONDS)
    values = [
        level * math.sin(2 * math.pi * hz * n / rate) * math.exp(-6.0 * n / length) for n in range(length)
    ]
    if width == 1:
        return bytes(max(0, min(255, round(128 + 127 * v))) for v in values)
    samples = array("h", (round(32767 * v) for v in values))
    if sys.byteorder == "big":  # WAV is little-endian
        samples.byteswap()
    return samples.tobytes()


def beat_onsets(spec: MetronomeSpec) -> tuple[int, ...]:
    """The sample index where each beat starts (the first at 0).

    Parameters
    ----------
    spec:
        The track to render.

    Returns
    -------
    tuple[int, ...]
        One index per beat that starts inside the track.
    """
    check_spec(spec)
    total = round(spec.seconds * spec.sample_rate)
    per_beat = spec.sample_rate * 60.0 / spec.bpm
    count = math.ceil(total / per_beat)
    onsets = (round(i * per_beat) for i in range(count + 1))
    return tuple(o for o in onsets if o < total)


def metronome_wav(spec: MetronomeSpec) -> bytes:
    """Render the metronome as a mono PCM WAV file.

    Parameters
    ----------
    spec:
        Tempo (beats per minute), length in seconds, accent and format.

    Returns
    -------
    bytes
        A complete ``.wav`` file.

    Raises
    ------
    InputError
        Naming ``metronome.bpm``, ``metronome.seconds`` or another field that is out of range.
    """
    onsets = beat_onsets(spec)
    rate, width = spec.sample_rate, spec.sample_width
    total = round(spec.seconds * rate)
    silence = b"\x80" if width == 1 else b"\x00\x00"
    pcm = bytearray(silence * total)
    click = _click(rate, width, _CLICK_HZ, _CLICK_LEVEL)
    accent = _click(rate, width, _ACCENT_HZ, _ACCENT_LEVEL)
    for beat, onset in enumerate(onsets):
        sound = accent if spec.accent_every and beat % spec.accent_every == 0 else click
        start = onset * width
        end = min(start + len(sound), total * width)
        pcm[start:end] = sound[: end - start]
    out = io.BytesIO()
    with wave.open(out, "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(width)
        wav.setframerate(rate)
        wav.writeframes(bytes(pcm))
    return out.getvalue()
