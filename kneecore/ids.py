"""Ids fixed by the contracts (../shared/spec/); content must cover them exactly."""

from __future__ import annotations

__all__ = ["CONDITION_IDS", "CONDITION_NAMES", "TRIAGE_LEVELS"]

CONDITION_NAMES: dict[str, str] = {
    "pfps": "Patellofemoral pain",
    "itbs": "Iliotibial band syndrome",
    "patellar_tendinopathy": "Patellar tendinopathy",
    "quadriceps_tendinopathy": "Quadriceps tendinopathy",
    "fat_pad_impingement": "Fat pad impingement",
    "pes_anserine": "Pes anserine bursitis or tendinopathy",
    "meniscus_tear": "Meniscus tear",
    "acl_tear": "ACL tear",
    "collateral_sprain": "Collateral ligament sprain (MCL or LCL)",
    "patellar_instability": "Patellar instability (dislocation or subluxation)",
    "knee_oa": "Knee osteoarthritis",
    "stress_fracture": "Bone stress injury (stress fracture)",
    "popliteal_cyst": "Baker's cyst (popliteal cyst)",
    "posterior_tendinopathy": "Tendon pain at the back of the knee",
    "apophysitis": "Osgood-Schlatter or Sinding-Larsen-Johansson",
    "plica_syndrome": "Plica syndrome",
}
"""Contract condition id -> its English name in the contract, kept here only to fix the ids.

No user sees these names: every page, PDF and link note names a condition with the checker
content's words (``content.checker.short_names()``, from ``content/checker/conditions.yaml``),
and no module but this one reads this mapping (``tests/app/test_condition_names.py`` checks
that).
"""

CONDITION_IDS: tuple[str, ...] = tuple(CONDITION_NAMES)

TRIAGE_LEVELS: tuple[str, ...] = ("self_care", "consult", "urgent", "emergency")
"""Least to most urgent; compare levels by their index here."""
