"""Nucleic-acid test results: import a list (check first), then who has no negative result."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.test_results import MAX_DAYS, Area, UntestedList, UntestedResident
from desktop.test_results_export import TestResultsService
from reports.pdf import FontNotFound
from ui import texts
from ui.pages.tests_import import ImportPanel, outcome_text
from ui.rows_model import RowsModel


class UntestedModel(RowsModel):
    """Residents without a negative result; every personal column is masked."""

    column_count = 8

    def headers(self) -> list[str]:
        return [
            self.tr("Name"),
            self.tr("ID number"),
            self.tr("Phone"),
            self.tr("Address"),
            self.tr("Grid"),
            self.tr("Last sample"),
            self.tr("Last result"),
            self.tr("Note"),
        ]

    def values(self, row: UntestedResident) -> tuple[str, ...]:
        last = row.last
        return (
            row.name_masked,
            row.id_masked,
            row.phone_masked,
            texts.address_text(row.address),
            row.grid,
            last.sampled_at.strftime("%Y-%m-%d %H:%M") if last else "",
            outcome_text(last.outcome) if last else "",
            self.tr("Elderly, no phone") if row.elderly_without_phone else "",
        )


class TestsPage(QWidget):
    """Import result lists; list, print or export who has no negative result."""

    __test__ = False  # not a pytest test class, whatever its name

    def __init__(
        self,
        service: TestResultsService,
        outputs_dir: Path,
        language: str = "zh_CN",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.service = service
        self.outputs_dir = Path(outputs_dir)
        self.language = language
        # Replaced in tests, so that no PDF viewer starts.
        self.open_url: Callable[[QUrl], object] = QDesktopServices.openUrl
        self.current: UntestedList | None = None

        self.importer = ImportPanel(service, language, self)
        self.importer.imported.connect(self._imported)
        self.building = QComboBox()
        self.unit = QComboBox()
        self.grid = QComboBox()
        self.days = QSpinBox()
        self.days.setRange(1, MAX_DAYS)
        self.days.setValue(3)
        self.days.setSuffix(self.tr(" days"))
        self.count = QLabel()
        self.count.setObjectName("untestedCount")
        self.model = UntestedModel(self)
        self.table = QTableView()
        self.table.setObjectName("untestedTable")
        self.table.setModel(self.model)
        self.table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.message = QLabel()
        self.message.setObjectName("testsMessage")
        self.message.setWordWrap(True)
        self.export_button = QPushButton(self.tr("Export to Excel…"))
        self.export_button.clicked.connect(lambda: self.export_excel())
        self.print_button = QPushButton(self.tr("Print / PDF…"))
        self.print_button.clicked.connect(lambda: self.print_pdf())

        area = QHBoxLayout()
        for label, widget in (
            (self.tr("Building"), self.building),
            (self.tr("Unit"), self.unit),
            (self.tr("Grid"), self.grid),
            (self.tr("Within the last"), self.days),
        ):
            area.addWidget(QLabel(label))
            area.addWidget(widget)
        area.addWidget(self.count, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.message, 1)
        bottom.addWidget(self.export_button)
        bottom.addWidget(self.print_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.importer)
        layout.addLayout(area)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)

        self.fill_areas()
        self.building.currentIndexChanged.connect(self._building_changed)
        for signal in (
            self.unit.currentIndexChanged,
            self.grid.currentIndexChanged,
            self.days.valueChanged,
        ):
            signal.connect(self.refresh)
        self.refresh()

    def open_file(self, path: Path) -> None:
        """Check a result list and show the preview (the import button's work, without the
        file dialog)."""
        self.importer.open_file(Path(path))

    def _imported(self, _result) -> None:
        self.refresh()

    # The untested list ---------------------------------------------------------------------

    def fill_areas(self) -> None:
        """Fill the area combos from the registry, keeping what is chosen where it still is."""
        self._choices = self.service.area_choices()
        building = self.tr("Building %1")
        _refill(
            self.building,
            self.tr("All buildings"),
            [(building.replace("%1", b), b) for b in self._choices.buildings],
        )
        _refill(self.grid, self.tr("All grids"), [(g, g) for g in self._choices.grids])
        self._fill_units()

    def _fill_units(self) -> None:
        building = self.building.currentData()
        units = self._choices.units.get(building, ()) if building else ()
        unit = self.tr("Unit %1")
        _refill(self.unit, self.tr("All units"), [(unit.replace("%1", u), u) for u in units])
        self.unit.setEnabled(bool(units))

    def _building_changed(self) -> None:
        self._fill_units()
        self.refresh()

    def area(self) -> Area:
        return Area(
            building=self.building.currentData(),
            unit=self.unit.currentData(),
            grid=self.grid.currentData(),
        )

    def refresh(self) -> None:
        """Query the list again for the chosen area and days."""
        self.current = self.service.untested(days=self.days.value(), area=self.area())
        self.model.set_rows(list(self.current.residents))
        self.count.setText(
            self.tr("%1 of %2 residents have no negative result since %3")
            .replace("%1", str(len(self.current.residents)))
            .replace("%2", str(self.current.active_in_area))
            .replace("%3", self.current.since.isoformat())
        )
        self.table.resizeColumnsToContents()

    def export_excel(self, path: Path | None = None) -> Path | None:
        """Save the list shown as .xlsx (asks where when no path is given)."""
        if self.current is None:
            return None
        if path is None:
            chosen, _ = QFileDialog.getSaveFileName(
                self,
                self.tr("Save the list as"),
                str(self.outputs_dir / self._file_stem()) + ".xlsx",
                self.tr("Excel workbook") + " (*.xlsx)",
            )
            if not chosen:
                return None
            path = Path(chosen)
        try:
            written = self.service.export(self.current, path, language=self.language)
        except OSError as exc:
            self._could_not_save(path, exc)
            return None
        self.message.setText(self.tr("Saved: %1").replace("%1", str(written)))
        return written

    def print_pdf(self) -> Path | None:
        """Save the list shown as a PDF in the outputs folder and open it for printing."""
        if self.current is None:
            return None
        path = self.outputs_dir / (self._file_stem() + ".pdf")
        try:
            written = self.service.print_pdf(self.current, path, language=self.language)
        except (OSError, FontNotFound) as exc:
            self._could_not_save(path, exc)
            return None
        self.message.setText(self.tr("PDF saved: %1").replace("%1", str(written)))
        self.open_url(QUrl.fromLocalFile(str(written)))
        return written

    def _could_not_save(self, path: Path, exc: Exception) -> None:
        reason = getattr(exc, "strerror", None) or str(exc)
        text = self.tr("Could not save %1: %2").replace("%1", str(path)).replace("%2", reason)
        self.message.setText(text)

    def _file_stem(self) -> str:
        lst = self.current
        assert lst is not None
        parts = [self.tr("No negative result"), lst.today.isoformat(), f"{lst.days}d"]
        parts += [part for part in (lst.area.building, lst.area.unit, lst.area.grid) if part]
        return "_".join(parts)


def _refill(combo: QComboBox, everything: str, items: list[tuple[str, str]]) -> None:
    chosen = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    combo.addItem(everything, None)
    for label, value in items:
        combo.addItem(label, value)
    combo.setCurrentIndex(max(0, combo.findData(chosen)) if chosen is not None else 0)
    combo.blockSignals(False)
