"""Marker categories, colours and legend labels: one table shared by Python and the page's JS.

A place's category comes from the claims visible at the slider's date (see `place_category`);
the page recomputes it in JS with the same rules, using the table this module emits.
"""

from __future__ import annotations

from collections.abc import Sequence

from geomap.query import CONTROL_TYPES, control_status
from geomap.records import ClaimRecord

SIDE_LABELS = {"russia": "Russia", "ukraine": "Ukraine", "third-party": "Third party"}
SIDE_COLORS = {"russia": "#c62828", "ukraine": "#1565c0", "third-party": "#2e7d32"}

# Order = legend order. key -> (label, stroke/fill colour, dash pattern or None)
CATEGORIES: dict[str, tuple[str, str, str | None]] = {
    "russia": ("Claimed by Russia (captured / held)", SIDE_COLORS["russia"], None),
    "ukraine": ("Claimed by Ukraine (held / recaptured)", SIDE_COLORS["ukraine"], None),
    "contested": ("Contested: the sides' latest claims disagree", "#8e24aa", None),
    "fighting": ("Fighting or advances reported", "#ef6c00", "3 2"),
    "strike": ("Strike reported", "#212121", "1 2"),
    "other": ("Other claims (assessments, other)", "#757575", "4 3"),
    # Only drawn when a map is built with show_rejected=True: a hollow, dimmed marker.
    "rejected": ("Only rejected claims (reviewed as wrong)", "#9e9e9e", "2 3"),
}
HOLLOW = ("rejected",)

FIGHTING_TYPES = ("fighting", "advancing")

FRONT_STYLES = {
    "russia": {"label": "Russia's claimed area and line", "color": SIDE_COLORS["russia"]},
    "ukraine": {"label": "Ukraine's claimed area and line", "color": SIDE_COLORS["ukraine"]},
    "contested": {"label": "Disputed zone (the sides' claims disagree)", "color": "#8e24aa"},
}


def place_category(claims: Sequence[ClaimRecord]) -> str:
    """Category of one place from its claims (control first, then fighting, strike, other).

    Rejected claims count for nothing (as in `geomap.query`); a place with nothing but rejected
    claims is "rejected".
    """
    kept = [c for c in claims if c.review_status != "rejected"]
    if claims and not kept:
        return "rejected"
    status = control_status(kept)
    if status:
        return next(iter(status.values()))
    types = {c.type for c in kept}
    if types & set(FIGHTING_TYPES):
        return "fighting"
    if "strike" in types:
        return "strike"
    return "other"


def style_table() -> dict:
    """What the page's JS needs to style, classify and explain places."""
    return {
        "categories": [
            {"key": k, "label": label, "color": color, "dash": dash, "hollow": k in HOLLOW}
            for k, (label, color, dash) in CATEGORIES.items()
        ],
        "sideLabels": SIDE_LABELS,
        "sideColors": SIDE_COLORS,
        "controlTypes": list(CONTROL_TYPES),
        "fightingTypes": list(FIGHTING_TYPES),
        "fronts": FRONT_STYLES,
    }
