"""The command line as an office or a script uses it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select

from db.engine import make_engine, sqlite_url
from db.models import EntryLog, Resident
from desktop.cli import main
from desktop.paths import resolve_paths

REPO = Path(__file__).resolve().parents[2]


def test_check_id_prints_the_facts_in_chinese(capsys):
    assert main(["check-id", "110105", "19491231", "002x"]) == 0
    out = capsys.readouterr().out
    assert "11010519491231002X" in out
    assert "1949-12-31" in out
    assert "女" in out


def test_check_id_converts_fifteen_digits(capsys):
    assert main(["check-id", "110105491231002"]) == 0
    assert "11010519491231002X" in capsys.readouterr().out


def test_check_id_wrong_check_digit_exits_2_with_reason(capsys):
    assert main(["check-id", "110105194912310021"]) == 2
    out = capsys.readouterr().out
    assert "校验位" in out


def test_check_id_in_english_and_json(capsys, isolated_home):
    settings = resolve_paths().settings_file
    settings.parent.mkdir(parents=True)
    settings.write_text('language = "en"\n', encoding="utf-8")
    assert main(["check-id", "110105194912310021"]) == 2
    assert "check digit" in capsys.readouterr().out
    assert main(["check-id", "--json", "11010519491231002X"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data == {
        "valid": True,
        "number": "11010519491231002X",
        "birth_date": "1949-12-31",
        "gender": "female",
        "converted_from_15": False,
    }


def test_demo_data_fills_the_home_database(capsys, tmp_path):
    home = tmp_path / "demo-home"
    args = ["--home", str(home), "demo-data", "--residents", "120", "--days", "2"]
    assert main(args) == 0
    assert "120" in capsys.readouterr().out
    engine = make_engine(sqlite_url(home / "data" / "gatedesk.db"))
    with engine.connect() as conn:
        assert conn.scalar(select(func.count()).select_from(Resident)) == 120
        assert conn.scalar(select(func.count()).select_from(EntryLog)) > 0
    engine.dispose()
    # A second run refuses to mix a demo into existing data.
    assert main(args) == 2
    assert "--replace" in capsys.readouterr().err
    assert main([*args, "--replace"]) == 0


def test_settings_command_reports_bad_settings_by_key(capsys, isolated_home):
    settings = resolve_paths().settings_file
    settings.parent.mkdir(parents=True)
    settings.write_text("[gate]\nverdict_seconds = -1\n", encoding="utf-8")
    assert main(["settings"]) == 2
    assert "gate.verdict_seconds" in capsys.readouterr().err


def test_settings_command_lists_values(capsys):
    assert main(["settings", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["values"]["policy.fever_threshold_c"] == 37.3


def test_migrate_creates_the_schema(capsys):
    assert main(["migrate"]) == 0
    assert "schema revision" in capsys.readouterr().out
    assert resolve_paths().database_file.exists()


@pytest.mark.parametrize("entry", [["-m", "desktop"], ["-m", "desktop.cli"]])
def test_python_dash_m_works(entry, tmp_path):
    env = {**os.environ, "PYTHONPATH": str(REPO), "GATEDESK_HOME": str(tmp_path)}
    module = entry if entry[1] == "desktop" else ["-c", "from desktop.cli import main; main()"]
    result = subprocess.run(
        [sys.executable, *module, "check-id", "11010519491231002X"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert "1949-12-31" in result.stdout


def test_health_recompute_on_the_demo_agrees_then_finds_a_later_day(capsys):
    assert main(["--demo", "health", "recompute"]) == 0
    out = capsys.readouterr().out
    assert "健康码：共 2000 人" in out and "黄码" in out
    assert main(["health", "recompute", "--date", "2027-01-15", "--json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["mismatches"] and all("*" in m["id_number"] for m in data["mismatches"])
    assert main(["health", "recompute", "--date", "2027-01-15", "--fix"]) == 0
    assert "已更正" in capsys.readouterr().out
    assert main(["health", "recompute"]) == 1  # today's colours differ from that day's
    assert main(["health", "recompute", "--fix"]) == 0
    assert main(["health", "recompute"]) == 0
