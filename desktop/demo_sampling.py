"""The demo community's nucleic-acid test rounds, so the untested list has something to say.

Most residents were sampled in yesterday's community-wide round; a few only in the round four
days earlier, a few never (the bed-ridden, the ones away), and this morning's samples of people
who came back are still pending. People in isolation are sampled at home, like everyone else.
"""

from __future__ import annotations

import datetime as dt
import random
from zoneinfo import ZoneInfo

from sqlalchemy import Table

from db.enums import NucleicOutcome, ResidentState
from db.models import NucleicTestResult
from desktop.demo_names import local_midnight, take_id

ROUND_DAYS_AGO = (1, 5)  # the community-wide sampling rounds
LATEST_SHARE = 0.90  # sampled in the latest round
EARLIER_ONLY_SHARE = 0.05  # sampled only in the earlier one
PENDING_SHARE = 0.01  # sampled this morning, result not out yet
SITES = ("社区广场采样点", "3栋楼下采样点", "上门采样")


def sampling_rounds(
    rng: random.Random,
    residents: list[dict],
    ids: dict[Table, int],
    today: dt.date,
    zone: ZoneInfo,
) -> list[dict]:
    """Result rows for the living residents, as a laboratory's list would give them."""
    rows: list[dict] = []
    latest, earlier = (today - dt.timedelta(days=d) for d in ROUND_DAYS_AGO)
    imported = local_midnight(today, zone) + dt.timedelta(hours=7)
    for resident in residents:
        if resident["state"] != ResidentState.ACTIVE:
            continue
        draw = rng.random()
        days = [earlier]
        if draw < LATEST_SHARE:
            days.append(latest)
        elif draw >= LATEST_SHARE + EARLIER_ONLY_SHARE:
            days = []
        for day in days:
            rows.append(_row(rng, ids, resident, day, NucleicOutcome.NEGATIVE, zone, imported))
        if rng.random() < PENDING_SHARE:
            rows.append(_row(rng, ids, resident, today, NucleicOutcome.PENDING, zone, imported))
    return rows


def _row(rng, ids, resident, day, outcome, zone, imported) -> dict:
    sampled = local_midnight(day, zone) + dt.timedelta(minutes=rng.randint(420, 660))
    return {
        "id": take_id(ids, NucleicTestResult),
        "resident_id": resident["id"],
        "id_number": resident["id_number"],
        "sampled_at": sampled,
        "outcome": outcome,
        "source": rng.choice(SITES),
        "imported_at": max(imported, sampled + dt.timedelta(hours=6)),
    }
