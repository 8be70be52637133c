"""``content/conditions/<id>.yaml``: one reading page per checker condition."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from kneecore.content._base import ContentModel, Id, Markdown, References, Text

__all__ = ["ConditionPage"]

Lines = Annotated[tuple[Text, ...], Field(min_length=1)]


class ConditionPage(ContentModel):
    """What a runner reads about one condition, plus a section for clinicians.

    The ``id`` is a checker condition id (``kneecore.ids.CONDITION_IDS``); the checker's
    results link to ``/guides?condition=<id>``.
    """

    id: Id
    title: Text
    aliases: tuple[Text, ...] = ()
    """Other names a runner may search for ("runner's knee")."""
    summary: Text
    """One or two sentences: the gist."""
    what_it_is: Markdown
    who_gets_it: Markdown
    signs: Lines
    worse_with: Lines
    what_helps: Lines
    recovery: Markdown
    """How long recovery usually takes, honestly hedged."""
    see_a_clinician: Markdown
    get_help_now: tuple[Text, ...] = ()
    """Signs that need someone soon (within a day or now)."""
    for_clinicians: Markdown
    exercises: tuple[Id, ...] = ()
    routines: tuple[Id, ...] = ()
    form: tuple[Id, ...] = ()
    look_alikes: tuple[Id, ...] = ()
    """Other condition ids that can feel similar."""
    references: References
