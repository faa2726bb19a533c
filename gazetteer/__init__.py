"""Offline gazetteer for war reporting: any common spelling of a place -> ranked, explained
GeoNames places and admin-1 regions, from a compact local index. Never imports geomap."""

from gazetteer.core import Gazetteer, default_gazetteer
from gazetteer.errors import GazetteerError, UnknownPlaceError
from gazetteer.model import Candidate, Context, Place
from gazetteer.normalize import loose_key, normalize

__all__ = [
    "Candidate",
    "Context",
    "Gazetteer",
    "GazetteerError",
    "Place",
    "UnknownPlaceError",
    "default_gazetteer",
    "loose_key",
    "normalize",
]
