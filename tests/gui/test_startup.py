"""Starting GateDesk: mistakes in settings or database give a clear message, not a crash."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from desktop.app import make_hardware, open_context
from desktop.paths import resolve_paths
from ui import application


@pytest.fixture
def shown(monkeypatch):
    messages = []
    monkeypatch.setattr(
        QMessageBox, "critical", lambda parent, title, text: messages.append((title, text))
    )
    return messages


def test_bad_setting_is_reported_by_key(qapp, catalogues, shown):
    settings = resolve_paths().settings_file
    settings.parent.mkdir(parents=True)
    settings.write_text("[policy]\nfever_threshold_c = 'high'\n", encoding="utf-8")
    code = application.run(open_context, make_hardware, instance_key=str(settings.parent))
    assert code == 2
    title, text = shown[0]
    assert "policy.fever_threshold_c" in text
    assert "设置文件有错误" in text


def test_unreachable_database_is_reported(qapp, catalogues, shown, postgres):
    settings = resolve_paths().settings_file
    settings.parent.mkdir(parents=True)
    url = postgres.url("no_such_database")
    settings.write_text(f'database_url = "{url}"\n', encoding="utf-8")
    code = application.run(open_context, make_hardware, instance_key=str(settings.parent))
    assert code == 2
    assert "无法打开数据库" in shown[0][1]
