"""The reading side's YAML validates, and each kind of breakage is named by file, item and key."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace

import pytest

from kneecore.content import exercises, form, library, validate
from kneecore.content._base import Problems
from kneecore.content.exercises import EXERCISE_IDS, ROUTINE_IDS
from kneecore.content.form import FORM_ITEM_IDS
from kneecore.ids import CONDITION_IDS
from tests.conftest import CONTENT

Edit = Callable[[str, str, str], Path]


def library_problems(folder: Path) -> list[str]:
    """Load and cross-check the library alone (other domains as they load, else placeholders)."""
    problems = Problems(folder)
    lib = library.load(folder, problems)
    others = Problems(folder)
    content = SimpleNamespace(
        library=lib,
        exercises=exercises.load(folder, others) or SimpleNamespace(),
        form=form.load(folder, others) or SimpleNamespace(),
    )
    if lib is not None and not problems:  # as load_content: cross-checks only on clean files
        library.check(content, problems)  # type: ignore[arg-type]
    return problems.lines


def real_library() -> library.LibraryContent:
    """The shipped library content."""
    problems = Problems(CONTENT)
    lib = library.load(CONTENT, problems)
    assert not problems, problems.lines
    assert lib is not None
    return lib


def test_real_library_validates() -> None:
    """The shipped conditions, guides and stories have no problems."""
    assert library_problems(CONTENT) == []


def test_full_validation_has_no_library_lines() -> None:
    """The whole content check reports nothing about the reading side's files."""
    mine = ("content/conditions", "content/guides", "content/stories")
    assert [line for line in validate(CONTENT) if line.startswith(mine)] == []


def test_every_condition_has_exactly_one_page() -> None:
    """Each checker condition id has one page, in the contract's order."""
    assert tuple(page.id for page in real_library().conditions) == CONDITION_IDS


def test_condition_pages_are_complete() -> None:
    """Every condition page has signs, help, exercises or form links, a clinicians' section and sources."""
    for page in real_library().conditions:
        assert page.signs
        assert page.what_helps
        assert page.for_clinicians
        assert page.references
        assert page.exercises or page.form, page.id
        assert set(page.exercises) <= set(EXERCISE_IDS)
        assert set(page.routines) <= set(ROUTINE_IDS)
        assert set(page.form) <= set(FORM_ITEM_IDS)


def test_required_guides_exist() -> None:
    """The overview, myths, hips, mindset, treatments, four return parts and getting help are all there."""
    lib = real_library()
    overview = lib.guide("know_the_cause")
    assert overview is not None
    assert overview.title == "Identify the cause and know when to see a doctor"
    assert {f.id for f in overview.facts} == {"overuse", "pfp_leads", "running_and_oa", "acl_prevention"}
    assert {"ottawa", "septic_joint", "dvt", "locked_knee"} <= {f.id for f in overview.red_flags}
    myths = lib.guide("running_myths")
    assert myths is not None
    assert {m.id for m in myths.myths} == {
        "wears_out_knees",
        "hard_surfaces",
        "pain_means_stop",
        "rest_until_pain_free",
    }
    treatments = lib.guide("treatments")
    assert treatments is not None
    assert {t.id for t in treatments.treatments} == {
        "acupuncture", "yoga", "foam_rolling", "massage", "taping_braces", "injections"
    }  # fmt: skip
    parts = [g for g in lib.guides if g.group == "return"]
    assert [g.part for g in parts] == [1, 2, 3, 4]
    assert all(any(link.to.startswith("/ramp") for link in g.links) for g in parts)
    helping = lib.guide("getting_help")
    assert helping is not None
    assert helping.bring
    assert {p.id for p in helping.professionals} == {
        "sports_physician", "physiotherapist", "podiatrist", "acupuncturist", "surgeon"
    }  # fmt: skip
    assert lib.guide("hips") is not None
    assert lib.guide("mindset") is not None


