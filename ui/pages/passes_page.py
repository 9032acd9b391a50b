"""The passes page (纸质出入证): choose who → issue → preview the sheet → print; revoke, reissue.

The sheet is the same PDF the command line writes; the preview shows it page by page and
printing paints its pages at the printer's resolution, so what is printed is what was seen.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QRect, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from db.enums import PassKind, RevocationReason
from desktop.pass_print import PassPrintError, load_cards, print_sheet
from desktop.passes.service import CandidateFilter, IssuedPass, PassError, PassService
from desktop.registry import RegistryService
from reports.pass_slip import escpos_pass
from ui.tasks import Task

log = logging.getLogger(__name__)
PRINT_DPI = 300


def pass_error_text(error: PassError) -> str:
    """What went wrong with a pass request, in the interface language."""
    words = {
        "bad-dates": QCoreApplication.translate(
            "PassesPage", "the last valid day is before the first"
        ),
        "not-active": QCoreApplication.translate(
            "PassesPage", "the resident no longer lives here (moved out or deceased)"
        ),
        "resident-not-found": QCoreApplication.translate(
            "PassesPage", "the resident is no longer in the registry"
        ),
        "no-resident": QCoreApplication.translate(
            "PassesPage", "the pass names nobody of the registry"
        ),
        "pass-not-found": QCoreApplication.translate("PassesPage", "there is no such pass"),
        "key-not-found": QCoreApplication.translate(
            "PassesPage",
            "this PC does not hold the community's signing key: issue passes on the PC that "
            "made it, or make a new key (gatedesk passes rotate-key)",
        ),
    }
    return words.get(error.code, str(error))


class PassesPage(QWidget):
    """Batch issue and print of paper passes for residents without a phone."""

    def __init__(
        self,
        service: PassService,
        registry: RegistryService,
        sessions,
        outputs_dir: Path,
        zone: ZoneInfo,
        parent: QWidget | None = None,
        *,
        print_slip: Callable[..., object] | None = None,
    ) -> None:
        super().__init__(parent)
        self.service = service
        # The receipt printer's slip printing (Hardware.print_text_later), when there is one.
        self.print_slip = print_slip
        self.registry = registry
        self.sessions = sessions
        self.outputs_dir = Path(outputs_dir)
        self.zone = zone
        self.candidates: list[int] = []
        self.issued: list[IssuedPass] = []
        self.passes: list[IssuedPass] = []
        self.sheet: Path | None = None
        self.task: Task | None = None
        # Replaced in tests so that no viewer starts.
        self.open_url: Callable[[QUrl], object] = QDesktopServices.openUrl

        self.building = QComboBox()
        self.building.setObjectName("passBuilding")
        self.min_age = QSpinBox()
        self.min_age.setRange(0, 120)
        self.min_age.setValue(65)
        self.min_age.setSpecialValueText(self.tr("any age"))
        self.without_phone = QCheckBox(self.tr("Only residents without a smartphone"))
        self.without_phone.setChecked(True)
        self.exclude_key = QCheckBox(self.tr("Leave out current key persons"))
        self.exclude_key.setChecked(True)
        self.kind = QComboBox()
        for label, kind in (
            (self.tr("Resident"), PassKind.RESIDENT),
            (self.tr("Visitor with host (blue)"), PassKind.VISITOR),
            (self.tr("Staff / volunteer"), PassKind.STAFF),
        ):
            self.kind.addItem(label, kind)
        self.days = QSpinBox()
        self.days.setRange(1, 366)
        self.days.setValue(30)
        self.days.setSuffix(self.tr(" days"))
        self.slips = QCheckBox(self.tr("80 mm slips instead of A4 sheets"))
        self.find_button = self._button(self.tr("Find residents"), self.find, "passFind")
        self.issue_button = self._button(self.tr("Issue and preview"), self.issue, "passIssue")
        self.issue_button.setEnabled(False)
        self.found = QLabel()
        self.found.setObjectName("passFound")
        self.found.setWordWrap(True)

        form = QFormLayout()
        form.addRow(self.tr("Building"), self.building)
        form.addRow(self.tr("Aged at least"), self.min_age)
        form.addRow(self.without_phone)
        form.addRow(self.exclude_key)
        form.addRow(self.tr("Kind"), self.kind)
        form.addRow(self.tr("Valid for"), self.days)
        form.addRow(self.slips)
        who = QGroupBox(self.tr("Who gets a pass"))
        who_layout = QVBoxLayout(who)
        who_layout.addLayout(form)
        who_layout.addWidget(self.find_button)
        who_layout.addWidget(self.found)
        who_layout.addWidget(self.issue_button)

        self.list = QListWidget()
        self.list.setObjectName("passList")
        self.revoke_button = self._button(self.tr("Lost: revoke"), self.revoke_lost, "passRevoke")
        self.reissue_button = self._button(self.tr("Reissue"), self.reissue, "passReissue")
        self.receipt_button = self._button(
            self.tr("Receipt printer"), self.print_receipt, "passReceipt"
        )
        self.receipt_button.setVisible(print_slip is not None)
        issued = QGroupBox(self.tr("Passes issued"))
        issued_layout = QVBoxLayout(issued)
        issued_layout.addWidget(self.list, 1)
        row = QHBoxLayout()
        row.addWidget(self.revoke_button)
        row.addWidget(self.reissue_button)
        row.addWidget(self.receipt_button)
        issued_layout.addLayout(row)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(who)
        left_layout.addWidget(issued, 1)

        self.document = QPdfDocument(self)
        self.preview = QPdfView()
        self.preview.setObjectName("passPreview")
        self.preview.setDocument(self.document)
        self.preview.setPageMode(QPdfView.PageMode.MultiPage)
        self.preview.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.print_button = self._button(self.tr("Print…"), self.choose_printer, "passPrint")
        self.open_button = self._button(self.tr("Open the PDF"), self.open_pdf, "passOpen")
        for button in (self.print_button, self.open_button):
            button.setEnabled(False)
        self.message = QLabel()
        self.message.setObjectName("passMessage")
        self.message.setWordWrap(True)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.preview, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.message, 1)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.print_button)
        right_layout.addLayout(buttons)

        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self.refresh()

    def _button(self, text: str, slot, name: str) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.setMinimumHeight(40)
        button.clicked.connect(slot)
        return button

    # Choosing and issuing ------------------------------------------------------------------

    def refresh(self) -> None:
        chosen = self.building.currentData()
        self.building.clear()
        self.building.addItem(self.tr("All buildings"), None)
        for building in self.registry.tree():
            self.building.addItem(
                self.tr("Bldg %1").replace("%1", building.number), building.number
            )
        self.building.setCurrentIndex(max(0, self.building.findData(chosen)))
        self.passes = self.service.passes(active_only=True)
        self.list.clear()
        for issued in reversed(self.passes):
            valid_to = issued.valid_to.astimezone(self.zone).date().isoformat()
            text = self.tr("No. %1  %2  valid until %3")
            self.list.addItem(
                text.replace("%1", str(issued.serial))
                .replace("%2", issued.name_masked)
                .replace("%3", valid_to)
            )
        has = bool(self.passes)
        for button in (self.revoke_button, self.reissue_button, self.receipt_button):
            button.setEnabled(has)

    def current_filter(self) -> CandidateFilter:
        return CandidateFilter(
            building=self.building.currentData(),
            min_age=self.min_age.value() or None,
            without_phone=self.without_phone.isChecked(),
            exclude_key_persons=self.exclude_key.isChecked(),
        )

    def find(self) -> None:
        self.candidates = self.service.candidates(self.current_filter())
        count = len(self.candidates)
        self.found.setText(self.tr("%1 residents match.").replace("%1", str(count)))
        self.issue_button.setEnabled(count > 0)
        self.issue_button.setText(
            self.tr("Issue %1 passes and preview").replace("%1", str(count))
            if count
            else self.tr("Issue and preview")
        )

    def issue(self) -> None:
        """Issue a pass to every resident found (older passes of theirs are revoked), then
        render the sheet in the background."""
        if not self.candidates:
            return
        today = self.service.today()
        try:
            self.issued = self.service.issue(
                self.candidates,
                kind=PassKind(self.kind.currentData()),
                valid_from=today,
                valid_to=today + timedelta(days=self.days.value() - 1),
            )
        except PassError as error:
            self.message.setText(
                self.tr("No pass was issued: %1").replace("%1", pass_error_text(error))
            )
            return
        self.candidates = []
        self.issue_button.setEnabled(False)
        self.issue_button.setText(self.tr("Issue and preview"))
        self.refresh()
        self.render([p.serial for p in self.issued])

    def render(self, serials: list[int]) -> Task:
        """Write the sheet (or slips) of these passes and show it."""
        stamp = datetime.now(self.zone).strftime("%Y%m%d-%H%M%S")
        # Named by time and serials: two sheets made in the same second never overwrite.
        path = self.outputs_dir / f"passes-{stamp}-{min(serials)}-{max(serials)}.pdf"
        sessions, community = self.sessions, self.service.community_id
        slips = self.slips.isChecked()

        def work(_progress, _cancelled) -> Path:
            return print_sheet(sessions, community, path, serials=serials, slip=slips)

        self.message.setText(
            self.tr("Preparing %1 passes for printing…").replace("%1", str(len(serials)))
        )
        self.task = Task(work, self)
        self.task.succeeded.connect(self._rendered)
        self.task.failed.connect(self._render_failed)
        self.task.start()
        return self.task

    def _rendered(self, path: Path) -> None:
        self.sheet = path
        self.document.load(str(path))
        pages = self.document.pageCount()
        text = self.tr("%1 pages ready: check them, then print. Saved as %2")
        self.message.setText(text.replace("%1", str(pages)).replace("%2", str(path)))
        self.print_button.setEnabled(True)
        self.open_button.setEnabled(True)

    def _render_failed(self, error: object) -> None:
        if isinstance(error, PassPrintError):
            self.message.setText(
                self.tr("Nothing to print: issue the passes first, or reissue a revoked one.")
            )
        else:
            log.error("pass sheet failed", exc_info=error)  # type: ignore[arg-type]
            self.message.setText(
                self.tr("The sheet could not be made: %1").replace("%1", str(error))
            )

    # Printing --------------------------------------------------------------------------

    def choose_printer(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() == QPrintDialog.DialogCode.Accepted:
            self.print_to(printer)

    def print_to(self, printer: QPrinter) -> int:
        """Paint every page of the sheet on `printer`; returns the pages printed."""
        pages = self.document.pageCount()
        painter = QPainter()
        if pages <= 0 or not painter.begin(printer):
            self.message.setText(self.tr("The printer could not be started."))
            return 0
        try:
            for index in range(pages):
                if index:
                    printer.newPage()
                target = painter.viewport()
                pixels = (self.document.pagePointSize(index) * (PRINT_DPI / 72)).toSize()
                image = self.document.render(index, pixels)
                fitted = image.size().scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
                painter.drawImage(QRect(target.topLeft(), fitted), image)
        finally:
            painter.end()
        self.message.setText(self.tr("Sent %1 pages to the printer.").replace("%1", str(pages)))
        return pages

    def open_pdf(self) -> None:
        if self.sheet is not None:
            self.open_url(QUrl.fromLocalFile(str(self.sheet)))

    # Revoking --------------------------------------------------------------------------

    def _selected(self) -> IssuedPass | None:
        row = self.list.currentRow()
        ordered = list(reversed(self.passes))
        return ordered[row] if 0 <= row < len(ordered) else None

    def revoke_lost(self) -> None:
        chosen = self._selected()
        if chosen is None:
            self.message.setText(self.tr("Choose a pass in the list first."))
            return
        self.service.revoke(chosen.serial, RevocationReason.LOST, "reported lost")
        text = self.tr("Pass No. %1 is revoked: every gate refuses it from now on.")
        self.message.setText(text.replace("%1", str(chosen.serial)))
        self.refresh()

    def reissue(self) -> None:
        chosen = self._selected()
        if chosen is None:
            self.message.setText(self.tr("Choose a pass in the list first."))
            return
        try:
            new = self.service.reissue(chosen.serial)
        except PassError as error:
            self.message.setText(
                self.tr("No pass was issued: %1").replace("%1", pass_error_text(error))
            )
            return
        self.refresh()
        self.render([new.serial])

    def print_receipt(self) -> None:
        """The selected pass as an 80 mm slip on the receipt printer (QR included)."""
        chosen = self._selected()
        if chosen is None or self.print_slip is None:
            self.message.setText(self.tr("Choose a pass in the list first."))
            return
        with self.sessions() as session:
            cards = load_cards(session, self.service.community_id, serials=[chosen.serial])
        slip = escpos_pass(cards[0])
        self.print_slip(slip.title, list(slip.lines), qr=slip.qr, footer=slip.footer)
        text = self.tr("Pass No. %1 sent to the receipt printer.")
        self.message.setText(text.replace("%1", str(chosen.serial)))
