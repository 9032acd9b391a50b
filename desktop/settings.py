"""The settings file (TOML): defaults, validation with messages that name the bad key."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import tomli_w

from db.enums import Role


class SettingsError(Exception):
    """The settings file cannot be used; the message names the file and the key."""


@dataclass(frozen=True, slots=True)
class Option:
    key: str  # dotted: "section.name"
    default: Any
    help: str
    check: Callable[[Any], str | None] | None = None  # returns what is wrong, or None


def _one_of(*choices: Any) -> Callable[[Any], str | None]:
    def check(value: Any) -> str | None:
        return None if value in choices else f"must be one of {', '.join(map(str, choices))}"

    return check


def _between(low: float, high: float) -> Callable[[Any], str | None]:
    def check(value: Any) -> str | None:
        return None if low <= value <= high else f"must be between {low} and {high}"

    return check


def _database_url(value: Any) -> str | None:
    if value == "" or value.startswith(("sqlite:", "postgresql:", "postgresql+psycopg:")):
        return None
    return "must be empty (SQLite in the data folder) or a sqlite:/postgresql: URL"


def _regex(value: Any) -> str | None:
    try:
        pattern = re.compile(value)
    except re.error as exc:
        return f"is not a valid regular expression ({exc})"
    if value and "value" not in pattern.groupindex and pattern.groups < 1:
        return "needs a group (?P<value>...) around the number"
    return None


def _clock_time(value: Any) -> str | None:
    if value == "" or re.fullmatch(r"([01]\d|2[0-3]):[0-5]\d", value):
        return None
    return "must be empty or a time of day as HH:MM (e.g. 06:00)"


OPTIONS: tuple[Option, ...] = (
    Option("language", "zh_CN", "user interface language", _one_of("zh_CN", "en")),
    Option(
        "database_url", "", "empty: SQLite in the data folder; or postgresql://…", _database_url
    ),
    Option("community.code", "", "community code; empty: the only community in the database"),
    Option("gate.code", "", "this PC's gate code; empty: the community's first gate"),
    Option("gate.operator", "", "username of the staff on duty at this PC"),
    Option(
        "office.role",
        Role.SECRETARY.value,
        "role of whoever works at this PC: what the registry may reveal and export unmasked",
        _one_of(*(role.value for role in Role)),
    ),
    Option("gate.default_direction", "in", "direction of a check", _one_of("in", "out")),
    Option("gate.verdict_seconds", 5, "seconds a verdict stays on screen", _between(1, 120)),
    Option("policy.fever_threshold_c", 37.3, "fever threshold in °C", _between(36.5, 39.0)),
    Option(
        "policy.visitors",
        "with-host",
        "visitors: open (any, logged), with-host (a host household is named), barred",
        _one_of("open", "with-host", "barred"),
    ),
    Option(
        "policy.quota_people",
        0,
        "outing quota: outings per household; 0: no quota",
        _between(0, 20),
    ),
    Option("policy.quota_days", 1, "outing quota: the window in days", _between(1, 14)),
    Option("policy.open_from", "", "going out allowed from HH:MM; empty: any time", _clock_time),
    Option("policy.open_until", "", "going out allowed until HH:MM; empty: any time", _clock_time),
    Option("policy.remeasure_minutes", 5, "minutes before a fever is re-measured", _between(1, 60)),
    Option(
        "sync.offline_after_hours",
        6,
        "the gate page warns when the city lists are older than this",
        _between(1, 168),
    ),
    Option(
        "passes.algorithm",
        "ed25519",
        "signature of new paper pass keys: ed25519, or sm2 where national algorithms are required",
        _one_of("ed25519", "sm2"),
    ),
    Option("gate.sound", True, "a sound for every verdict"),
    Option("gate.speech", False, "speak the verdict (where the PC has a speech engine)"),
    Option("scanner.max_key_interval_ms", 30, "keyboard-wedge scanner", _between(5, 200)),
    Option("scanner.min_length", 6, "shortest code a scanner sends", _between(1, 64)),
    Option(
        "devices.mode",
        "configured",
        "configured: the ports below; simulated: built-in simulators; none: no devices",
        _one_of("configured", "simulated", "none"),
    ),
    Option("id_reader.port", "", "ID-card reader port; empty: none; auto: probe USB ports"),
    Option("id_reader.baud", 0, "ID-card reader speed; 0: probe", _one_of(0, 9600, 115200)),
    Option(
        "id_reader.hold_off_s",
        5.0,
        "seconds a card left on the reader is ignored",
        _between(1, 120),
    ),
    Option("id_reader.store_photo", False, "keep the card photo (WLT) with the reading"),
    Option("scanner.port", "", "serial (USB-COM) scanner port; empty: none"),
    Option(
        "scanner.baud", 9600, "serial scanner speed", _one_of(9600, 19200, 38400, 57600, 115200)
    ),
    Option("camera.source", "", "camera index (0, 1, …) or video file; empty: none"),
    Option("camera.decoder", "zxing", "QR decoder", _one_of("zxing", "pyzbar")),
    Option("camera.hold_off_s", 3.0, "seconds the same code is ignored", _between(0.5, 60)),
    Option("thermometer.port", "", "thermometer port; empty: none; auto: probe (Modbus)"),
    Option("thermometer.protocol", "modbus", "thermometer protocol", _one_of("modbus", "ascii")),
    Option("thermometer.baud", 9600, "thermometer speed", _one_of(2400, 4800, 9600, 19200, 115200)),
    Option("thermometer.slave", 1, "Modbus slave id", _between(1, 247)),
    Option(
        "thermometer.pattern",
        "",
        "ASCII protocol: regex with a group 'value'; empty: T:36.5 or 36.5C",
        _regex,
    ),
    Option(
        "thermometer.offset_c", 0.0, "wrist/forehead offset added to readings", _between(0.0, 0.6)
    ),
    Option(
        "thermometer.attach_window_s",
        20.0,
        "a reading this fresh attaches to the next check",
        _between(3, 300),
    ),
    Option(
        "printer.connection",
        "",
        "receipt printer: serial:PORT[@BAUD], network:HOST[:PORT], usb:VID:PID, file:PATH",
    ),
    Option("logging.level", "INFO", "log level", _one_of("DEBUG", "INFO", "WARNING", "ERROR")),
)
_BY_KEY = {o.key: o for o in OPTIONS}


def _type_ok(default: Any, value: Any) -> bool:
    if isinstance(default, bool):
        return isinstance(value, bool)
    if isinstance(default, float):
        return isinstance(value, int | float) and not isinstance(value, bool)
    if isinstance(default, int):
        return isinstance(value, int) and not isinstance(value, bool)
    return isinstance(value, type(default))


def _type_name(default: Any) -> str:
    return {bool: "true or false", int: "a whole number", float: "a number", str: "text"}[
        type(default)
    ]


def _flatten(data: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    flat: dict[str, Any] = {}
    for name, value in data.items():
        key = f"{prefix}{name}"
        if isinstance(value, dict):
            flat.update(_flatten(value, key + "."))
        else:
            flat[key] = value
    return flat


class Settings:
    """Validated settings: every option has a value (the file's or the default)."""

    def __init__(self, values: dict[str, Any] | None = None, path: Path | None = None) -> None:
        self.path = path
        self._values = {o.key: o.default for o in OPTIONS}
        for key, value in (values or {}).items():
            self._values[key] = validate(key, value, path)

    def __getitem__(self, key: str) -> Any:
        return self._values[key]

    def as_dict(self) -> dict[str, Any]:
        return dict(self._values)

    def with_values(self, **changes: Any) -> Settings:
        """A copy with some options changed (keys with "__" for "."), validated."""
        values = self.as_dict()
        values.update({k.replace("__", "."): v for k, v in changes.items()})
        return Settings(values, self.path)

    def save(self, path: Path | None = None) -> Path:
        """Write the options that differ from their defaults as TOML."""
        target = path or self.path
        if target is None:
            raise SettingsError("no settings file to save to")
        nested: dict[str, Any] = {}
        for option in OPTIONS:
            value = self._values[option.key]
            if value == option.default:
                continue
            *sections, name = option.key.split(".")
            node = nested
            for section in sections:
                node = node.setdefault(section, {})
            node[name] = value
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_suffix(".tmp")
        tmp.write_text(tomli_w.dumps(nested), encoding="utf-8")
        tmp.replace(target)
        return target


def validate(key: str, value: Any, path: Path | None = None) -> Any:
    """Check one option; returns the value (ints widened to float where a number is wanted)."""
    where = f"{path}: " if path else ""
    option = _BY_KEY.get(key)
    if option is None:
        known = ", ".join(sorted(_BY_KEY))
        raise SettingsError(f"{where}unknown setting '{key}' (known settings: {known})")
    if not _type_ok(option.default, value):
        raise SettingsError(
            f"{where}setting '{key}' must be {_type_name(option.default)}, got {value!r}"
        )
    if isinstance(option.default, float):
        value = float(value)
    if option.check is not None and (problem := option.check(value)):
        raise SettingsError(f"{where}setting '{key}' {problem}, got {value!r}")
    return value


def load_settings(path: Path) -> Settings:
    """Read and validate the settings file; a missing file means all defaults."""
    if not path.exists():
        return Settings(path=path)
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError as exc:
        raise SettingsError(f"{path}: not UTF-8 text ({exc.reason})") from exc
    except tomllib.TOMLDecodeError as exc:
        raise SettingsError(f"{path}: not valid TOML: {exc}") from exc
    return Settings(_flatten(raw), path)
