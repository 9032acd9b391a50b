"""The population of the demo community: homes, people, key persons and health colours.

Buildings down to rooms, households and their members (names, ages that fit each member's
relation, phones, unique ID numbers), then who among them is a key person, in isolation or
yellow: rows ready for insert; nothing here talks to the database. Every function takes the
caller's `random.Random`, so a seed gives the same people every time. Characters with more
than one reading are left out of the name pools: pinyin initials are looked up one character
at a time.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field
from itertools import accumulate
from zoneinfo import ZoneInfo

from sqlalchemy import Table

from db.base import Base
from db.enums import (
    CheckinMethod,
    Gender,
    HealthColor,
    IsolationKind,
    IsolationState,
    KeyPersonSource,
    Relation,
    ResidentKind,
    ResidentState,
    StatusSource,
)
from db.models import (
    Building,
    HealthCheckin,
    HealthStatusChange,
    Household,
    IsolationOrder,
    KeyPerson,
    Resident,
    Room,
    Unit,
)
from desktop.idnumber import make_id_number
from desktop.names import name_initials


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


# Common surnames with rough frequencies (per mille), most common first.
# fmt: off
_SURNAMES: tuple[tuple[str, int], ...] = (
    ("王", 72), ("李", 70), ("张", 68), ("刘", 54), ("陈", 46), ("杨", 31), ("黄", 23),
    ("赵", 22), ("吴", 20), ("周", 19), ("徐", 13), ("孙", 12), ("马", 12), ("朱", 11),
    ("胡", 11), ("郭", 11), ("何", 10), ("高", 10), ("林", 10), ("罗", 9), ("郑", 8),
    ("梁", 8), ("谢", 6), ("宋", 6), ("唐", 6), ("许", 5), ("韩", 5), ("冯", 5), ("邓", 5),
    ("曹", 5), ("彭", 4), ("肖", 4), ("田", 4), ("董", 4), ("袁", 4), ("潘", 3), ("于", 3),
    ("蒋", 3), ("蔡", 3), ("余", 3), ("杜", 3), ("程", 3), ("苏", 3), ("魏", 3), ("吕", 3),
    ("丁", 3), ("任", 3), ("沈", 3), ("姚", 2), ("卢", 2), ("姜", 2), ("崔", 2), ("钟", 2),
    ("谭", 2), ("汪", 2), ("范", 2), ("金", 2), ("廖", 2), ("夏", 2), ("付", 2), ("方", 2),
    ("白", 2), ("邹", 2), ("孟", 2), ("熊", 2), ("秦", 2), ("邱", 2), ("江", 2), ("尹", 2),
    ("薛", 2), ("闫", 2), ("段", 2), ("雷", 2), ("侯", 2), ("龙", 2), ("史", 2), ("陶", 2),
    ("贺", 2), ("顾", 2), ("毛", 2), ("郝", 2), ("龚", 2), ("邵", 2), ("钱", 2), ("严", 2),
    ("武", 2), ("戴", 2), ("孔", 2), ("汤", 2),
)
# fmt: on
SURNAMES = tuple(s for s, _ in _SURNAMES)
_SURNAME_CUM = tuple(accumulate(w for _, w in _SURNAMES))

# Given names by generation (born before 1970, 1970-1999, 2000 on) and gender.
_GIVEN: dict[tuple[int, Gender], tuple[str, ...]] = {
    (0, Gender.MALE): _words(
        "建国 建军 国强 志强 国庆 卫东 德明 振华 永刚 建华 福生 金山 宝山 树林 玉田 "
        "军 伟 刚 勇 斌 明 华 平 林 峰 山 海 春生 新民 保国 富贵 德胜"
    ),
    (0, Gender.FEMALE): _words(
        "秀英 桂兰 秀兰 玉兰 桂英 淑珍 凤英 玉珍 秀珍 丽华 淑华 桂芳 玉梅 秀云 春花 "
        "芳 兰 英 珍 梅 萍 凤 琴 霞 素芬 玉芝 金花 翠兰 素珍"
    ),
    (1, Gender.MALE): _words(
        "伟 磊 涛 鹏 杰 超 强 军 俊 飞 辉 波 亮 晓东 海涛 志伟 建伟 晓明 文博 鹏飞 "
        "亚军 宏伟 志刚 红军 永辉 国栋 立新 振宇"
    ),
    (1, Gender.FEMALE): _words(
        "丽 静 敏 婷 娜 洁 燕 艳 娟 晓丽 丽娟 海燕 晓燕 春燕 雪梅 丹丹 晶晶 美玲 "
        "亚楠 静怡 红霞 丽萍 秀丽 慧敏 晓红 玉洁"
    ),
    (2, Gender.MALE): _words(
        "子轩 浩然 宇轩 梓豪 俊杰 浩宇 博文 一鸣 子墨 皓轩 睿 宇 博 浩 晨 轩 哲 铭 "
        "梓睿 宇航 思远 泽宇 嘉豪 天佑 明轩"
    ),
    (2, Gender.FEMALE): _words(
        "欣怡 梓涵 诗涵 雨欣 子涵 可馨 思琪 一诺 梦瑶 佳怡 雨桐 婷 悦 琪 颖 瑶 萱 "
        "涵 若曦 紫萱 欣妍 语嫣 雨萱 梓萱"
    ),
}

# Sanmenxia region codes (三门峡): 湖滨区, 陕州区, 渑池县, 卢氏县, 义马市, 灵宝市; the
# compound is in 湖滨区, so most people were registered there.
REGION_CODES: tuple[str, ...] = ("411202", "411203", "411221", "411224", "411281", "411282")
_REGION_CUM = tuple(accumulate((50, 12, 8, 6, 8, 16)))

PHONE_PREFIXES: tuple[str, ...] = _words(
    "130 131 132 133 134 135 136 137 138 139 150 151 152 155 156 157 158 159 "
    "166 176 177 180 181 182 183 185 186 187 188 189 191 198 199"
)

_SEQUENCES = 499
BUILDINGS_PER_GRID = 4
OCCUPIED_SHARE = 0.88


def local_midnight(day: dt.date, zone: ZoneInfo) -> dt.datetime:
    """The start of a local calendar day, in UTC."""
    return dt.datetime.combine(day, dt.time(), zone).astimezone(dt.UTC)


def take_id(ids: dict[Table, int], model: type[Base]) -> int:
    """The next free primary key of `model`'s table, counted up in `ids`."""
    table = model.__table__
    value = ids[table]
    ids[table] = value + 1
    return value


