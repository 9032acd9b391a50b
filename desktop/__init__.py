"""GateDesk application layer: entry point, composition root, settings and Qt-free services."""

__version__ = "0.1.0"