def test_stories_cover_conditions_and_one_diary_spans_four_months() -> None:
    """At least six composite stories over several conditions; one diary runs about four months."""
    stories = real_library().stories
    assert len(stories) >= 6
    assert all(s.composite for s in stories)
    assert len({s.condition for s in stories}) >= 5
    diaries = [s for s in stories if s.diary]
    assert diaries
    days = (diaries[0].diary[-1].date - diaries[0].diary[0].date).days
    assert 110 <= days <= 135


@pytest.mark.parametrize(
    ("rel", "old", "new", "message"),
    [
        (
            "conditions/itbs.yaml",
            "exercises: [side_plank,",
            "exercises: [side_plankk,",
            "content/conditions/itbs.yaml: condition 'itbs': exercises: names exercise 'side_plankk', "
            "which does not exist",
        ),
        (
            "conditions/pfps.yaml",
            "routines: [routine_pfps,",
            "routines: [routine_pfpz,",
            "content/conditions/pfps.yaml: condition 'pfps': routines: names routine 'routine_pfpz', "
            "which does not exist",
        ),
        (
            "conditions/pfps.yaml",
            "form: [cadence,",
            "form: [cadense,",
            "content/conditions/pfps.yaml: condition 'pfps': form: names form item 'cadense', which "
            "does not exist",
        ),
        (
            "guides/hips.yaml",
            "(/form?condition=pfps)",
            "(/form?condition=pfp)",
            "content/guides/hips.yaml: guide 'hips': sections.check_yourself.body: links to "
            "/form?condition=pfp, "
            "but condition 'pfp' does not exist",
        ),
        (
            "guides/mindset.yaml",
            'to: "/stories"',
            'to: "/storys"',
            "content/guides/mindset.yaml: guide 'mindset': links[1].to: links to /storys, but there "
            "is no page /storys",
        ),
        (
            "guides/mindset.yaml",
            'to: "/guides?guide=return_mental_game"',
            'to: "/guides?guide=return_mental"',
            "content/guides/mindset.yaml: guide 'mindset': links[2].to: links to "
            "/guides?guide=return_mental, "
            "but guide 'return_mental' does not exist",
        ),
        (
            "guides/running_myths.yaml",
            'to: "/ramp"',
            'to: "/ramp?weeks=3"',
            "content/guides/running_myths.yaml: guide 'running_myths': links[1].to: links to /ramp?weeks=3, "
            "but /ramp takes no 'weeks' parameter",
        ),
        (
            "conditions/fat_pad_impingement.yaml",
            "references:\n  - citation:",
            "references: []\nsources:\n  - citation:",
            "content/conditions/fat_pad_impingement.yaml: condition 'fat_pad_impingement': references: "
            "needs at least 1 item(s), got 0",
        ),
        (
            "guides/treatments.yaml",
            '        doi: "10.3389/fphys.2019.00376"\n',
            "",
            "content/guides/treatments.yaml: treatment 'foam_rolling': references[1]: needs a doi or a url",
        ),
        (
            "stories/tom_itb.yaml",
            "composite: true",
            "composite: false",
            "content/stories/tom_itb.yaml: story 'tom_itb': composite: must be true: every story is an "
            "illustrative composite written for this app",
        ),
        (
            "stories/tom_itb.yaml",
            "composite: true\n",
            "",
            "content/stories/tom_itb.yaml: story 'tom_itb': composite: is required but missing",
        ),
        (
            "stories/tom_itb.yaml",
            "condition: itbs",
            "condition: itb",
            "content/stories/tom_itb.yaml: story 'tom_itb': condition: names condition 'itb', which "
            "does not exist",
        ),
        (
            "stories/maya_kneecap_diary.yaml",
            "date: 2025-03-05",
            "date: 2025-02-05",
            "content/stories/maya_kneecap_diary.yaml: story 'maya_kneecap_diary': diary: dates must "
            "go forward in time",
        ),
        (
            "guides/hips.yaml",
            "group: treat",
            "group: treatment",
            "content/guides/hips.yaml: guide 'hips': group: names group 'treatment', which does not exist",
        ),
        (
            "conditions/pfps.yaml",
            "look_alikes: [patellar_tendinopathy,",
            "look_alikes: [jumpers_knee,",
            "content/conditions/pfps.yaml: condition 'pfps': look_alikes: names condition 'jumpers_knee', "
            "which does not exist",
        ),
    ],
    ids=[
        "dangling-exercise", "dangling-routine", "dangling-form-item", "dangling-link-id", "link-to-no-page",
        "link-to-no-guide", "link-unknown-param", "missing-reference", "reference-without-source",
        "story-not-composite", "story-composite-missing", "story-unknown-condition", "diary-out-of-order",
        "unknown-group", "unknown-look-alike",
    ],
)  # fmt: skip
def test_broken_library_names_the_problem(
    edit_yaml: Edit, rel: str, old: str, new: str, message: str
) -> None:
    """A broken library file fails with a message naming file, item, key and what was wrong."""
    folder = edit_yaml(rel, old, new)
    assert message in library_problems(folder)


