"""The rule extractor's name and version, stored on every claim it makes: a change of
version says a stored claim may be re-extracted differently."""

EXTRACTOR = "rules"
VERSION = "0.46.0"
