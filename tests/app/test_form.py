"""AppTest of the form page: checklist -> ranked summary and plan, PDF, cadence numbers, metronome audio."""

from __future__ import annotations

import io
import wave

import pypdf
import pytest
from streamlit.runtime.media_file_manager import MediaFileManager
from streamlit.testing.v1 import AppTest

from kneecore.cadence import CadenceInput, plan_cadence
from kneecore.form import summarise_form
from tests.app.pages import open_page, open_tab


class Media:
    """Files the page handed to Streamlit's media manager during a run (bytes and deferred)."""

    def __init__(self) -> None:
        self.files: list[tuple[bytes, str]] = []
        self.deferred: list[tuple[object, str | None, str | None]] = []

    def of_type(self, mimetype: str) -> list[bytes]:
        """The bytes of every file with this MIME type, latest last."""
        return [data for data, kind in self.files if kind == mimetype]


@pytest.fixture
def media(monkeypatch: pytest.MonkeyPatch) -> Media:
    """Record what the page gives the media manager (st.audio, st.download_button)."""
    seen = Media()
    add, add_deferred = MediaFileManager.add, MediaFileManager.add_deferred

    def record(self, path_or_data, mimetype, coordinates, file_name=None, is_for_static_download=False):
        if isinstance(path_or_data, bytes):
            seen.files.append((path_or_data, mimetype))
        return add(self, path_or_data, mimetype, coordinates, file_name, is_for_static_download)

    def record_deferred(self, data_callable, mimetype, coordinates, file_name=None, **kwargs):
        seen.deferred.append((data_callable, mimetype, file_name))
        return add_deferred(self, data_callable, mimetype, coordinates, file_name, **kwargs)

    monkeypatch.setattr(MediaFileManager, "add", record)
    monkeypatch.setattr(MediaFileManager, "add_deferred", record_deferred)
    return seen


def markdown(at: AppTest) -> list[str]:
    """Every Markdown block on the page, in order."""
    return [m.value for m in at.markdown]


def test_filming_guide_comes_first_and_summary_waits(content) -> None:
    """The filming guide is the first heading of the checklist, and the summary asks for answers."""
    at = open_page("form")
    headers = [s.value for s in at.header]
    assert any(content.form.filming.title in s for s in headers)
    checklist_heads = [s for s in headers if content.form.filming.title in s or "checklist" in s.lower()]
    assert content.form.filming.title in checklist_heads[0]
    assert content.form.label("summary_empty") in [i.value for i in at.info]
    assert [t.label for t in at.tabs] == [
        content.form.label(k) for k in ("tab_checklist", "tab_cadence", "tab_metronome", "tab_barefoot")
    ]


def test_answers_give_ranked_summary_plan_and_pdf(content, media) -> None:
    """All-at-once answers give ranked items with cues, drill links, the plan and a PDF with the top items."""
    at = open_page("form")
    at.segmented_control(key="form.mode").set_value("all").run()
    answers = {"overstriding": "yes", "pelvic_drop": "yes", "loud_landing": "not_sure", "cadence": "no"}
    for item_id, answer in answers.items():
        at.radio(key=f"form.answer.{item_id}").set_value(answer)
    at.run()
    assert not at.exception
    expected = summarise_form(content.form, answers)
    blocks = markdown(at)
    heads = [f"**{r.rank}. {r.item.title}**" for r in expected.focus]
    positions = [next(i for i, b in enumerate(blocks) if b.startswith(h)) for h in heads]
    assert positions == sorted(positions)
    for ranked in expected.focus:
        assert f"**{content.form.label('cue')}:** {ranked.item.cue}" in blocks
    links = [link.proto for link in at.get("page_link")]
    drill_ids = {d for r in expected.focus for d in r.item.drills}
    assert {p.query_string.removeprefix("exercise=") for p in links} >= drill_ids
    assert any(b.startswith(f"**{content.form.label('week').format(n=4)}") for b in blocks)
    maker = next(made for made, kind, _ in reversed(media.deferred) if kind == "application/pdf")
    pdf = pypdf.PdfReader(io.BytesIO(maker()))  # type: ignore[operator]
    text = " ".join(page.extract_text() for page in pdf.pages)
    for ranked in expected.focus:
        assert ranked.item.title in text
    assert content.form.label("pdf_title") in text


def test_one_at_a_time_keeps_answers(content) -> None:
    """Next and Previous move through the items, and an answer survives leaving its item."""
    at = open_page("form")
    first, second = content.form.items[0], content.form.items[1]
    at.radio(key=f"form.answer.{first.id}").set_value("yes").run()
    at.button(key="form.next").click().run()
    assert [r.key for r in at.radio if r.key.startswith("form.answer.")] == [f"form.answer.{second.id}"]
    at.button(key="form.previous").click().run()
    assert at.radio(key=f"form.answer.{first.id}").value == "yes"
    assert any(b.startswith(f"**1. {first.title}**") for b in markdown(at))


def test_condition_and_item_links(content) -> None:
    """?condition= personalises the ranking and ?item= opens that item; unknown values get a note."""
    at = open_page("form", {"condition": "itbs", "item": "pelvic_drop"})
    assert [r.key for r in at.radio if r.key.startswith("form.answer.")] == ["form.answer.pelvic_drop"]
    at.radio(key="form.answer.pelvic_drop").set_value("yes").run()
    assert any("Iliotibial" in c.value for c in at.caption)
    assert any(content.form.label("condition_match") in b for b in markdown(at))
    odd = open_page("form", {"condition": "sore_knee", "item": "moonwalk"})
    notes = " ".join(i.value for i in odd.info)
    assert "sore_knee" in notes
    assert "moonwalk" in notes


