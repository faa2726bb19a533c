"""Second-level regions (ISO 3166-2 counties, departments, provinces) in the embedded index,
and the feature-type prior that keeps a bare town name on the town. Stories are our own."""

from __future__ import annotations

import pytest

from gazetteer import UnknownPlaceError


def test_a_county_in_a_british_story(gaz):
    ctx = gaz.context("Floods hit Kent. Police in London and Maidstone said roads were shut.")
    best = gaz.resolve("Kent", context=ctx)
    assert (best.place.id, best.place.feature) == ("GB-KEN", "admin2")
    assert best.place.admin1 == "GB.ENG"  # inside the first-level region of its parent code


def test_a_county_name_is_no_evidence_when_towns_bear_it(gaz):
    text = (
        "Voters in Kent, Cornwall and Salisbury, small towns of Litchfield County, "
        "Connecticut, met on Tuesday in Canaan."
    )
    ctx = gaz.context(text)
    assert "GB" not in ctx.countries
    assert gaz.resolve("Kent", context=ctx).place.country == "US"


def test_a_town_keeps_its_name_over_the_unitary_authority(gaz):
    # Reading, Derby and York are towns big enough to keep the bare name
    for name in ("Reading", "Derby", "York"):
        assert gaz.resolve(name, context="Trains to London were late.").place.feature == (
            "settlement"
        )


@pytest.mark.parametrize("name", ["Strait of Calais", "Granite City", "Bristol, City of"])
def test_translations_nicknames_and_inverted_forms_are_not_names(gaz, name):
    cands = gaz.candidates(name, limit=0)
    assert not any(c.place.feature == "admin2" and c.place.country in ("FR", "GB") for c in cands)


def test_irish_county_forms(gaz):
    for name in ("County Tipperary", "Co. Tipperary", "Tipperary"):
        assert gaz.resolve(name).place.id == "IE-TA"
    with pytest.raises(UnknownPlaceError):
        gaz.resolve("Tipperary County Council House")
