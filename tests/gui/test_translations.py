"""Every interface string has a finished Chinese translation with the same placeholders."""

from __future__ import annotations

import re
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from ui.translations import I18N_DIR, catalogue, lrelease_executable

UI_DIR = Path(__file__).resolve().parents[2] / "ui"
CATALOGUE = I18N_DIR / "gatedesk_zh_CN.ts"


def messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    found = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            found[(name, message.findtext("source"))] = message.find("translation")
    return found


@pytest.fixture(scope="module")
def source_strings(tmp_path_factory) -> dict:
    lupdate = Path(lrelease_executable()).with_name("pyside6-lupdate")
    out = tmp_path_factory.mktemp("ts") / "current.ts"
    sources = sorted(str(p) for p in UI_DIR.rglob("*.py"))
    subprocess.run(
        [str(lupdate), "-locations", "none", *sources, "-ts", str(out)],
        check=True,
        capture_output=True,
    )
    return messages(out)


def test_sources_were_found(source_strings):
    assert ("Texts", "Allow") in source_strings
    assert len(source_strings) > 50


def test_every_string_is_translated(source_strings):
    committed = messages(CATALOGUE)
    missing = [key for key in source_strings if key not in committed]
    assert not missing, f"run pyside6-lupdate and translate: {missing}"
    unfinished = [
        key
        for key in source_strings
        if committed[key].get("type") in ("unfinished", "vanished") or not committed[key].text
    ]
    assert not unfinished, f"translations missing for: {unfinished}"


def test_placeholders_survive_translation():
    for (context, source), translation in messages(CATALOGUE).items():
        wanted = sorted(re.findall(r"%\d", source))
        assert sorted(re.findall(r"%\d", translation.text or "")) == wanted, (context, source)


def test_catalogue_compiles_and_loads(qapp, tmp_path):
    from PySide6.QtCore import QCoreApplication, QTranslator

    qm = tmp_path / "zh.qm"
    subprocess.run(
        [lrelease_executable(), str(CATALOGUE), "-qm", str(qm)], check=True, capture_output=True
    )
    translator = QTranslator()
    assert translator.load(str(qm))
    qapp.installTranslator(translator)
    try:
        assert QCoreApplication.translate("Texts", "No entry") == "禁止通行"
        assert QCoreApplication.translate("Texts", "Bldg %1, unit %2, room %3") == "%1栋%2单元%3"
    finally:
        qapp.removeTranslator(translator)
    assert catalogue("zh_CN").name == "gatedesk_zh_CN.qm"
