"""The gate page's side column: pending temperature, today's counters, the household's quota,
fever alerts waiting for their re-measure, and the last checks."""

from __future__ import annotations

from datetime import datetime, tzinfo

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from desktop.gate_log import DayCounts, OpenAlert, RecentCheck
from desktop.verdicts import Verdict
from ui import texts

DUE_BACKGROUND = "#C62828"


def font(px: int, *, bold: bool = False) -> QFont:
    f = QFont()
    f.setPixelSize(px)
    f.setBold(bold)
    return f


class GateSide(QWidget):
    def __init__(self, zone: tzinfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.zone = zone
        self._due_seen: set[int] = set()
        self.temperature = QLabel()
        self.temperature.setObjectName("pendingTemperature")
        self.temperature.setFont(font(22))
        self.temperature.setWordWrap(True)
        self.counters = QLabel()
        self.counters.setObjectName("counters")
        self.counters.setFont(font(24))
        self.quota = QLabel()
        self.quota.setObjectName("quotaLeft")
        self.quota.setFont(font(22, bold=True))
        self.quota.hide()
        self.alerts_title = QLabel(self.tr("Waiting to re-measure"))
        self.alerts_title.setFont(font(20, bold=True))
        self.alerts = QListWidget()
        self.alerts.setObjectName("alertList")
        self.alerts.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.alerts.setFont(font(20, bold=True))
        self.alerts.setMaximumHeight(120)
        self.recent = QListWidget()
        self.recent.setObjectName("recentList")
        self.recent.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.recent.setFont(font(18))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.temperature)
        today = QLabel(self.tr("Today"))
        today.setFont(font(20, bold=True))
        layout.addWidget(today)
        layout.addWidget(self.counters)
        layout.addWidget(self.quota)
        layout.addWidget(self.alerts_title)
        layout.addWidget(self.alerts)
        recent_title = QLabel(self.tr("Recent checks"))
        recent_title.setFont(font(20, bold=True))
        layout.addWidget(recent_title)
        layout.addWidget(self.recent, 1)
        self.show_alerts([], datetime.now().astimezone())

    def show_counts(self, counts: DayCounts) -> None:
        self.counters.setText(
            self.tr("In %1   Out %2\nDenied %3   Fever %4")
            .replace("%1", str(counts.entered))
            .replace("%2", str(counts.exited))
            .replace("%3", str(counts.denied))
            .replace("%4", str(counts.fever))
        )

    def show_quota(self, verdict: Verdict) -> None:
        if verdict.quota_people is None or verdict.quota_left is None:
            return
        self.quota.setText(
            self.tr("Outings left, this household: %1/%2 (quota)")
            .replace("%1", str(verdict.quota_left))
            .replace("%2", str(verdict.quota_people))
        )
        self.quota.show()

    def show_recent(self, checks: list[RecentCheck]) -> None:
        self.recent.clear()
        for check in checks:
            temp = f"{check.temperature_c:.1f}" if check.temperature_c is not None else ""
            name = check.name_masked
            if check.visitor:
                name = self.tr("Visitor %1").replace("%1", name).strip()
            decision = texts.decision_text(check.decision)
            if check.overridden:
                decision = self.tr("%1 (staff)").replace("%1", decision)
            if check.companion:
                name = self.tr("+ %1").replace("%1", name)
            parts = (check.at.astimezone(self.zone).strftime("%H:%M"), name, decision, temp)
            self.recent.addItem("  ".join(p for p in parts if p))

    def show_alerts(self, alerts: list[OpenAlert], now: datetime) -> list[OpenAlert]:
        """List the alerts; returns those that became due since the last call."""
        self.alerts.clear()
        newly_due = []
        for alert in alerts:
            due = alert.due_at <= now
            when = alert.due_at.astimezone(self.zone).strftime("%H:%M")
            text = (
                self.tr("%1  %2 °C  re-measure now")
                if due
                else self.tr("%1  %2 °C  re-measure at %3")
            )
            item = QListWidgetItem(
                text.replace("%1", alert.name_masked)
                .replace("%2", f"{alert.first_c:.1f}")
                .replace("%3", when)
            )
            if due:
                item.setBackground(QBrush(QColor(DUE_BACKGROUND)))
                item.setForeground(QBrush(QColor("#FFFFFF")))
                if alert.alert_id not in self._due_seen:
                    self._due_seen.add(alert.alert_id)
                    newly_due.append(alert)
            self.alerts.addItem(item)
        visible = bool(alerts)
        self.alerts.setVisible(visible)
        self.alerts_title.setVisible(visible)
        return newly_due

    def show_temperature(self, value_c: float | None, at: datetime | None, typed: bool) -> None:
        if value_c is None or at is None:
            self.temperature.setText(self.tr("Temperature: waiting for a reading"))
            return
        text = (
            self.tr("Temperature: %1 °C (typed, %2)")
            if typed
            else self.tr("Temperature: %1 °C (%2)")
        )
        self.temperature.setText(
            text.replace("%1", f"{value_c:.1f}").replace(
                "%2", at.astimezone(self.zone).strftime("%H:%M:%S")
            )
        )
