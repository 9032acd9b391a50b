"""The reference city platform that GateDesk gates sync with (FastAPI on PostgreSQL)."""
