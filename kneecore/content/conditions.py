"""``content/conditions/<id>.yaml``: one reading page per checker condition."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from kneecore.content._base import ContentModel, Id, Markdown, References, Text

__all__ = ["AvoidForNow", "ConditionPage"]

Lines = Annotated[tuple[Text, ...], Field(min_length=1)]


class AvoidForNow(ContentModel):
    """Exercises to leave out for now with this condition, why, and when they may come back.

    A clinic editor writes one entry per reason, in the condition's own file::

        avoid_for_now:
          - exercises: [pogo_hops, skater_hops, single_leg_hop, lateral_hops]
            why: "Springy work is the hardest load for the tendon ... Add hops once ..."
            references:
              - citation: "Breda SJ, et al. ..."
                doi: "10.1136/bjsports-2020-103403"

    ``why`` is plain words for the runner: what the exercise does to the sore part and
    what should settle first. The content check refuses a condition page, a starter
    routine for the condition or an exercise tagged with the condition that holds one of
    these exercises, so the app never suggests what the same condition says to leave out.
    """

    exercises: Annotated[tuple[Id, ...], Field(min_length=1)]
    """Exercise ids from content/exercises/."""
    why: Text
    """Why, and what should settle before they come back."""
    references: References


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
    avoid_for_now: tuple[AvoidForNow, ...] = ()
    """Exercises to leave out for now (see :class:`AvoidForNow`); none when nothing is."""
    references: References
