"""The composition root: the one place that builds engines, services, devices and windows."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import time
from pathlib import Path

from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session, sessionmaker

from db import migrate
from db.base import utcnow
from db.engine import make_engine, make_session_factory, sqlite_url, transaction
from db.models import Resident, User
from desktop.bootstrap import Site, ensure_site
from desktop.gate import GateService
from desktop.hardware import Hardware
from desktop.health_service import HealthService
from desktop.intake import GateIntake
from desktop.isolation import IsolationService
from desktop.keypersons import KeyPersonService
from desktop.logs import setup_logging
from desktop.passes.keys import KeyStore
from desktop.passes.service import PassService
from desktop.passes.verify import PassVerifier
from desktop.paths import AppPaths, resolve_paths
from desktop.registry import RegistryService
from desktop.rules import OpenHours, Policy, Quota, VisitorRule
from desktop.settings import Settings, load_settings

log = logging.getLogger(__name__)

DEMO_RESIDENTS = 2000
DEMO_GATE = "east"
DEMO_OPERATOR = "gate1"


@dataclass
class AppContext:
    """Everything a GateDesk process works with, built once at start."""

    paths: AppPaths
    settings: Settings
    engine: Engine
    sessions: sessionmaker[Session]
    site: Site
    gate: GateService
    intake: GateIntake
    registry: RegistryService
    health: HealthService
    keypersons: KeyPersonService
    isolation: IsolationService
    passes: PassService
    operator_id: int | None
    backup: Path | None
    demo: bool

    def close(self) -> None:
        self.engine.dispose()


def open_database(paths: AppPaths, settings: Settings) -> tuple[Engine, Path | None]:
    """Open the configured database and bring its schema up to date (backup first)."""
    paths.create()
    url = settings["database_url"] or sqlite_url(paths.database_file)
    engine = make_engine(url)
    backup = migrate.upgrade(engine, backup_dir=paths.backup_dir)
    return engine, backup


def open_context(
    home: str | Path | None = None, *, demo: bool = False, console_log: bool = False
) -> AppContext:
    """Load settings, start logging, open and upgrade the database, wire the services.

    With `demo`, an empty database is filled with the demo community first.
    """
    paths = resolve_paths(home)
    paths.create()
    settings = load_settings(paths.settings_file)
    setup_logging(paths.log_dir, settings["logging.level"], console=console_log)
    engine, backup = open_database(paths, settings)
    sessions = make_session_factory(engine)
    community_code, gate_code, operator = (
        settings["community.code"],
        settings["gate.code"],
        settings["gate.operator"],
    )
    if demo:
        from desktop.demo import DEMO_COMMUNITY_CODE, DemoOptions, generate_demo

        with sessions() as session:
            empty = not session.scalar(select(func.count()).select_from(Resident))
        if empty:
            summary = generate_demo(engine, DemoOptions(residents=DEMO_RESIDENTS))
            log.info("demo community created: %s residents", summary.residents)
        community_code = community_code or DEMO_COMMUNITY_CODE
        gate_code = gate_code or DEMO_GATE
        operator = operator or DEMO_OPERATOR
    with transaction(sessions) as session:
        site = ensure_site(session, community_code=community_code, gate_code=gate_code)
        operator_id = (
            session.scalar(select(User.id).where(User.username == operator)) if operator else None
        )
    gate = GateService(
        sessions,
        site,
        policy_from(settings),
        operator_id=operator_id,
    )
    verifier = PassVerifier(sessions, site.community_id, operator_id=operator_id)
    intake = GateIntake(
        gate, attach_window_s=settings["thermometer.attach_window_s"], passes=verifier
    )
    registry = RegistryService(sessions, site.community_id)
    health = HealthService(sessions, site.community_id, site.timezone)
    # Days ended since the last run (missed check-ins, isolations) change colours.
    health.bring_up_to_date()
    log.info("GateDesk ready: community %s, gate %s", site.community_code, site.gate_code)
    keypersons = KeyPersonService(
        sessions, site.community_id, site.timezone, operator_id=operator_id
    )
    isolation = IsolationService(
        sessions,
        site.community_id,
        site.timezone,
        utcnow,
        health,
        fever_threshold_c=settings["policy.fever_threshold_c"],
        operator_id=operator_id,
    )
    keys = KeyStore(
        sessions,
        site.community_id,
        paths.data_dir / "pass-keys",
        algorithm=settings["passes.algorithm"],
    )
    passes = PassService(sessions, site.community_id, site.timezone, keys, operator_id=operator_id)
    return AppContext(
        paths=paths,
        settings=settings,
        engine=engine,
        sessions=sessions,
        site=site,
        gate=gate,
        intake=intake,
        registry=registry,
        health=health,
        keypersons=keypersons,
        isolation=isolation,
        passes=passes,
        operator_id=operator_id,
        backup=backup,
        demo=demo,
    )


def policy_from(settings: Settings) -> Policy:
    """The gate policy as configured (the city's policy feed may later replace it)."""
    quota = None
    if settings["policy.quota_people"]:
        quota = Quota(settings["policy.quota_people"], settings["policy.quota_days"])
    hours = None
    if settings["policy.open_from"] and settings["policy.open_until"]:
        hours = OpenHours(
            time.fromisoformat(settings["policy.open_from"]),
            time.fromisoformat(settings["policy.open_until"]),
        )
    return Policy(
        fever_threshold_c=settings["policy.fever_threshold_c"],
        visitors=VisitorRule(settings["policy.visitors"]),
        quota=quota,
        hours=hours,
        remeasure_after_s=settings["policy.remeasure_minutes"] * 60,
    )


def run_gui(home: str | Path | None = None, *, demo: bool = False) -> int:
    """Start the desktop application; returns the process exit code."""
    from ui.application import run

    return run(
        lambda: open_context(home, demo=demo),
        make_hardware,
        instance_key=str(resolve_paths(home).data_dir),
    )


def make_hardware(context: AppContext) -> Hardware:
    """The devices this PC reads from: as configured, or the simulators (demo, `simulated`)."""
    settings = context.settings
    if context.demo or settings["devices.mode"] == "simulated":
        from desktop.simulation import Simulation, SimulationUnavailable

        try:
            simulation = Simulation.for_context(context)
        except SimulationUnavailable as exc:
            log.warning("device simulators not available: %s", exc)
        else:
            return Hardware(settings, simulation=simulation)
    return Hardware(settings)
