"""Fields decoded on first access (alternate names, polygons, reasons) behave like plain ones."""

from __future__ import annotations

import copy
import pickle

import shapely

from gazetteer import Candidate, Place


def test_index_place_fields_load_on_access(gaz):
    toretsk = gaz.resolve("Toretsk").place
    assert "Dzerzhinsk" in toretsk.alternate_names  # read from the index when first asked
    assert toretsk.polygon is None  # settlements have no polygon
    sumy = gaz.resolve("Sumy region").place
    assert sumy.polygon is not None
    assert sumy.polygon.contains(shapely.Point(sumy.lon, sumy.lat))
    assert gaz.get("709354") == toretsk  # equality ignores how the place was made


def test_plain_places_keep_their_values():
    p = Place("1", "Nowhere", 1.0, 2.0, "UA", None, "settlement")
    assert p.alternate_names == () and p.polygon is None
    q = Place("2", "Elsewhere", 1.0, 2.0, "UA", None, "settlement", alternate_names=("E",))
    assert q.alternate_names == ("E",)


def test_reasons_written_when_read_and_survive_pickling(gaz):
    c = gaz.resolve("Dzerzhinsk", context="Donetsk Oblast")
    clone = pickle.loads(pickle.dumps(c))  # no loader (open index) inside the pickle
    assert clone.reasons == c.reasons
    assert any("region UA.05 in context" in r for r in c.reasons)
    assert clone.place.alternate_names == c.place.alternate_names
    assert copy.copy(c).to_dict() == c.to_dict()
    plain = Candidate(c.place, c.score, ["given"], c.match)
    assert plain.reasons == ["given"]
