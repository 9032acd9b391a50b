"""Where GateDesk keeps its files: one home directory, or the platform's usual places."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "gatedesk"
HOME_ENV = "GATEDESK_HOME"


@dataclass(frozen=True, slots=True)
class AppPaths:
    """The directories of one GateDesk installation (or of one `--home`)."""

    config_dir: Path
    data_dir: Path
    log_dir: Path
    output_dir: Path

    @property
    def settings_file(self) -> Path:
        return self.config_dir / "settings.toml"

    @property
    def database_file(self) -> Path:
        return self.data_dir / "gatedesk.db"

    @property
    def backup_dir(self) -> Path:
        return self.data_dir / "backups"

    def create(self) -> None:
        """Create the directories that do not exist yet."""
        for directory in (self.config_dir, self.data_dir, self.log_dir, self.output_dir):
            directory.mkdir(parents=True, exist_ok=True)


def resolve_paths(home: str | os.PathLike[str] | None = None) -> AppPaths:
    """Paths under `home` (or $GATEDESK_HOME) when given, else the platform's user dirs.

    A home directory keeps settings, database, logs and outputs together, so a test, a demo
    or a second gate on the same PC never touches the user's real data.
    """
    home = home or os.environ.get(HOME_ENV) or None
    if home:
        root = Path(home).expanduser().resolve()
        return AppPaths(
            config_dir=root / "config",
            data_dir=root / "data",
            log_dir=root / "logs",
            output_dir=root / "output",
        )
    dirs = platformdirs.PlatformDirs(APP_NAME, appauthor=False)
    return AppPaths(
        config_dir=Path(dirs.user_config_dir),
        data_dir=Path(dirs.user_data_dir),
        log_dir=Path(dirs.user_log_dir),
        output_dir=Path(platformdirs.user_documents_dir()) / "GateDesk",
    )
