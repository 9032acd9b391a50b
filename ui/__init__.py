"""GateDesk's PySide6 user interface: windows, pages, translations. Shows and asks; the
services in `desktop` decide."""
