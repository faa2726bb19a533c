"""geomap: dated, sourced claims about places in war reporting, stored, queried and mapped."""

from geomap.errors import GeomapError
from geomap.records import ClaimRecord, PlaceRef, SourceRecord

__version__ = "0.1.0"
__all__ = ["ClaimRecord", "GeomapError", "PlaceRef", "SourceRecord", "__version__"]
