"""The glide й romanised "y" or "i" after a vowel ("Krasnoarmeysk"/"Krasnoarmeisk",
"Huliaipole"/"Hulyaipole"): either spelling finds the place filed under the other. Texts
are written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from gazetteer.normalize import glide_variants
from geomap.extract import extract

PUB = date(2024, 8, 23)
POKROVSK, HULIAIPOLE = "704422", "707898"


@pytest.mark.parametrize(
    ("key", "variants"),
    [
        ("krasnoarmeisk", ("krasnoarmeysk",)),
        ("krasnoarmeysk", ("krasnoarmeisk",)),
        ("pervomayske", ("pervomaiske",)),
        ("novoaidar", ("novoaydar",)),
        ("kyiv", ()),  # no vowel before the y: no glide
        ("zaporizhzhia", ()),  # i before a vowel is a vowel
        ("khmelnytskyi", ()),
        ("serhiy", ()),  # "iy" ends given names (Serhiy, Vitaliy): no village Serhii for them
    ],
)
def test_glide_variants(key, variants):
    assert glide_variants(key) == variants


def test_a_glide_spelling_the_gazetteer_lacks_is_a_name(gaz):
    assert gaz.is_name("Hulyaipole")
    assert not gaz.is_name("Hulyaipolex")
    assert not gaz.is_name("Vitaliy")


@pytest.mark.parametrize(
    ("sentence", "place"),
    [
        (
            "Russian troops pressed on towards Krasnoarmeisk in the Donetsk region, the "
            "ministry said.",
            POKROVSK,
        ),
        (
            "Kyiv said its forces were still holding the town of Hulyaipole in the "
            "Zaporizhzhia region.",
            HULIAIPOLE,
        ),
    ],
)
def test_the_other_glide_spelling_reads_the_place(gaz, sentence, place):
    hits = extract(f"# The front\n\n{sentence}\n", published=PUB, gazetteer=gaz).places
    assert place in {h.place.id for h in hits if h.place is not None}
