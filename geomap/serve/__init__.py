"""The review web app: `geomap serve` (see app.py for the routes, security.py for the guards)."""

from geomap.serve.app import ServeConfig, check_bind, create_app, serve

__all__ = ["ServeConfig", "check_bind", "create_app", "serve"]
