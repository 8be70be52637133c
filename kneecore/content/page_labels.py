"""Labels in ``content/exercises/_page.yaml`` that kneecore itself reads.

The dose text, the handout PDF, the clinician table and the routine tab's warnings (an
item a condition leaves out for now) read these keys with no English fallback in code,
so the file must hold every one (with only the placeholders each may use); a missing key
is a load-time error naming the file and the key.
"""

from __future__ import annotations

from kneecore.content._base import only_placeholders

__all__ = ["REQUIRED_LABELS", "required_labels"]

REQUIRED_LABELS: dict[str, tuple[str, ...]] = {
    **{key: ("sets", "n") for key in ("dose_reps", "dose_hold", "dose_minutes")},
    "dose_each_side": (),
    "dose_rest": ("n",),
    "dose_days": ("n",),
    "handout_title_note": (),
    "handout_dose": (),
    "handout_steps": (),
    "handout_pain": (),
    "handout_pain_short": ("during", "after"),
    "handout_flag": ("condition",),
    "handout_flag_reason": ("condition", "why"),
    "routine_flag": ("condition", "why"),
    "routine_flag_summary": ("conditions", "n", "total"),
    "added_flagged": ("condition",),
    "routine_default_title": (),
    **{
        f"col_{name}": ()
        for name in (
            *("name", "phase", "level", "dose", "minutes", "pain", "conditions"),
            *("equipment", "position", "regressions", "progressions", "link"),
        )
    },
}
"""Labels kneecore itself reads (dose text, handout PDF, table columns), and the routine's
safety warnings (H4) the page shows, with the placeholders each may use; _page.yaml must
hold every one."""


def required_labels(labels: dict[str, str]) -> dict[str, str]:
    """A validator: ``labels`` holds every key of :data:`REQUIRED_LABELS`, placeholders right.

    Parameters
    ----------
    labels:
        The ``labels`` mapping of _page.yaml.

    Returns
    -------
    dict[str, str]
        The same mapping; raises ``ValueError`` naming the missing keys or the first
        label with a wrong placeholder.
    """
    missing = [key for key in REQUIRED_LABELS if key not in labels]
    if missing:
        names = ", ".join(missing)
        raise ValueError(f"{names} {'is' if len(missing) == 1 else 'are'} required but missing")
    for key, allowed in REQUIRED_LABELS.items():
        try:
            only_placeholders(*allowed)(labels[key])
        except ValueError as exc:
            raise ValueError(f"{key}: {exc}") from None
    return labels
