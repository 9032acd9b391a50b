"""The settings file: defaults, validation naming the bad key, saving."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.paths import resolve_paths
from desktop.settings import OPTIONS, Settings, SettingsError, load_settings


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "settings.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_missing_file_gives_defaults(tmp_path):
    settings = load_settings(tmp_path / "nope.toml")
    assert settings["language"] == "zh_CN"
    assert settings["policy.fever_threshold_c"] == 37.3
    assert settings["database_url"] == ""
    assert settings["office.role"] == "secretary"


def test_values_are_read_from_sections(tmp_path):
    path = write(
        tmp_path,
        'language = "en"\n[gate]\ncode = "west"\nverdict_seconds = 8\n'
        "[policy]\nfever_threshold_c = 37\n",
    )
    settings = load_settings(path)
    assert settings["language"] == "en"
    assert settings["gate.code"] == "west"
    assert settings["gate.verdict_seconds"] == 8
    assert settings["policy.fever_threshold_c"] == 37.0
    assert isinstance(settings["policy.fever_threshold_c"], float)


def test_office_role_is_one_of_the_roles(tmp_path):
    settings = load_settings(write(tmp_path, "[office]\nrole = 'grid-worker'\n"))
    assert settings["office.role"] == "grid-worker"


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("[gate]\nverdict_seconds = 'five'\n", ["gate.verdict_seconds", "whole number"]),
        ("[gate]\nverdict_seconds = 0\n", ["gate.verdict_seconds", "between"]),
        ("[policy]\nfever_threshold_c = 45.0\n", ["policy.fever_threshold_c", "between"]),
        ("language = 'fr'\n", ["language", "zh_CN"]),
        ("[gate]\ncolour = 'red'\n", ["unknown setting 'gate.colour'"]),
        ("database_url = 'mysql://x'\n", ["database_url"]),
        ("[gate]\nverdict_seconds = true\n", ["gate.verdict_seconds"]),
        ("[office]\nrole = 'mayor'\n", ["office.role", "secretary", "gate-staff"]),
        ("[gate\ncode='x'\n", ["not valid TOML"]),
    ],
)
def test_bad_values_name_the_key_and_the_file(tmp_path, text, names):
    path = write(tmp_path, text)
    with pytest.raises(SettingsError) as err:
        load_settings(path)
    message = str(err.value)
    assert str(path) in message
    for name in names:
        assert name in message


def test_not_utf8_is_reported(tmp_path):
    path = tmp_path / "settings.toml"
    path.write_bytes("language = '中文'".encode("gbk"))
    with pytest.raises(SettingsError, match="UTF-8"):
        load_settings(path)


def test_save_writes_only_changes_and_reads_back(tmp_path):
    path = tmp_path / "cfg" / "settings.toml"
    settings = Settings(path=path).with_values(gate__code="west", policy__fever_threshold_c=37.5)
    settings.save()
    text = path.read_text(encoding="utf-8")
    assert "[gate]" in text and "language" not in text
    again = load_settings(path)
    assert again.as_dict() == settings.as_dict()


def test_every_default_is_valid():
    values = {o.key: o.default for o in OPTIONS}
    assert Settings(values).as_dict() == values


def test_home_puts_everything_under_one_directory(tmp_path, monkeypatch):
    monkeypatch.delenv("GATEDESK_HOME", raising=False)
    paths = resolve_paths(tmp_path / "gate2")
    for path in (paths.settings_file, paths.database_file, paths.log_dir, paths.output_dir):
        assert path.is_relative_to(tmp_path / "gate2")
    monkeypatch.setenv("GATEDESK_HOME", str(tmp_path / "env-home"))
    assert resolve_paths().database_file.is_relative_to(tmp_path / "env-home")


def test_without_home_platform_dirs_are_used(tmp_path, monkeypatch):
    monkeypatch.delenv("GATEDESK_HOME", raising=False)
    paths = resolve_paths()
    assert "gatedesk" in str(paths.database_file)
    assert paths.settings_file.name == "settings.toml"