def surname(rng: random.Random) -> str:
    """A surname drawn by frequency."""
    return rng.choices(SURNAMES, cum_weights=_SURNAME_CUM)[0]


def given_name(rng: random.Random, gender: Gender, birth_year: int) -> str:
    """A one- or two-character given name fitting the gender and the year of birth."""
    generation = 0 if birth_year < 1970 else 1 if birth_year < 2000 else 2
    return rng.choice(_GIVEN[generation, gender])


def phone_number(rng: random.Random) -> str:
    """An 11-digit mobile number with a real prefix."""
    return rng.choice(PHONE_PREFIXES) + f"{rng.randrange(100_000_000):08d}"


def birth_date(rng: random.Random, today: dt.date, age: int) -> dt.date:
    """A birth date that makes the person `age` years old on `today`."""
    latest = _years_before(today, age)
    earliest = _years_before(today, age + 1) + dt.timedelta(days=1)
    return earliest + dt.timedelta(days=rng.randrange((latest - earliest).days + 1))


def _years_before(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def id_number(rng: random.Random, born: dt.date, gender: Gender, taken: set[str]) -> str:
    """A valid fictional ID number not yet in `taken` (which it is then added to).

    The sequence code is drawn at random with the parity of the gender; on a collision the
    next sequence of the same parity is tried, then the next region, so the outcome depends
    only on the random draws.
    """
    region_index = rng.choices(range(len(REGION_CODES)), cum_weights=_REGION_CUM)[0]
    odd = 1 if gender is Gender.MALE else 0
    # Sequence 000 is never issued: men get 001..997, women 002..998.
    start = rng.randrange(_SEQUENCES)
    for r in range(len(REGION_CODES)):
        region = REGION_CODES[(region_index + r) % len(REGION_CODES)]
        for step in range(_SEQUENCES):
            sequence = ((start + step) % _SEQUENCES) * 2 + 2 - odd
            number = make_id_number(region, born, sequence)
            if number not in taken:
                taken.add(number)
                return number
    raise RuntimeError(f"no free ID number left for {born}")


@dataclass(slots=True)
class Person:
    """One member of a demo household, before it becomes a resident row."""

    name: str
    gender: Gender
    birth_date: dt.date
    age: int
    relation: Relation
    id_number: str
    phone: str
    elderly_without_phone: bool


# Household sizes 1..5 and how often they occur (mean about 2.8 people).
_SIZE_CUM = tuple(accumulate((15, 30, 28, 17, 10)))


def household_size(rng: random.Random) -> int:
    """How many people live in a household, 1 to 5."""
    return rng.choices((1, 2, 3, 4, 5), cum_weights=_SIZE_CUM)[0]


def household(rng: random.Random, size: int, today: dt.date, taken: set[str]) -> list[Person]:
    """The members of one household, head first, with ages that fit their relations."""
    head_gender = Gender.MALE if rng.random() < 0.7 else Gender.FEMALE
    members = [(Relation.HEAD, head_gender, 0)]
    if size == 1:
        # Young people working here, and many elderly people living alone.
        roll = rng.random()
        head_age = rng.randint(22, 40) if roll < 0.3 else rng.randint(41, 59)
        if roll >= 0.45:
            head_age = rng.randint(60, 92)
    elif size == 2 and rng.random() < 0.6:
        # Couples: mostly empty nesters.
        head_age = rng.randint(58, 88) if rng.random() < 0.6 else rng.randint(25, 57)
        members.append(_spouse(rng, head_gender, head_age))
    elif size == 2:
        # A single parent with a child, or an elderly parent with a grown-up child.
        child_age = rng.randint(0, 30) if rng.random() < 0.7 else rng.randint(31, 55)
        head_age = child_age + rng.randint(23, 34)
        members.append((Relation.CHILD, _any_gender(rng), child_age))
    elif size == 5 and rng.random() < 0.5:
        # Grandparents at the head of three generations.
        child_age = rng.randint(24, 42)
        head_age = child_age + rng.randint(23, 32)
        members.append(_spouse(rng, head_gender, head_age))
        members.append((Relation.CHILD, _any_gender(rng), child_age))
        for _ in range(2):
            grandchild = max(0, child_age - rng.randint(22, 32)) or rng.randint(0, 6)
            members.append((Relation.GRANDCHILD, _any_gender(rng), grandchild))
    else:
        child_age = rng.randint(0, 28)
        head_age = child_age + rng.randint(24, 34)
        members.append(_spouse(rng, head_gender, head_age))
        members.append((Relation.CHILD, _any_gender(rng), child_age))
        if size == 4 and rng.random() < 0.5:
            younger = max(0, child_age - rng.randint(1, 8))
            members.append((Relation.CHILD, _any_gender(rng), younger))
        elif size >= 4:
            parents = [Gender.MALE, Gender.FEMALE] if size == 5 else [_any_gender(rng)]
            for gender in parents:
                members.append((Relation.PARENT, gender, min(100, head_age + rng.randint(24, 32))))
    members[0] = (Relation.HEAD, head_gender, head_age)
    return _people(rng, members, today, taken)


def _spouse(rng: random.Random, head_gender: Gender, head_age: int) -> tuple:
    gender = Gender.FEMALE if head_gender is Gender.MALE else Gender.MALE
    return (Relation.SPOUSE, gender, max(20, min(100, head_age + rng.randint(-5, 3))))


def _any_gender(rng: random.Random) -> Gender:
    return Gender.MALE if rng.random() < 0.51 else Gender.FEMALE


def _people(
    rng: random.Random, members: list[tuple], today: dt.date, taken: set[str]
) -> list[Person]:
    head_gender = members[0][1]
    head_surname = surname(rng)
    spouse_surname = surname(rng)
    # Children take the father's surname; a female head's husband is the spouse.
    family = head_surname if head_gender is Gender.MALE or len(members) == 1 else spouse_surname
    people = []
    for relation, gender, age in members:
        if relation is Relation.HEAD or (relation is Relation.PARENT and gender is Gender.MALE):
            family_name = head_surname
        elif relation is Relation.SPOUSE:
            family_name = spouse_surname
        elif relation in (Relation.CHILD, Relation.GRANDCHILD):
            family_name = family
        else:
            family_name = surname(rng)
        born = birth_date(rng, today, age)
        name = family_name + given_name(rng, gender, born.year)
        without_phone = age >= 70 and rng.random() < 0.4
        has_phone = not without_phone and rng.random() < _phone_share(age)
        people.append(
            Person(
                name=name,
                gender=gender,
                birth_date=born,
                age=age,
                relation=relation,
                id_number=id_number(rng, born, gender, taken),
                phone=phone_number(rng) if has_phone else "",
                elderly_without_phone=without_phone,
            )
        )
    return people


def _phone_share(age: int) -> float:
    if age < 12:
        return 0.0
    if age < 18:
        return 0.6
    return 0.98 if age < 60 else 0.85


def visitor(rng: random.Random, day: dt.date, taken: set[str]) -> tuple[str, str, str]:
    """Name, ID number and phone of a visitor from the region."""
    gender = _any_gender(rng)
    born = birth_date(rng, day, rng.randint(18, 75))
    name = surname(rng) + given_name(rng, gender, born.year)
    return name, id_number(rng, born, gender, taken), phone_number(rng)


@dataclass
class Registry:
    """Buildings down to residents, as rows ready for insert."""

    ids: dict[Table, int]
    community_id: int
    created: dt.datetime
    buildings: list[dict] = field(default_factory=list)
    units: list[dict] = field(default_factory=list)
    rooms: list[dict] = field(default_factory=list)
    households: list[dict] = field(default_factory=list)
    residents: list[dict] = field(default_factory=list)
    ages: list[int] = field(default_factory=list)
    taken: set[str] = field(default_factory=set)

    def tables(self) -> list[tuple[Table, list[dict]]]:
        return [
            (Building.__table__, self.buildings),
            (Unit.__table__, self.units),
            (Room.__table__, self.rooms),
            (Household.__table__, self.households),
            (Resident.__table__, self.residents),
        ]

    def _new_id(self, model: type[Base]) -> int:
        return take_id(self.ids, model)

    def build(self, rng: random.Random, target: int, today: dt.date) -> None:
        """Add buildings until `target` residents have a home; the last may stay partly empty."""
        number = 0
        while len(self.residents) < target:
            number += 1
            grid = f"网格{(number - 1) // BUILDINGS_PER_GRID + 1}"
            building_id = self._new_id(Building)
            self.buildings.append(
                {
                    "id": building_id,
                    "community_id": self.community_id,
                    "number": str(number),
                    "name": f"{number}栋",
                    "sort_key": number,
                }
            )
            floors, per_floor = rng.randint(6, 18), rng.randint(2, 4)
            for unit in range(1, rng.randint(2, 4) + 1):
                unit_id = self._new_id(Unit)
                self.units.append({"id": unit_id, "building_id": building_id, "number": str(unit)})
                for floor in range(1, floors + 1):
                    for door in range(1, per_floor + 1):
                        room_id = self._new_id(Room)
                        room = {"id": room_id, "unit_id": unit_id, "number": f"{floor}{door:02d}"}
                        self.rooms.append(room | {"floor": floor})
                        if len(self.residents) < target and rng.random() < OCCUPIED_SHARE:
                            self._household(rng, target, today, room_id, grid)

    def _household(
        self, rng: random.Random, target: int, today: dt.date, room_id: int, grid: str
    ) -> None:
        size = min(household_size(rng), target - len(self.residents))
        people = household(rng, size, today, self.taken)
        roll = rng.random()
        kind = ResidentKind.OWNER if roll < 0.8 else ResidentKind.TENANT
        if roll >= 0.97:
            kind = ResidentKind.COLLECTIVE
        household_id = self._new_id(Household)
        phone = next((p.phone for p in people if p.phone), "")
        self.households.append(
            {
                "id": household_id,
                "community_id": self.community_id,
                "room_id": room_id,
                "phone": phone,
                "grid": grid,
                "notes": "",
                "created_at": self.created,
                "moved_out_at": None,
            }
        )
        for person in people:
            self.ages.append(person.age)
            self.residents.append(
                {
                    "id": self._new_id(Resident),
                    "community_id": self.community_id,
                    "household_id": household_id,
                    "name": person.name,
                    "name_initials": name_initials(person.name),
                    "gender": person.gender,
                    "id_number": person.id_number,
                    "id_tail": person.id_number[-4:],
                    "birth_date": person.birth_date,
                    "phone": person.phone,
                    "phone_tail": person.phone[-4:],
                    "relation": person.relation,
                    "kind": kind,
                    "grid": grid,
                    "elderly_without_phone": person.elderly_without_phone,
                    "lives_alone": size == 1 and person.age >= 60,
                    "state": ResidentState.ACTIVE,
                    "health_status": HealthColor.GREEN,
                    "notes": "",
                    "created_at": self.created,
                    "updated_at": self.created,
                }
            )


# Shares of key persons, people in home isolation and yellow residents among all residents.
KEY_PERSON_SHARE = 0.005
ISOLATION_SHARE = 0.0005
YELLOW_SHARE = 0.0025
# Built-in categories with how often each occurs among the demo's key persons.
_CATEGORY_WEIGHTS: tuple[tuple[str, int], ...] = (
    ("returned-from-outside", 50),
    ("from-hubei", 15),
    ("from-wuhan", 10),
    ("close-contact", 15),
    ("fever-no-contact", 10),
)
_SOURCES = (KeyPersonSource.CITY_LIST, KeyPersonSource.GRID_WORKER, KeyPersonSource.SELF_REPORT)


@dataclass
class HealthRows:
    """Key persons, home isolation orders and the status changes they caused.

    `home_from` and `yellow_from` map a resident's index in the registry to the moment the
    isolation or the yellow status began, for the entry history to respect.
    """

    ids: dict[Table, int]
    key_persons: list[dict] = field(default_factory=list)
    orders: list[dict] = field(default_factory=list)
    changes: list[dict] = field(default_factory=list)
    home_from: dict[int, dt.datetime] = field(default_factory=dict)
    yellow_from: dict[int, dt.datetime] = field(default_factory=dict)
    checkins: list[dict] = field(default_factory=list)

    def tables(self) -> list[tuple[Table, list[dict]]]:
        return [
            (KeyPerson.__table__, self.key_persons),
            (IsolationOrder.__table__, self.orders),
            (HealthStatusChange.__table__, self.changes),
            (HealthCheckin.__table__, self.checkins),
        ]

    def check_in(
        self,
        rng: random.Random,
        registry: Registry,
        first_day: dt.date,
        today: dt.date,
        zone: ZoneInfo,
    ) -> None:
        """Daily check-ins that explain every stored colour (desktop.health's rule).

        Residents are registered on the first day of the history. Green ones checked in every
        day since; yellow ones were registered two days ago at the latest and stopped checking
        in the day before yesterday; those in isolation are red whatever they did.
        """
        self.checkins.clear()
        for index, resident in enumerate(registry.residents):
            registered = first_day
            last = today - dt.timedelta(days=1)
            if index in self.yellow_from:
                registered = min(first_day, today - dt.timedelta(days=2))
                last = today - dt.timedelta(days=3)
            elif index in self.home_from:
                last = self.home_from[index].astimezone(zone).date() - dt.timedelta(days=1)
            created = local_midnight(registered, zone) + dt.timedelta(hours=8)
            resident["created_at"] = resident["updated_at"] = created
            method = (
                CheckinMethod.STAFF_PHONE
                if resident["elderly_without_phone"]
                else CheckinMethod.SELF
            )
            day = registered
            while day <= last:
                at = local_midnight(day, zone) + dt.timedelta(minutes=rng.randint(420, 1200))
                self.checkins.append(
                    {
                        "id": self._new_id(HealthCheckin),
                        "resident_id": resident["id"],
                        "day": day,
                        "checked_at": at,
                        "fever": False,
                        "symptoms": "",
                        "method": method,
                        "recorded_by_id": None,
                    }
                )
                day += dt.timedelta(days=1)

    def _new_id(self, model: type[Base]) -> int:
        return take_id(self.ids, model)

    def pick(
        self,
        rng: random.Random,
        registry: Registry,
        categories: dict[str, int],
        today: dt.date,
        zone: ZoneInfo,
    ) -> None:
        """Choose the key persons, those in home isolation (red) and the yellow residents."""
        residents = registry.residents
        count = len(residents)
        n_key = max(5, round(count * KEY_PERSON_SHARE))
        n_isolated = min(n_key, max(2, round(count * ISOLATION_SHARE)))
        n_yellow = max(5, round(count * YELLOW_SHARE))
        chosen = rng.sample(range(count), min(count, n_key + n_yellow))
        codes = [code for code, _ in _CATEGORY_WEIGHTS]
        weights = [weight for _, weight in _CATEGORY_WEIGHTS]
        for position, index in enumerate(chosen[:n_key]):
            isolated = position < n_isolated
            code = "close-contact" if isolated else rng.choices(codes, weights)[0]
            # Isolation lasts 14 days, so those still isolated were noted recently.
            since = today - dt.timedelta(days=rng.randint(1, 10 if isolated else 20))
            noted = local_midnight(since, zone) + dt.timedelta(hours=rng.randint(8, 17))
            self.key_persons.append(
                {
                    "id": self._new_id(KeyPerson),
                    "resident_id": residents[index]["id"],
                    "category_id": categories[code],
                    "source": rng.choice(_SOURCES),
                    "since": since,
                    "until": None,
                    "notes": "",
                    "created_at": noted,
                    "updated_at": noted,
                }
            )
            if isolated:
                self.home_from[index] = noted
                self._isolate(residents[index], since, noted)
        for index in chosen[n_key:]:
            # The day before yesterday went by without a check-in: yellow since yesterday.
            start = local_midnight(today - dt.timedelta(days=1), zone)
            self.yellow_from[index] = start
            residents[index]["health_status"] = HealthColor.YELLOW
            self._change(residents[index], start, HealthColor.YELLOW, "missed-checkin")

    def _isolate(self, resident: dict, start: dt.date, ordered: dt.datetime) -> None:
        self.orders.append(
            {
                "id": self._new_id(IsolationOrder),
                "resident_id": resident["id"],
                "kind": IsolationKind.HOME,
                "place": "",
                "start_date": start,
                "planned_end_date": start + dt.timedelta(days=14),
                "state": IsolationState.ACTIVE,
                "released_at": None,
                "notes": "",
                "created_at": ordered,
            }
        )
        resident["health_status"] = HealthColor.RED
        self._change(resident, ordered, HealthColor.RED, "isolation")

    def _change(self, resident: dict, at: dt.datetime, status: HealthColor, reason: str) -> None:
        self.changes.append(
            {
                "id": self._new_id(HealthStatusChange),
                "resident_id": resident["id"],
                "effective_at": at,
                "status": status,
                "source": StatusSource.LOCAL,
                "reason": reason,
                "valid_until": None,
            }
        )
