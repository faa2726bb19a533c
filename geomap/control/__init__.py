"""Assessed control maps (issue 14): import DeepStateMap / ISW-style areas, check claims.

read_layers(path, source=, holder=, layer_date=)  -> ControlLayer list (layers.py)
import_layers(store, layers), list_layers(store)  (layerstore.py; PostGIS on PostgreSQL)
ControlChecker / check_claims / disagreements     (check.py)
map_layers(store, claims)                          plain data for geomap.render (mapdata.py)
"""

from geomap.control.check import (
    CONTROL_COLUMNS,
    CheckOptions,
    ControlChecker,
    Verdict,
    check_claims,
    disagreements,
)
from geomap.control.layers import HOLDERS, ControlLayer, read_layers
from geomap.control.layerstore import LayerImport, LayerInfo, import_layers, list_layers

__all__ = ["CONTROL_COLUMNS", "HOLDERS", "CheckOptions", "ControlChecker", "ControlLayer",
           "LayerImport", "LayerInfo", "Verdict", "check_claims", "disagreements",
           "import_layers", "list_layers", "read_layers"]  # fmt: skip