def test_cadence_numbers_shown(content) -> None:
    """Steps over 30 s and a pace give the step rate, step length and each target from kneecore."""
    at = open_tab(open_page("form"), content.form.label("tab_cadence"))
    at.radio(key="form.window").set_value(30)
    at.number_input(key="form.steps").set_value(82)
    at.number_input(key="form.pace_min").set_value(5)
    at.number_input(key="form.pace_sec").set_value(30).run()
    assert not at.exception
    result = plan_cadence(CadenceInput(82, 30, 5.5, "km"))
    metrics = {m.label: m.value for m in at.metric}
    assert (
        metrics[content.form.label("current")] == f"{result.step_rate:.0f} {content.form.label('per_minute')}"
    )
    assert metrics[content.form.label("step_length")] == f"{result.step_length_m * 100:.0f} cm"
    table = next(b for b in markdown(at) if b.startswith(f"| {content.form.label('target')}"))
    for target in result.targets:
        assert f"**{target.step_rate:.0f}**" in table
    assert content.form.cadence.not_180 in [i.value for i in at.info]


def test_cadence_out_of_range_names_the_field(content) -> None:
    """A count that gives an impossible step rate shows an error naming the field, not a traceback."""
    at = open_tab(open_page("form"), content.form.label("tab_cadence"))
    at.number_input(key="form.steps").set_value(20).run()
    assert not at.exception
    assert at.error[0].value.startswith(f"**{content.form.label('steps')}**: ")
    at.number_input(key="form.steps").set_value(80)
    at.segmented_control(key="form.unit").set_value("mi")
    at.number_input(key="form.pace_min").set_value(40).run()
    assert at.error[0].value.startswith(f"**{content.form.label('pace_min')}**: ")
    assert "per mi" in at.error[0].value


def test_metronome_audio_plays_and_downloads(content, media) -> None:
    """The page plays a one-minute WAV at the chosen tempo and offers a track of the chosen length."""
    at = open_tab(open_page("form"), content.form.label("tab_metronome"))
    at.number_input(key="form.bpm").set_value(168)
    at.number_input(key="form.minutes").set_value(3).run()
    assert not at.exception
    assert len(at.get("audio")) == 1
    with wave.open(io.BytesIO(media.of_type("audio/wav")[-1])) as wav:
        assert wav.getnframes() / wav.getframerate() == pytest.approx(60)
    maker, mimetype, name = next(d for d in reversed(media.deferred) if d[1] == "audio/wav")
    assert mimetype == "audio/wav"
    assert name == "metronome-168spm-3min.wav"
    with wave.open(io.BytesIO(maker())) as wav:  # type: ignore[operator]
        assert wav.getnframes() / wav.getframerate() == pytest.approx(180)


def test_metronome_uses_calculator_target_and_rejects_bad_tempo(content) -> None:
    """A calculator target can set the beat, and an out-of-range beat shows a named error."""
    at = open_tab(open_page("form"), content.form.label("tab_cadence"))
    at.number_input(key="form.steps").set_value(80).run()
    open_tab(at, content.form.label("tab_metronome"))
    target = round(plan_cadence(CadenceInput(80, 30, 6.0, "km")).targets[-1].step_rate)
    at.button_group(key="form.use_target").set_value(target).run()
    assert at.number_input(key="form.bpm").value == target
    at.number_input(key="form.bpm").set_value(300).run()
    assert not at.exception
    assert at.error[0].value.startswith(f"**{content.form.label('bpm')}**: ")
    assert len(at.get("audio")) == 0


def test_barefoot_section(content) -> None:
    """The barefoot tab shows what is known, each transition stage and the stop signs."""
    at = open_tab(open_page("form"), content.form.label("tab_barefoot"))
    blocks = markdown(at)
    assert content.form.barefoot.known in blocks
    for stage in content.form.barefoot.stages:
        assert any(stage.title in b for b in blocks)
    assert content.form.barefoot.stop_signs in [e.value for e in at.error]


def test_only_the_open_tab_is_drawn_and_tools_keep_their_values(content) -> None:
    """Closed tabs draw nothing; a step count survives a visit to another tab and reaches the metronome."""
    at = open_page("form")
    assert content.form.barefoot.known not in markdown(at)
    assert not at.number_input  # the calculator and metronome are closed
    open_tab(at, content.form.label("tab_cadence"))
    at.number_input(key="form.steps").set_value(84).run()
    open_tab(at, content.form.label("tab_barefoot"))
    assert not at.number_input
    assert content.form.barefoot.known in markdown(at)
    open_tab(at, content.form.label("tab_cadence"))
    assert at.number_input(key="form.steps").value == 84
    open_tab(at, content.form.label("tab_metronome"))
    targets = plan_cadence(CadenceInput(84, 30, 6.0, "km")).targets
    assert at.number_input(key="form.bpm").value == round(targets[0].step_rate)


def test_drills_a_condition_leaves_out_are_named_not_linked(content) -> None:
    """With ?condition=stress_fracture a hop drill shows the leave-out note, not a link to the exercise."""
    from kneecore.avoid import avoided_ids

    at = open_page("form", {"condition": "stress_fracture", "item": "loud_landing"})
    at.radio(key="form.answer.loud_landing").set_value("yes").run()
    avoided = [
        d for d in content.form.item("loud_landing").drills if d in avoided_ids(content, "stress_fracture")
    ]
    assert avoided
    links = " ".join(str(el.proto) for el in at.get("page_link"))
    for drill in avoided:
        assert f"exercise={drill}" not in links
        assert f"exercise%3D{drill}" not in links
    assert any(m.startswith("🚫") and "leave this drill out for now" in m for m in markdown(at))
    kept = [d for d in content.form.item("loud_landing").drills if d not in avoided]
    for drill in kept:
        assert drill in links
