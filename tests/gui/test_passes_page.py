"""The passes page: choose who → issue → preview → print; revoke a lost pass, reissue."""

from __future__ import annotations

from PySide6.QtPrintSupport import QPrinter

from desktop.verdicts import PassState


def test_issue_preview_print_revoke_and_reissue(window, qtbot, context, tmp_path):
    page = window.passes_page
    window.show_page(page)
    page.min_age.setValue(70)
    page.without_phone.setChecked(True)
    page.find()
    count = len(page.candidates)
    assert count > 0
    assert str(count) in page.found.text() and page.issue_button.isEnabled()

    page.issue()
    assert len(page.issued) == count
    qtbot.waitUntil(lambda: page.sheet is not None, timeout=30000)
    assert page.document.pageCount() >= 1
    assert page.print_button.isEnabled()
    assert page.list.count() == count

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert page.print_to(printer) == page.document.pageCount()
    assert (tmp_path / "printed.pdf").stat().st_size > 10_000

    page.list.setCurrentRow(0)
    lost = list(reversed(page.passes))[0]
    page.revoke_lost()
    assert page.list.count() == count - 1
    assert context.intake.passes.verify(lost.code).state is PassState.REVOKED

    page.list.setCurrentRow(0)
    before = page.sheet
    page.reissue()
    qtbot.waitUntil(lambda: page.sheet is not None and page.sheet != before, timeout=30000)
    assert page.list.count() == count - 1  # the old one revoked, a new one in its place


def test_a_pass_goes_to_the_receipt_printer_with_its_qr(window, qtbot, context):
    page = window.passes_page
    assert not page.receipt_button.isVisible()  # no receipt printer configured here
    printed = []
    page.print_slip = lambda title, lines, **kw: printed.append((title, lines, kw))
    page.min_age.setValue(70)
    page.find()
    page.issue()
    qtbot.waitUntil(lambda: page.sheet is not None, timeout=30000)
    page.list.setCurrentRow(0)
    chosen = list(reversed(page.passes))[0]
    page.print_receipt()
    [(title, lines, kw)] = printed
    assert kw["qr"] == chosen.code and title == "纸质出入证"
    assert any(chosen.name_masked in line for line in lines)
    assert str(chosen.serial) in page.message.text()


def test_refusals_are_said_in_the_interface_language(window, context):
    from desktop.passes.service import PassError
    from ui.pages.passes_page import pass_error_text

    assert "迁出" in pass_error_text(PassError("not-active", "resident 3 no longer lives here"))
    assert pass_error_text(PassError("something-new", "as it is")) == "as it is"
