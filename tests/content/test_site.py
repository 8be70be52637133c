"""The real content validates, and each kind of breakage is reported by file, item and key."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from kneecore import ContentError, load_content
from kneecore.content import validate
from kneecore.content.site import contrast_ratio

Edit = Callable[[str, str, str], Path]


def test_real_content_validates(content) -> None:
    """The shipped content folder has no problems."""
    assert content.site.app.name
    assert validate(content.root) == []


def test_every_home_fact_has_a_source(content) -> None:
    """Each headline fact on the home page carries at least one reference."""
    assert len(content.site.home.facts) >= 3
    assert all(fact.references for fact in content.site.home.facts)


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            'name: "Knee Compass"',
            "name: 12",
            "content/site.yaml: app.name: must be text (put it in quotes if it looks like a number, "
            "date or yes/no), got 12",
        ),
        (
            'tagline: "',
            'slogan: "hi"\n  tagline: "',
            "content/site.yaml: app.slogan: is not a known key (check the spelling)",
        ),
        (
            'primary_color: "#1a6b5c"',
            'primary_color: "green"',
            "content/site.yaml: theme.primary_color: must be a colour like #1a6b5c, got 'green'",
        ),
        (
            'text_color: "#05080b"',
            'text_color: "#dddddd"',
            "content/site.yaml: theme: text_color on background_color has contrast 1.4:1; "
            "WCAG AA needs 4.5:1",
        ),
        (
            "    - page: ramp\n",
            "    - page: rampage\n",
            "content/site.yaml: home.cards: unknown page rampage",
        ),
        (
            '          doi: "10.2519/jospt.2017.7137"\n',
            "",
            "content/site.yaml: home.facts[3].references[1]: needs a doi or a url",
        ),
        (
            '      references:\n        - citation: "Taunton',
            '      references: []\n      old_references:\n        - citation: "Taunton',
            "content/site.yaml: home.facts[2].references: needs at least 1 item(s), got 0",
        ),
        (
            'city: "Bristol"',
            'city: "Bristol"\n  city: "Bath"',
            "content/site.yaml: line 25, column 3: duplicate key 'city' (first at line 24)",
        ),
        (
            'hours: "Mon-Fri',
            'hours: "<b>Mon-Fri',
            "content/site.yaml: clinic.hours: must be Markdown without HTML tags",
        ),
        (
            "stale_after_days: 14",
            "stale_after_days: 400",
            "content/site.yaml: sharing.stale_after_days: must be 1-365, got 400",
        ),
        (
            'made: "This link was made on {made} ({age})."',
            'made: "This link was made on {when}."',
            "content/site.yaml: sharing.made: unknown placeholder {when} (known: {made}, {age})",
        ),
        (
            'age_today: "today"',
            'age_today: "today {"',
            "content/site.yaml: sharing.age_today: has an unbalanced { or } "
            "(Single '{' encountered in format string)",
        ),
    ],
    ids=[
        "stale-days-out-of-range",
        "unknown-placeholder",
        "unbalanced-brace",
        "bad-type",
        "unknown-key",
        "bad-colour",
        "poor-contrast",
        "dangling-page",
        "reference-without-source",
        "missing-reference",
        "duplicate-key",
        "html",
    ],
)
def test_broken_site_names_the_problem(edit_yaml: Edit, old: str, new: str, message: str) -> None:
    """A broken site.yaml fails with a message naming file, key and what was expected."""
    folder = edit_yaml("site.yaml", old, new)
    with pytest.raises(ContentError) as caught:
        load_content(folder)
    assert message in caught.value.problems, caught.value.problems


def test_every_problem_is_listed_at_once(edit_yaml: Edit) -> None:
    """Two problems in one file come back together, not one per run."""
    edit_yaml("site.yaml", 'name: "Knee Compass"', "name: 12")
    folder = edit_yaml("site.yaml", 'phone: "0117 496 0000"', "phone: 4960000")
    problems = validate(folder)
    assert len(problems) == 2
    assert any("app.name" in p for p in problems)
    assert any("clinic.phone" in p for p in problems)


def test_yaml_no_is_not_text(edit_yaml: Edit) -> None:
    """YAML 1.1 turns an unquoted ``no`` into False; the strict model refuses it."""
    folder = edit_yaml("site.yaml", 'city: "Bristol"', "city: no")
    assert validate(folder) == [
        "content/site.yaml: clinic.city: must be text (put it in quotes if it looks like a number, "
        "date or yes/no), got False"
    ]


def test_missing_and_unparsable_files(content_copy: Path) -> None:
    """A missing file and a file that is not YAML are both named."""
    (content_copy / "site.yaml").write_text("app: [unclosed\n", encoding="utf-8")
    problems = validate(content_copy)
    assert len(problems) == 1
    assert problems[0].startswith("content/site.yaml: line 2, column 1:")
    (content_copy / "site.yaml").unlink()
    assert validate(content_copy) == ["content/site.yaml: file is missing"]


def test_missing_folder(tmp_path: Path) -> None:
    """A content folder that does not exist is one clear problem."""
    assert validate(tmp_path / "nowhere") == [f"{tmp_path / 'nowhere'}: content folder is missing"]


def test_contrast_ratio_known_values() -> None:
    """Black on white is 21:1 and a colour on itself is 1:1 (WCAG's formula)."""
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast_ratio("#1a6b5c", "#1a6b5c") == pytest.approx(1.0)


def test_unquoted_yaml_key_is_explained(tmp_path: Path) -> None:
    """A mapping key YAML read as false (an unquoted ``no``) gets one plain message."""
    from kneecore.content._base import ContentModel, Problems, read_file

    class Choices(ContentModel):
        choices: dict[str, str]

    folder = tmp_path / "content"
    folder.mkdir()
    (folder / "x.yaml").write_text("choices:\n  no: Not at all\n  yes: Often\n", encoding="utf-8")
    problems = Problems(folder)
    assert read_file(folder, "x.yaml", Choices, problems) is None
    assert problems.lines == [
        "content/x.yaml: choices: has a key False that is not text "
        "(put it in quotes: YAML reads no, yes, on and off as true or false)",
        "content/x.yaml: choices: has a key True that is not text "
        "(put it in quotes: YAML reads no, yes, on and off as true or false)",
    ]


def test_unknown_key_in_fixed_key_table_lists_allowed_keys(edit_yaml) -> None:
    """A key outside a fixed-key table (triage_reasons) is named as not allowed, with the allowed keys."""
    folder = edit_yaml("checker/results.yaml", "triage_reasons:\n", 'triage_reasons:\n  huge: "Big."\n')
    assert (
        "content/checker/results.yaml: triage_reasons: has a key 'huge' that is not allowed here "
        "(allowed keys: 'flag', 'condition', 'atypical' or 'none')" in validate(folder)
    )


def test_invalid_text_key_says_why(tmp_path: Path) -> None:
    """A text key that breaks the key's own rule (a snake_case id) is refused with that rule."""
    from kneecore.content._base import ContentModel, Id, Problems, read_file

    class Labels(ContentModel):
        labels: dict[Id, str]

    folder = tmp_path / "content"
    folder.mkdir()
    (folder / "x.yaml").write_text("labels:\n  Big Key: Label\n", encoding="utf-8")
    problems = Problems(folder)
    assert read_file(folder, "x.yaml", Labels, problems) is None
    assert problems.lines == [
        "content/x.yaml: labels: has a key 'Big Key' that is not valid: "
        "must be a snake_case id (a-z, 0-9, _), got 'Big Key'"
    ]


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            'footer: "Made {date} - page {page}/{pages}"',
            'footer: "Made {day}"',
            "content/site.yaml: pdf.footer: unknown placeholder {day} (known: {date}, {page}, {pages})",
        ),
        (
            'dated: "Date: {date}"',
            'dated: "Date: {page}"',
            "content/site.yaml: pdf.dated: unknown placeholder {page} (known: {date})",
        ),
        (
            'dated: "Date: {date}"',
            'dated: "Date: {date"',
            "content/site.yaml: pdf.dated: has an unbalanced { or } (expected '}' before end of string)",
        ),
        ('  dated: "Date: {date}"\n', "", "content/site.yaml: pdf.dated: is required but missing"),
        (
            'footer: "Made {date} - page {page}/{pages}"',
            'footer: ""',
            "content/site.yaml: pdf.footer: must not be empty",
        ),
    ],
    ids=["footer-placeholder", "dated-placeholder", "dated-brace", "dated-missing", "footer-empty"],
)
def test_broken_pdf_words_name_the_problem(edit_yaml: Edit, old: str, new: str, message: str) -> None:
    """The printout words in site.yaml (pdf:) are checked for known placeholders and presence."""
    folder = edit_yaml("site.yaml", old, new)
    assert message in validate(folder)
