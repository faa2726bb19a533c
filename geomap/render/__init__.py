"""Render claims as Folium maps and HTML reports (pure functions over ClaimRecord lists)."""

from geomap.render.mapbuild import build_map, map_html

__all__ = ["build_map", "map_html"]
