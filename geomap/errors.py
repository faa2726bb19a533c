"""geomap's one exception base: the CLI turns any of these into a message and exit code 1."""


class GeomapError(Exception):
    """Base of every error geomap raises on purpose (bad input, bad file, bad query)."""
