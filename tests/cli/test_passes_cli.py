"""`gatedesk passes …`: issue, list, verify, revoke, reissue from the command line."""

from __future__ import annotations

import argparse
import json

import pytest

from db.engine import make_session_factory
from desktop.app import open_database
from desktop.pass_commands import add_parsers, run_passes
from desktop.paths import resolve_paths
from desktop.settings import load_settings
from tests.support.gate_site import make_gate


def parser() -> argparse.ArgumentParser:
    root = argparse.ArgumentParser(prog="gatedesk")
    root.add_argument("--home")
    root.add_argument("--demo", action="store_true")
    add_parsers(root.add_subparsers(dest="command"))
    return root


def gatedesk(home: str, *argv: str) -> int:
    return run_passes(parser().parse_args(["--home", home, "passes", *argv]))


@pytest.fixture(autouse=True)
def no_os_keyring(monkeypatch):
    """Tests never write to the real keyring of the PC that runs them."""
    monkeypatch.setattr("desktop.passes.keys._keyring", lambda: None)


@pytest.fixture
def home(tmp_path) -> str:
    """A home whose database holds make_gate's community (张小明 and 李四 in 3-2-501)."""
    home = tmp_path / "home"
    paths = resolve_paths(home)
    engine, _ = open_database(paths, load_settings(paths.settings_file))
    make_gate(make_session_factory(engine))
    engine.dispose()
    return str(home)


def test_issue_list_verify_revoke_reissue(home, capsys):
    assert gatedesk(home, "issue", "--building", "3", "--min-age", "65", "--json") == 0
    [issued] = json.loads(capsys.readouterr().out)
    assert issued["serial"] == 1 and issued["name"] == "张*明"
    code = issued["code"]
    assert gatedesk(home, "verify", code) == 0
    out = capsys.readouterr().out
    assert out.startswith("valid") and "张*明" in out and "11010519491231002X" not in out
    assert gatedesk(home, "issue", "--resident", "2", "--days", "7") == 0
    out = capsys.readouterr().out
    assert "李*" in out and "1 passes issued" in out
    assert gatedesk(home, "reissue", "1") == 0
    assert "new pass 3" in capsys.readouterr().out
    assert gatedesk(home, "verify", code) == 1
    assert capsys.readouterr().out.startswith("revoked")
    assert gatedesk(home, "revoke", "2", "--reason", "lost") == 0
    capsys.readouterr()
    assert gatedesk(home, "list", "--json") == 0
    assert [p["serial"] for p in json.loads(capsys.readouterr().out)] == [3]
    assert gatedesk(home, "list", "--all") == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split("\t")[-1] for line in lines] == ["revoked", "revoked", "active"]
    key_files = list((resolve_paths(home).data_dir / "pass-keys").glob("*.pem"))
    assert len(key_files) == 1


def test_errors_are_clear(home, capsys):
    assert gatedesk(home, "revoke", "42", "--reason", "lost") == 2
    assert "no pass with serial 42" in capsys.readouterr().err
    assert gatedesk(home, "issue", "--building", "9") == 2
    assert "nobody matches" in capsys.readouterr().err
    assert gatedesk(home, "issue", "--resident", "1", "--days", "0") == 2
    assert gatedesk(home, "verify", "GD1:BROKEN") == 1
    assert capsys.readouterr().out.startswith("forged")
    with pytest.raises(SystemExit):
        parser().parse_args(["passes", "revoke", "1", "--reason", "stolen"])


def test_issue_for_a_household_covers_everyone_living_there(home, capsys):
    # make_gate's two residents share the first household.
    assert gatedesk(home, "issue", "--household", "1", "--json") == 0
    issued = json.loads(capsys.readouterr().out)
    assert sorted(p["name"] for p in issued) == ["张*明", "李*"]


def test_a_compromised_key_is_revoked_with_every_pass_it_signed(home, capsys):
    assert gatedesk(home, "issue", "--household", "1", "--json") == 0
    codes = [p["code"] for p in json.loads(capsys.readouterr().out)]
    assert gatedesk(home, "revoke-key", "1") == 0
    assert "2 passes" in capsys.readouterr().out
    for code in codes:
        assert gatedesk(home, "verify", code) == 1
        assert capsys.readouterr().out.startswith("revoked")
    # The next pass is signed by a new key and verifies.
    assert gatedesk(home, "issue", "--resident", "1", "--json") == 0
    [fresh] = json.loads(capsys.readouterr().out)
    assert gatedesk(home, "verify", fresh["code"]) == 0
