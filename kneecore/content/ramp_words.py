"""``words:`` in ``content/ramp.yaml``: the words of the plan's tables, PDF, calendar file
and session labels, so a clinic can translate or reword every printout.

The plan CSV is a data format, not a text: its column names stay fixed English
(``kneecore.ramp.export.PLAN_COLUMNS``) and have no entry here.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import AfterValidator, model_validator

from kneecore.content._base import ContentModel, Text, only_placeholders

__all__ = ["Columns", "Dates", "Kinds", "RampWords"]


_Plain = Annotated[Text, AfterValidator(only_placeholders())]
_Units = Annotated[Text, AfterValidator(only_placeholders("units"))]
_KindIntervals = Annotated[Text, AfterValidator(only_placeholders("kind", "intervals"))]
_KindMinutes = Annotated[Text, AfterValidator(only_placeholders("kind", "minutes"))]
_Start = Annotated[Text, AfterValidator(only_placeholders("stage", "reason"))]
_Goal = Annotated[Text, AfterValidator(only_placeholders("goal", "next_step"))]
_App = Annotated[Text, AfterValidator(only_placeholders("app"))]
_Pain = Annotated[Text, AfterValidator(only_placeholders("pain"))]
_Weeks = Annotated[Text, AfterValidator(only_placeholders("weeks"))]
_WeeksGoal = Annotated[Text, AfterValidator(only_placeholders("weeks", "goal"))]
_Block = Annotated[Text, AfterValidator(only_placeholders("repeats", "run", "walk"))]
_Extra = Annotated[Text, AfterValidator(only_placeholders("run"))]
_Joined = Annotated[Text, AfterValidator(only_placeholders("block", "extra"))]
_Date = Annotated[Text, AfterValidator(only_placeholders("weekday", "day", "month", "year"))]


class Kinds(ContentModel):
    """One word for each kind of day (``kneecore.ramp.KINDS``)."""

    rest: _Plain
    cross_train: _Plain
    strength: _Plain
    walk: _Plain
    walk_run: _Plain
    run: _Plain


WEEK_TABLE = ("week", "from_date", "runs", "run_min", "longest", "distance", "easier", "ratio")
"""Columns of the page's week table, in order."""
PDF_WEEK_TABLE = ("week", "dates", "runs", "run_min", "easier")
"""Columns of the PDF's week table, in order."""
PDF_DAY_TABLE = ("date", "session", "run_min", "total_min")
"""Columns of the PDF's day table, in order."""
LOG_TABLE = ("date", "done", "during", "morning", "swelling", "limp")
"""Columns of the page's session-log table, in order."""


class Columns(ContentModel):
    """Column names of the week, day and session-log tables (page and PDF).

    ``distance`` may use ``{units}`` (km or mi). Names within one table must differ: a
    table keyed by name would otherwise merge two columns into one.
    """

    week: _Plain
    from_date: _Plain
    dates: _Plain
    runs: _Plain
    run_min: _Plain
    longest: _Plain
    distance: _Units
    easier: _Plain
    ratio: _Plain
    date: _Plain
    session: _Plain
    total_min: _Plain
    done: _Plain
    during: _Plain
    morning: _Plain
    swelling: _Plain
    limp: _Plain

    @model_validator(mode="after")
    def _distinct(self) -> Columns:
        for table, names in (
            ("week table", WEEK_TABLE),
            ("PDF week table", PDF_WEEK_TABLE),
            ("PDF day table", PDF_DAY_TABLE),
            ("log table", LOG_TABLE),
        ):
            seen: dict[str, str] = {}
            for name in names:
                title = str(getattr(self, name))
                if title in seen:
                    raise ValueError(
                        f"{seen[title]} and {name} are both {title!r}; the {table} needs distinct names"
                    )
                seen[title] = name
        return self


class Dates(ContentModel):
    """How the plan writes a date: short weekday and month names and four layouts.

    ``weekdays`` run Monday to Sunday (7 names), ``months`` January to December (12).
    Layouts fill ``{weekday}``, ``{day}`` (two digits, ``05``), ``{month}`` and ``{year}``:
    ``day`` for a day of the plan (``Mon 05 Jan``), ``short`` for a week's first day
    (``05 Jan``), ``long`` for a week's last day (``05 Jan 2026``) and ``day_long`` for a
    day to pick in the log (``Mon 05 Jan 2026``). The calendar's column heads are the
    first two letters of each weekday name.
    """

    weekdays: tuple[_Plain, ...]
    months: tuple[_Plain, ...]
    day: _Date
    short: _Date
    long: _Date
    day_long: _Date

    @model_validator(mode="after")
    def _counts(self) -> Dates:
        for name, count in (("weekdays", 7), ("months", 12)):
            got = len(getattr(self, name))
            if got != count:
                raise ValueError(f"{name} needs exactly {count} names, got {got}")
        return self


class RampWords(ContentModel):
    """The words of the plan's tables, PDF and calendar file, and its session labels.

    Placeholders: ``{kind}`` is a word from ``kinds``, ``{intervals}`` the walk-run
    pattern, ``{minutes}`` a number of minutes, ``{stage}``/``{reason}`` the start stage
    and why, ``{goal}`` the weekly goal in minutes, ``{next_step}`` what to do after the
    plan, ``{app}`` the app's name, ``{pain}`` the pain limit (0-10). The card's short
    walk-run pattern is built from ``short_block`` (``{repeats}`` blocks of ``{run}``
    minutes running and ``{walk}`` walking), ``short_extra`` (``{run}`` minutes more) and
    ``short_joined`` (``{block}`` then ``{extra}``).
    """

    kinds: Kinds
    columns: Columns
    easier_yes: _Plain
    session_walk_run: _KindIntervals
    session_run: _KindMinutes
    session_minutes: _KindMinutes
    short_walk_run: _KindIntervals
    short_run: _KindMinutes
    short_block: _Block
    short_extra: _Extra
    short_joined: _Joined
    pdf_start: _Start
    pdf_goal: _Goal
    pdf_days_heading: _Plain
    ics_calendar: _App
    ics_pain_limit: _Pain
    card_weeks: _Weeks
    card_weeks_to_goal: _WeeksGoal
    chart_week: _Plain
    chart_minutes: _Plain
    dates: Dates
