"""Render claims as Folium maps and HTML reports (pure functions over ClaimRecord lists).

from geomap.render import build_map, map_html, build_report
m = build_map(claims, as_of=date(2025, 2, 7))      # a folium.Map; shows inline in Jupyter
open("map.html", "w").write(map_html(m))           # fragment=True / offline=True
"""

from geomap.render.fronts import Fronts, compute_fronts
from geomap.render.mapbuild import build_map, map_html
from geomap.render.report import build_report

__all__ = ["Fronts", "build_map", "build_report", "compute_fronts", "map_html"]
