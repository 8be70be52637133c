"""The generated metronome WAV: format, length, tempo (clicks counted in the samples), accents, errors."""

from __future__ import annotations

import io
import itertools
import math
import wave
from array import array

import pytest

from kneecore.errors import InputError
from kneecore.metronome import CLICK_SECONDS, MetronomeSpec, beat_onsets, metronome_wav


def read(wav_bytes: bytes) -> tuple[wave._wave_params, list[int]]:
    """The WAV header and its samples centred on zero."""
    with wave.open(io.BytesIO(wav_bytes), "rb") as wav:
        params = wav.getparams()
        frames = wav.readframes(params.nframes)
    if params.sampwidth == 1:
        return params, [b - 128 for b in frames]
    return params, list(array("h", frames))


def onsets(samples: list[int], rate: int, threshold: int = 3) -> list[int]:
    """Sample indices where sound starts after at least half a click of silence."""
    gap = int(rate * CLICK_SECONDS / 2)
    found: list[int] = []
    quiet = gap
    for index, value in enumerate(samples):
        if abs(value) > threshold:
            if quiet >= gap:
                found.append(index)
            quiet = 0
        else:
            quiet += 1
    return found


@pytest.mark.parametrize(
    ("bpm", "seconds", "rate", "width"),
    [(160, 10, 8000, 1), (172.5, 30, 8000, 1), (180, 12, 22050, 2), (60, 5, 44100, 2), (240, 60, 8000, 1)],
)
def test_length_rate_and_tempo(bpm, seconds, rate, width) -> None:
    """The file lasts the chosen time at the chosen rate, and its clicks come at the chosen tempo."""
    params, samples = read(metronome_wav(MetronomeSpec(bpm, seconds, sample_rate=rate, sample_width=width)))
    assert params.nchannels == 1
    assert params.framerate == rate
    assert params.sampwidth == width
    assert params.nframes / params.framerate == pytest.approx(seconds, abs=1 / rate)
    found = onsets(samples, rate)
    assert len(found) == pytest.approx(bpm * seconds / 60, abs=1)
    gaps = [b - a for a, b in itertools.pairwise(found)]
    measured_bpm = 60 * rate * len(gaps) / sum(gaps)
    assert measured_bpm == pytest.approx(bpm, rel=0.002)
    assert max(gaps) - min(gaps) <= 1  # beats never drift by more than a sample's rounding


def test_ten_minute_track_keeps_time() -> None:
    """Over ten minutes the last click lands where the tempo says (no drift from rounding)."""
    spec = MetronomeSpec(bpm=171, seconds=600)
    _, samples = read(metronome_wav(spec))
    found = onsets(samples, spec.sample_rate)
    assert len(found) == 1710
    assert found[-1] - found[0] == pytest.approx(1709 * 8000 * 60 / 171, abs=1)


def test_accent_is_louder_every_nth_beat() -> None:
    """With an accent every 4 beats, beats 0, 4, 8... peak higher than the others."""
    spec = MetronomeSpec(bpm=120, seconds=6, accent_every=4, sample_width=2)
    _, samples = read(metronome_wav(spec))
    click = int(spec.sample_rate * CLICK_SECONDS)
    peaks = [max(abs(s) for s in samples[o : o + click]) for o in beat_onsets(spec)]
    accented = [p for n, p in enumerate(peaks) if n % 4 == 0]
    plain = [p for n, p in enumerate(peaks) if n % 4]
    assert min(accented) > max(plain)


def test_no_accent_means_equal_clicks() -> None:
    """Without an accent every click has the same peak."""
    spec = MetronomeSpec(bpm=150, seconds=4)
    _, samples = read(metronome_wav(spec))
    click = int(spec.sample_rate * CLICK_SECONDS)
    peaks = {max(abs(s) for s in samples[o : o + click]) for o in beat_onsets(spec)}
    assert len(peaks) == 1


def test_first_beat_at_start_and_onsets_inside_track() -> None:
    """Beat one starts the track and no beat starts past its end."""
    spec = MetronomeSpec(bpm=170, seconds=7.3)
    marks = beat_onsets(spec)
    assert marks[0] == 0
    assert marks[-1] < 7.3 * spec.sample_rate
    assert len(marks) == math.ceil(7.3 * 170 / 60)


@pytest.mark.parametrize(
    ("spec", "key"),
    [
        (MetronomeSpec(bpm=30, seconds=10), "metronome.bpm"),
        (MetronomeSpec(bpm=300, seconds=10), "metronome.bpm"),
        (MetronomeSpec(bpm=float("inf"), seconds=10), "metronome.bpm"),
        (MetronomeSpec(bpm=170, seconds=0), "metronome.seconds"),
        (MetronomeSpec(bpm=170, seconds=4000), "metronome.seconds"),
        (MetronomeSpec(bpm=170, seconds=10, accent_every=1), "metronome.accent_every"),
        (MetronomeSpec(bpm=170, seconds=10, sample_rate=1000), "metronome.sample_rate"),
        (MetronomeSpec(bpm=170, seconds=10, sample_width=3), "metronome.sample_width"),
    ],
)
def test_bad_spec_names_the_field(spec, key) -> None:
    """Out-of-range settings raise InputError naming the field."""
    with pytest.raises(InputError) as caught:
        metronome_wav(spec)
    assert caught.value.key == key
