"""The _page.yaml labels kneecore reads (dose text, handout, table) are required, placeholders checked."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from kneecore import ContentError, load_content
from kneecore.content.page_labels import REQUIRED_LABELS

Edit = Callable[[str, str, str], Path]


def test_real_page_has_every_required_label(content) -> None:
    """The shipped _page.yaml holds every label kneecore reads."""
    assert content.exercises.page is not None
    assert set(REQUIRED_LABELS) <= set(content.exercises.page.labels)


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            '  col_name: "Exercise"\n',
            "",
            "content/exercises/_page.yaml: labels: col_name is required but missing",
        ),
        (
            '  dose_each_side: "each side"\n  dose_rest: "rest {n} s"\n',
            "",
            "content/exercises/_page.yaml: labels: dose_each_side, dose_rest are required but missing",
        ),
        (
            'dose_rest: "rest {n} s"',
            'dose_rest: "rest {seconds} s"',
            "content/exercises/_page.yaml: labels: dose_rest: unknown placeholder {seconds} (known: {n})",
        ),
        (
            'dose_reps: "{sets} x {n} reps"',
            'dose_reps: "{sets} x {reps} reps"',
            "content/exercises/_page.yaml: labels: dose_reps: unknown placeholder {reps} "
            "(known: {sets}, {n})",
        ),
        (
            "routine_flag_summary:",
            "routine_flag_summary_old:",
            "content/exercises/_page.yaml: labels: routine_flag_summary is required but missing",
        ),
        (
            '"**With {condition}, leave this one out for now**',
            '"**With {name}, leave this one out for now**',
            "content/exercises/_page.yaml: labels: routine_flag: unknown placeholder {name} "
            "(known: {condition}, {why})",
        ),
        (
            '"**Leave out for now ({condition}):** see the note at the top."',
            '"**Leave out for now ({condition}):** {why}"',
            "content/exercises/_page.yaml: labels: handout_flag: unknown placeholder {why} "
            "(known: {condition})",
        ),
    ],
)
def test_broken_page_labels_name_file_and_key(edit_yaml: Edit, old: str, new: str, message: str) -> None:
    """A missing label or a wrong placeholder is a load-time error naming the file and the key."""
    folder = edit_yaml("exercises/_page.yaml", old, new)
    with pytest.raises(ContentError) as err:
        load_content(folder)
    assert err.value.problems == (message,)
