"""The gate page as staff use it: type or scan, Enter, read the verdict."""

from __future__ import annotations

from PySide6.QtCore import Qt
from sqlalchemy import func, select

from db.enums import CheckMethod, HealthColor
from db.models import EntryLog
from desktop.masking import mask_name
from desktop.verdicts import VerdictKind


def entry_count(context) -> int:
    with context.sessions() as session:
        return session.scalar(select(func.count()).select_from(EntryLog))


def last_entry(context) -> EntryLog:
    with context.sessions() as session:
        return session.scalars(select(EntryLog).order_by(EntryLog.id.desc()).limit(1)).one()


def green_resident(residents):
    return next(r for r in residents if r.health_status is HealthColor.GREEN and r.id_number)


def type_and_enter(qtbot, page, text: str) -> None:
    page.input.setText(text)
    qtbot.keyClick(page.input, Qt.Key.Key_Return)


def test_gate_page_is_in_chinese_and_has_focus(window, qtbot):
    page = window.gate_page
    assert "请刷卡或扫码" in page.verdict.word.text()
    assert window.navigation.item(0).text() == "卡口"
    assert window.navigation.item(1).text() == "居民信息库"
    qtbot.waitUntil(lambda: page.input.hasFocus())


def test_typed_number_allows_and_writes_the_entry(window, qtbot, context, residents):
    page = window.gate_page
    resident = green_resident(residents)
    before = entry_count(context)
    type_and_enter(qtbot, page, resident.id_number.lower())
    assert page.verdict.kind is VerdictKind.ALLOW
    assert "放行" in page.verdict.word.text()
    assert mask_name(resident.name) in page.verdict.name_line.text()
    assert resident.name not in page.verdict.name_line.text() or len(resident.name) == 1
    assert entry_count(context) == before + 1
    entry = last_entry(context)
    assert (entry.resident_id, entry.method) == (resident.id, CheckMethod.TYPED)
    assert page.input.text() == ""
    assert page.side.recent.count() >= 1


def test_wrong_check_digit_shows_a_clear_message_and_writes_nothing(
    window, qtbot, context, residents
):
    page = window.gate_page
    number = green_resident(residents).id_number
    wrong = number[:17] + ("0" if number[17] != "0" else "1")
    before = entry_count(context)
    type_and_enter(qtbot, page, wrong)
    assert page.verdict.kind is VerdictKind.INPUT_ERROR
    assert "校验位" in page.verdict.reason_line.text()
    assert entry_count(context) == before
    assert page.input.text() == wrong  # kept, selected, for correction


def test_f2_turns_the_direction(window, qtbot, context, residents):
    page = window.gate_page
    assert "进" in page.direction_button.text()
    qtbot.keyClick(page.input, Qt.Key.Key_F2)
    assert "出" in page.direction_button.text()
    type_and_enter(qtbot, page, green_resident(residents).id_number)
    assert last_entry(context).direction.value == "out"


def test_name_initials_search_then_enter_checks_the_person(window, qtbot, context, residents):
    page = window.gate_page
    resident = next(
        r for r in residents if len(r.name_initials) >= 2 and r.health_status is HealthColor.GREEN
    )
    page.input.setText(resident.name_initials)
    page.input.textEdited.emit(resident.name_initials)
    assert page.results.isVisible()
    for row in range(page.results.count()):
        if page.results.item(row).data(Qt.ItemDataRole.UserRole) == resident.id:
            page.results.setCurrentRow(row)
            break
    else:
        raise AssertionError("resident not offered by the search")
    qtbot.keyClick(page.input, Qt.Key.Key_Return)
    entry = last_entry(context)
    assert (entry.resident_id, entry.method) == (resident.id, CheckMethod.SEARCH)
    assert not page.results.isVisible()


def test_escape_returns_to_ready(window, qtbot, residents):
    page = window.gate_page
    type_and_enter(qtbot, page, green_resident(residents).id_number)
    qtbot.keyClick(page.input, Qt.Key.Key_Escape)
    assert page.verdict.kind is None


def test_verdict_returns_to_ready_after_its_time(window, qtbot, residents):
    page = window.gate_page
    page.reset_timer.setInterval(50)
    type_and_enter(qtbot, page, green_resident(residents).id_number)
    qtbot.waitUntil(lambda: page.verdict.kind is None, timeout=2000)
    assert page.side.recent.count() >= 1


def test_verdict_word_is_large(window, residents, qtbot):
    page = window.gate_page
    type_and_enter(qtbot, page, green_resident(residents).id_number)
    # What is drawn, after style sheets: the word at least 72 px, the name line 36 px.
    assert page.verdict.word.fontInfo().pixelSize() >= 72
    assert page.verdict.name_line.fontInfo().pixelSize() >= 36
    assert page.verdict.word.height() >= 72


def test_every_verdict_icon_is_a_character_common_fonts_have(qapp):
    from PySide6.QtGui import QFontDatabase

    from ui.theme import VERDICT_STYLES

    families = QFontDatabase.families()
    for kind, style in VERDICT_STYLES.items():
        assert all(ord(ch) < 0x2800 for ch in style.icon), kind  # no emoji: gate PCs lack them
        assert any(
            QFontDatabase.writingSystems(family) and _has_glyph(family, style.icon)
            for family in families
        ), kind


def _has_glyph(family: str, text: str) -> bool:
    from PySide6.QtGui import QFont, QFontMetrics

    metrics = QFontMetrics(QFont(family))
    return all(metrics.inFontUcs4(ord(ch)) for ch in text)


def test_every_reason_and_verdict_has_words(qapp, chinese):
    from desktop.verdicts import Reason
    from ui import texts

    assert all(texts.reason_text(reason) for reason in Reason)
    assert all(texts.verdict_word(kind) for kind in VerdictKind)
