"""GateDesk storage: SQLAlchemy models, engine setup, Alembic migrations and query functions.

Qt-free and independent of the application layer (`desktop`), so the same models serve the
desktop app, command-line tools, benchmarks and tests.
"""
