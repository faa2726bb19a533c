"""geomap's one exception base: the CLI turns any of these into a message and exit code 1."""


class GeomapError(Exception):
    """Base of every error geomap raises on purpose (bad input, bad file, bad query)."""


def shown(value: object, limit: int = 200) -> str:
    """repr() of user input for an error message, cut to `limit` characters: a 45 kB argument
    or file cell must not come back as a 45 kB error line."""
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"
