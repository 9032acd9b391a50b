"""Every input reaches the gate through one call, with the latest fresh temperature."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from db.enums import CheckMethod, Direction, TemperatureSource
from db.models import EntryLog
from desktop.intake import GateInput, GateIntake
from desktop.verdicts import Reason, VerdictKind
from devices.readings import (
    CardType,
    CodeReading,
    CodeSource,
    IdCardReading,
    TemperatureReading,
)
from tests.support.gate_site import NOW, ZHANG


@pytest.fixture
def intake(gate) -> GateIntake:
    return GateIntake(gate, attach_window_s=20, clock=lambda: NOW)


def card(number: str = ZHANG, card_type: CardType = CardType.RESIDENT) -> IdCardReading:
    return IdCardReading("id-reader", NOW, card_type, number, "张小明")


def temperature(value: float, age_s: float) -> TemperatureReading:
    return TemperatureReading(value, NOW - timedelta(seconds=age_s), "thermometer")


def code_reading(text: str) -> CodeReading:
    return CodeReading(text, CodeSource.CAMERA, "camera", NOW)


def entries(sessions) -> list[EntryLog]:
    with sessions() as session:
        return list(session.scalars(select(EntryLog).order_by(EntryLog.id)))


def test_card_scan_and_typed_number_take_the_same_path(intake, sessions, monkeypatch):
    seen: list[GateInput] = []
    original = intake.gate.check_id_number

    def spy(raw, **kwargs):
        seen.append(kwargs["method"])
        return original(raw, **kwargs)

    monkeypatch.setattr(intake.gate, "check_id_number", spy)
    intake.submit(GateIntake.from_card(card()), Direction.IN)
    intake.submit(
        GateIntake.from_code(CodeReading(ZHANG, CodeSource.SERIAL, "scanner", NOW)), Direction.IN
    )
    intake.submit(
        GateIntake.from_code(CodeReading(ZHANG, CodeSource.WEDGE, "wedge", NOW)), Direction.OUT
    )
    intake.submit(GateIntake.typed(ZHANG.lower()), Direction.IN)
    assert seen == [CheckMethod.ID_CARD, CheckMethod.QR, CheckMethod.QR, CheckMethod.TYPED]
    logged = entries(sessions)
    assert [e.method for e in logged] == seen
    assert [e.device for e in logged] == ["id-reader", "scanner", "wedge", ""]


def test_fresh_temperature_attaches_to_the_next_check_once(intake, sessions):
    intake.temperature_arrived(temperature(36.6, age_s=5))
    first = intake.submit(GateIntake.from_card(card()), Direction.IN)
    second = intake.submit(GateIntake.from_card(card()), Direction.IN)
    assert first.temperature.value_c == 36.6
    assert first.temperature.source is TemperatureSource.DEVICE
    assert second.temperature is None
    assert [e.temperature_c for e in entries(sessions)] == [36.6, None]


def test_stale_temperature_is_not_attached(intake):
    intake.temperature_arrived(temperature(36.6, age_s=21))
    assert intake.pending_temperature() is None
    verdict = intake.submit(GateIntake.from_card(card()), Direction.IN)
    assert verdict.temperature is None


def test_fever_from_the_thermometer_denies(intake):
    intake.temperature_arrived(temperature(38.4, age_s=1))
    verdict = intake.submit(GateIntake.from_card(card()), Direction.IN)
    assert verdict.kind is VerdictKind.FEVER


def test_junk_code_is_an_unknown_code_and_writes_nothing(intake, sessions):
    junk = CodeReading("https://example.com/?x=1", CodeSource.CAMERA, "camera", NOW)
    verdict = intake.submit(GateIntake.from_code(junk), Direction.IN)
    assert verdict.kind is VerdictKind.INPUT_ERROR
    assert verdict.reason is Reason.UNKNOWN_CODE
    assert entries(sessions) == []


def test_foreign_card_number_is_checked_as_it_is(intake, sessions):
    reading = card("USA330012345678", CardType.FOREIGN_PERMANENT)
    verdict = intake.submit(GateIntake.from_card(reading), Direction.IN)
    assert verdict.kind is VerdictKind.REFER  # not registered here: a visitor
    assert verdict.reason is Reason.NOT_REGISTERED
    assert verdict.needs_visitor_form
    assert verdict.id_masked == "USA330*****5678"
    assert entries(sessions) == []


@pytest.mark.parametrize(
    ("payload", "reason"),
    [
        ('{"name":"张小明","idCard":"11010519491231002X","color":"red"}', Reason.CODE_RED),
        ("https://hc.example.gov.cn/v?sfzh=11010519491231002x&ys=1", Reason.CODE_YELLOW),
        ("idNo=11010519491231002X;status=green", Reason.OK),
        ('{"data":{"id_number":"11010519491231002X","codeColor":"绿码"}}', Reason.OK),
    ],
)
def test_health_code_payloads_are_read(intake, sessions, payload, reason):
    verdict = intake.submit(GateIntake.from_code(code_reading(payload)), Direction.IN)
    assert verdict.reason is reason
    assert verdict.name_masked == "张*明"


@pytest.mark.parametrize(
    "payload",
    [
        '{"idCard":"110105194912310021","color":"green"}',  # wrong check digit
        "https://hc.example.gov.cn/v?token=abc",
        '{"idCard": [1, 2]}',
        "{not json",
    ],
)
def test_codes_without_a_valid_number_are_unknown(intake, sessions, payload):
    verdict = intake.submit(GateIntake.from_code(code_reading(payload)), Direction.IN)
    assert verdict.reason is Reason.UNKNOWN_CODE
    assert entries(sessions) == []
