"""content/messages.yaml holds one template per code kneecore raises, with exactly its placeholders."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from kneecore import ContentError, load_content
from kneecore.content import json_schemas
from kneecore.messages import CODES, FRAMES

Edit = Callable[[str, str, str], Path]


def test_real_catalogue_has_every_code_and_no_other(content) -> None:
    """The shipped catalogue holds a template for exactly the registry's codes."""
    assert set(content.messages.messages) == set(CODES)


def test_catalogue_schema_is_registered() -> None:
    """``python -m kneecore schema`` covers messages.yaml."""
    schema = json_schemas()["messages.yaml"]
    assert set(schema["properties"]) == {"frames", "messages"}
    assert set(schema["$defs"]["Frames"]["properties"]) == set(FRAMES)


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            '  arguments: "one file name, - for stdin, or --schema"\n',
            "",
            "content/messages.yaml: messages.arguments: is required but missing (kneecore raises this code)",
        ),
        (
            '  text_keys: "text keys"\n',
            '  text_keys: "text keys"\n  text_key: "text keys"\n',
            "content/messages.yaml: messages.text_key: is not a code kneecore raises (check the spelling)",
        ),
        (
            '"a whole number from {lo} to {hi}"',
            '"a whole number from {low} to {hi}"',
            "content/messages.yaml: messages.whole_number_range: unknown placeholder {low} "
            "(known: {lo}, {hi})",
        ),
        (
            '"a whole number from {lo} to {hi}"',
            '"a whole number up to {hi}"',
            "content/messages.yaml: messages.whole_number_range: misses placeholder {lo} (known: {lo}, {hi})",
        ),
        (
            '"a whole number from {lo} to {hi}"',
            '"a whole number from {lo:.2f} to {hi}"',
            "content/messages.yaml: messages.whole_number_range: placeholder {lo} may not carry a format "
            "or conversion; write {lo}",
        ),
        (
            '"a number"',
            '"a {number"',
            "content/messages.yaml: messages.number: has an unbalanced { or } "
            "(expected '}' before end of string)",
        ),
        (
            'full: "{key}: expected {expected}, got {got}"',
            'full: "{key}: expected {expected}"',
            "content/messages.yaml: frames.full: misses placeholder {got} (known: {key}, {expected}, {got})",
        ),
        (
            'bare: "expected {expected}"',
            'bare: "expected {expected} for {key}"',
            "content/messages.yaml: frames.bare: unknown placeholder {key} (known: {expected})",
        ),
        (
            '  no_key: "expected {expected}, got {got}"\n',
            "",
            "content/messages.yaml: frames.no_key: is required but missing",
        ),
        (
            '  text_keys: "text keys"\n',
            '  text_keys: "<b>text</b> keys"\n',
            "content/messages.yaml: messages.text_keys: must be Markdown without HTML tags",
        ),
    ],
)
def test_broken_catalogue_names_file_and_code(edit_yaml: Edit, old: str, new: str, message: str) -> None:
    """Each kind of catalogue breakage gives one line naming the file and the code (or frame)."""
    folder = edit_yaml("messages.yaml", old, new)
    with pytest.raises(ContentError) as err:
        load_content(folder)
    assert err.value.problems == (message,)


def test_missing_catalogue_file_is_named(content_copy: Path) -> None:
    """Without messages.yaml the content does not load, and the problem names the file."""
    (content_copy / "messages.yaml").unlink()
    with pytest.raises(ContentError) as err:
        load_content(content_copy)
    assert len(err.value.problems) == 1
    assert err.value.problems[0].startswith("content/messages.yaml: ")