def test_missing_condition_page(content_copy: Path) -> None:
    """Deleting a condition's file names the condition that has no page."""
    (content_copy / "conditions" / "plica_syndrome.yaml").unlink()
    assert library_problems(content_copy) == [
        "content/conditions: condition 'plica_syndrome' has no page (add conditions/plica_syndrome.yaml)"
    ]


def test_duplicate_condition_page(content_copy: Path) -> None:
    """A second file for the same condition is refused, naming the first."""
    shutil.copy(content_copy / "conditions" / "pfps.yaml", content_copy / "conditions" / "pfps_copy.yaml")
    assert library_problems(content_copy) == [
        "content/conditions/pfps_copy.yaml: condition 'pfps': has more than one page (also "
        "content/conditions/pfps.yaml)"
    ]


def test_duplicate_story_id(content_copy: Path) -> None:
    """Two stories with one id are refused."""
    shutil.copy(content_copy / "stories" / "tom_itb.yaml", content_copy / "stories" / "tom_itb_2.yaml")
    assert library_problems(content_copy) == [
        "content/stories/tom_itb_2.yaml: story 'tom_itb': has more than one page (also "
        "content/stories/tom_itb.yaml)"
    ]


def test_page_for_unknown_condition(edit_yaml: Edit) -> None:
    """A condition file whose id is not a checker id is named, and the real id is then missing."""
    folder = edit_yaml("conditions/plica_syndrome.yaml", "id: plica_syndrome", "id: plica")
    assert library_problems(folder) == [
        "content/conditions/plica_syndrome.yaml: condition 'plica': id: is not a checker condition id "
        "(see kneecore/ids.py)",
        "content/conditions: condition 'plica_syndrome' has no page (add conditions/plica_syndrome.yaml)",
    ]


def test_missing_page_text(content_copy: Path) -> None:
    """Without guides/index.yaml the library cannot load, and the file is named."""
    (content_copy / "guides" / "index.yaml").unlink()
    assert library_problems(content_copy) == ["content/guides/index.yaml: file is missing"]


def test_ids_are_checked_against_real_exercises_once_they_exist(content_copy: Path) -> None:
    """An exercise id the exercise content lacks is reported, and one it has is not."""
    lib = library.load(content_copy, Problems(content_copy))
    fake_exercises = SimpleNamespace(exercises=(SimpleNamespace(id="wall_sit"),), routines=())
    problems = Problems(content_copy)
    library.check(
        SimpleNamespace(library=lib, exercises=fake_exercises, form=SimpleNamespace(items=())), problems
    )  # type: ignore[arg-type]
    assert (
        "content/conditions/itbs.yaml: condition 'itbs': exercises: names exercise 'side_plank', "
        "which does not exist" in problems.lines
    )
    assert not any("'wall_sit'" in line for line in problems.lines)
