"""The gazetteer's one exception base, so callers can catch everything it raises."""


class GazetteerError(Exception):
    """Base of every error the gazetteer raises on purpose."""


class UnknownPlaceError(GazetteerError):
    """No place matches a name; carries suggestions for a "did you mean"."""

    def __init__(self, name: str, suggestions: list[str] | None = None):
        self.name = name
        self.suggestions = suggestions or []
        hint = f"; did you mean: {', '.join(self.suggestions)}?" if self.suggestions else ""
        super().__init__(f"unknown place {name!r}{hint}")
