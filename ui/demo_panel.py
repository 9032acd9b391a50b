"""The demo's device panel: put a card on the simulated reader, measure, unplug, scan."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QToolBar, QWidget

from desktop.simulation import Simulation


class DemoDevicesBar(QToolBar):
    """Buttons that act on the built-in simulators, as a person at the gate would."""

    def __init__(self, simulation: Simulation, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("demoDevices")
        self.setWindowTitle(self.tr("Demo devices"))
        self.simulation = simulation
        self.addWidget(_title(self.tr("Demo devices:")))
        actions = [
            ("putCard", self.tr("Card on reader"), simulation.present_resident_card),
            ("putVisitorCard", self.tr("Visitor's card"), simulation.present_visitor_card),
            ("removeCard", self.tr("Take card away"), simulation.remove_card),
            ("measureNormal", self.tr("Measure 36.5 °C"), lambda: simulation.measure(36.5)),
            ("measureFever", self.tr("Measure 38.2 °C"), lambda: simulation.measure(38.2)),
            ("scanJunk", self.tr("Scan an unknown code"), simulation.scan_unknown_code),
        ]
        for name, text, slot in actions:
            action = self.addAction(text)
            action.setObjectName(name)
            action.triggered.connect(lambda _=False, s=slot: s())
        self.addSeparator()
        self.unplug_action = self.addAction(self.tr("Unplug reader"))
        self.unplug_action.setObjectName("unplugReader")
        self.unplug_action.setCheckable(True)
        self.unplug_action.toggled.connect(self._toggle_reader)

    def _toggle_reader(self, unplugged: bool) -> None:
        if unplugged:
            self.simulation.unplug_reader()
            self.unplug_action.setText(self.tr("Plug reader back in"))
        else:
            self.simulation.replug_reader()
            self.unplug_action.setText(self.tr("Unplug reader"))


def _title(text: str) -> QWidget:
    label = QLabel(text)
    label.setStyleSheet("font-weight: bold; padding: 0 8px;")
    return label
