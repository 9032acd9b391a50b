"""initial schema

Revision ID: 0001
Revises:
Create Date: 2026-11-25 00:08:53.279968
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | Sequence[str] | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:

    op.create_table(
        "app_user",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("username", sa.String(length=64), nullable=False),
        sa.Column("display_name", sa.String(length=64), nullable=False),
        sa.Column(
            "role",
            sa.Enum(
                "admin",
                "secretary",
                "grid-worker",
                "gate-staff",
                name="role",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=False,
        ),
        sa.Column("password_hash", sa.String(length=200), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_app_user")),
        sa.UniqueConstraint("username", name=op.f("uq_app_user_username")),
    )
    op.create_table(
        "community",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=32), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("district", sa.String(length=100), nullable=False),
        sa.Column("phone", sa.String(length=32), nullable=False),
        sa.Column("timezone", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_community")),
        sa.UniqueConstraint("code", name=op.f("uq_community_code")),
    )
    op.create_table(
        "key_person_category",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=32), nullable=False),
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("builtin", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_key_person_category")),
        sa.UniqueConstraint("code", name=op.f("uq_key_person_category_code")),
    )
    op.create_table(
        "outbox",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("payload", sa.JSON(), nullable=False),
        sa.Column("schema_version", sa.Integer(), nullable=False),
        sa.Column("idempotency_key", sa.String(length=32), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("last_error", sa.Text(), nullable=False),
        sa.Column("sent_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("rejected_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("reject_reason", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_outbox")),
        sa.UniqueConstraint("idempotency_key", name=op.f("uq_outbox_idempotency_key")),
    )
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.create_index("ix_outbox_pending", ["sent_at", "id"], unique=False)

    op.create_table(
        "pass_revocation",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("serial", sa.Integer(), nullable=True),
        sa.Column("key_id", sa.Integer(), nullable=True),
        sa.Column(
            "reason",
            sa.Enum(
                "lost",
                "moved-out",
                "deceased",
                "reissued",
                "key-compromise",
                name="revocation_reason",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=False,
        ),
        sa.Column(
            "source",
            sa.Enum(
                "local", "city", name="status_source", native_enum=False, create_constraint=True
            ),
            nullable=False,
        ),
        sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("note", sa.String(length=200), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pass_revocation")),
    )
    with op.batch_alter_table("pass_revocation", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_pass_revocation_key_id"), ["key_id"], unique=False)
        batch_op.create_index("ix_pass_revocation_serial", ["serial"], unique=False)

    op.create_table(
        "setting",
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("value", sa.JSON(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_setting")),
    )
    op.create_table(
        "audit_event",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("occurred_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("action", sa.String(length=64), nullable=False),
        sa.Column("target_kind", sa.String(length=32), nullable=False),
        sa.Column("target_id", sa.Integer(), nullable=True),
        sa.Column("detail", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"], ["app_user.id"], name=op.f("fk_audit_event_user_id_app_user")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_event")),
    )
    with op.batch_alter_table("audit_event", schema=None) as batch_op:
        batch_op.create_index("ix_audit_event_time", ["occurred_at"], unique=False)

    op.create_table(
        "building",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("community_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=16), nullable=False),
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("sort_key", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["community_id"], ["community.id"], name=op.f("fk_building_community_id_community")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_building")),
        sa.UniqueConstraint("community_id", "number", name=op.f("uq_building_community_id_number")),
    )
    op.create_table(
        "gate",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("community_id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=32), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["community_id"], ["community.id"], name=op.f("fk_gate_community_id_community")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_gate")),
        sa.UniqueConstraint("community_id", "code", name=op.f("uq_gate_community_id_code")),
    )
    op.create_table(
        "unit",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("building_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=16), nullable=False),
        sa.ForeignKeyConstraint(
            ["building_id"], ["building.id"], name=op.f("fk_unit_building_id_building")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_unit")),
        sa.UniqueConstraint("building_id", "number", name=op.f("uq_unit_building_id_number")),
    )
    op.create_table(
        "room",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=16), nullable=False),
        sa.Column("floor", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["unit_id"], ["unit.id"], name=op.f("fk_room_unit_id_unit")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_room")),
        sa.UniqueConstraint("unit_id", "number", name=op.f("uq_room_unit_id_number")),
    )
    op.create_table(
        "household",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("community_id", sa.Integer(), nullable=False),
        sa.Column("room_id", sa.Integer(), nullable=True),
        sa.Column("phone", sa.String(length=32), nullable=False),
        sa.Column("grid", sa.String(length=32), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("moved_out_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["community_id"], ["community.id"], name=op.f("fk_household_community_id_community")
        ),
        sa.ForeignKeyConstraint(["room_id"], ["room.id"], name=op.f("fk_household_room_id_room")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_household")),
    )
    with op.batch_alter_table("household", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_household_community_id"), ["community_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_household_grid"), ["grid"], unique=False)
        batch_op.create_index(batch_op.f("ix_household_room_id"), ["room_id"], unique=False)

    op.create_table(
        "resident",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("community_id", sa.Integer(), nullable=False),
        sa.Column("household_id", sa.Integer(), nullable=True),
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("name_initials", sa.String(length=32), nullable=False),
        sa.Column(
            "gender",
            sa.Enum(
                "male",
                "female",
                "unknown",
                name="gender",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=False,
        ),
        sa.Column("id_number", sa.String(length=18), nullable=True),
        sa.Column("id_tail", sa.String(length=4), nullable=False),
        sa.Column("birth_date", sa.Date(), nullable=True),
        sa.Column("phone", sa.String(length=32), nullable=False),
        sa.Column("phone_tail", sa.String(length=4), nullable=False),
        sa.Column(
            "relation",
            sa.Enum(
                "head",
                "spouse",
                "child",
                "parent",
                "grandchild",
                "grandparent",
                "sibling",
                "other",
                name="relation",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=False,
        ),
        sa.Column(
            "kind",
            sa.Enum(
                "owner",
                "tenant",
                "collective",
                name="resident_kind",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=False,
        ),
        sa.Column("grid", sa.String(length=32), nullable=False),
        sa.Column("elderly_without_phone", sa.Boolean(), nullable=False),
        sa.Column("lives_alone", sa.Boolean(), nullable=False),
        sa.Column(
            "state",
            sa.Enum(
                "active",
                "moved_out",
                "deceased",
                name="resident_state",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=False,
        ),
        sa.Column(
            "health_status",
            sa.Enum(
                "green",
                "yellow",
                "red",
                name="health_color",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=False,
        ),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["community_id"], ["community.id"], name=op.f("fk_resident_community_id_community")
        ),
        sa.ForeignKeyConstraint(
            ["household_id"], ["household.id"], name=op.f("fk_resident_household_id_household")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_resident")),
        sa.UniqueConstraint("id_number", name=op.f("uq_resident_id_number")),
    )
    with op.batch_alter_table("resident", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_resident_community_id"), ["community_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_resident_grid"), ["grid"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_resident_household_id"), ["household_id"], unique=False
        )
        batch_op.create_index("ix_resident_id_tail", ["id_tail"], unique=False)
        batch_op.create_index("ix_resident_name", ["name"], unique=False)
        batch_op.create_index("ix_resident_name_initials", ["name_initials"], unique=False)
        batch_op.create_index("ix_resident_phone_tail", ["phone_tail"], unique=False)

    op.create_table(
        "visitor",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("community_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("id_number", sa.String(length=18), nullable=True),
        sa.Column("phone", sa.String(length=32), nullable=False),
        sa.Column("host_household_id", sa.Integer(), nullable=True),
        sa.Column("reason", sa.String(length=200), nullable=False),
        sa.Column("first_seen_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_seen_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("visit_count", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["community_id"], ["community.id"], name=op.f("fk_visitor_community_id_community")
        ),
        sa.ForeignKeyConstraint(
            ["host_household_id"],
            ["household.id"],
            name=op.f("fk_visitor_host_household_id_household"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_visitor")),
    )
    with op.batch_alter_table("visitor", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_visitor_id_number"), ["id_number"], unique=False)

    op.create_table(
        "entry_log",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("uid", sa.String(length=32), nullable=False),
        sa.Column("community_id", sa.Integer(), nullable=False),
        sa.Column("gate_id", sa.Integer(), nullable=False),
        sa.Column("occurred_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("utc_offset_min", sa.SmallInteger(), nullable=False),
        sa.Column(
            "direction",
            sa.Enum("in", "out", name="direction", native_enum=False, create_constraint=True),
            nullable=False,
        ),
        sa.Column("resident_id", sa.Integer(), nullable=True),
        sa.Column("visitor_id", sa.Integer(), nullable=True),
        sa.Column("household_id", sa.Integer(), nullable=True),
        sa.Column(
            "method",
            sa.Enum(
                "id-card",
                "qr",
                "pass",
                "typed",
                "search",
                name="check_method",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=False,
        ),
        sa.Column("temperature_c", sa.Float(), nullable=True),
        sa.Column(
            "temperature_source",
            sa.Enum(
                "device",
                "typed",
                name="temperature_source",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=True,
        ),
        sa.Column(
            "decision",
            sa.Enum(
                "allow",
                "allow-limited",
                "refer",
                "deny",
                name="decision",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=False,
        ),
        sa.Column("reason_code", sa.String(length=32), nullable=False),
        sa.Column("reason_text", sa.String(length=200), nullable=False),
        sa.Column("operator_id", sa.Integer(), nullable=True),
        sa.Column("device", sa.String(length=64), nullable=False),
        sa.Column("pass_serial", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["community_id"], ["community.id"], name=op.f("fk_entry_log_community_id_community")
        ),
        sa.ForeignKeyConstraint(["gate_id"], ["gate.id"], name=op.f("fk_entry_log_gate_id_gate")),
        sa.ForeignKeyConstraint(
            ["household_id"], ["household.id"], name=op.f("fk_entry_log_household_id_household")
        ),
        sa.ForeignKeyConstraint(
            ["operator_id"], ["app_user.id"], name=op.f("fk_entry_log_operator_id_app_user")
        ),
        sa.ForeignKeyConstraint(
            ["resident_id"], ["resident.id"], name=op.f("fk_entry_log_resident_id_resident")
        ),
        sa.ForeignKeyConstraint(
            ["visitor_id"], ["visitor.id"], name=op.f("fk_entry_log_visitor_id_visitor")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_entry_log")),
        sa.UniqueConstraint("uid", name=op.f("uq_entry_log_uid")),
    )
    with op.batch_alter_table("entry_log", schema=None) as batch_op:
        batch_op.create_index("ix_entry_log_gate_time", ["gate_id", "occurred_at"], unique=False)
        batch_op.create_index(
            "ix_entry_log_household_time", ["household_id", "occurred_at"], unique=False
        )
        batch_op.create_index(
            "ix_entry_log_resident_time", ["resident_id", "occurred_at"], unique=False
        )
        batch_op.create_index("ix_entry_log_time", ["occurred_at"], unique=False)
        batch_op.create_index(
            "ix_entry_log_visitor_time", ["visitor_id", "occurred_at"], unique=False
        )

    op.create_table(
        "health_checkin",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("resident_id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("checked_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("fever", sa.Boolean(), nullable=False),
        sa.Column("symptoms", sa.String(length=200), nullable=False),
        sa.Column(
            "method",
            sa.Enum(
                "self",
                "staff-phone",
                "staff-visit",
                "gate",
                name="checkin_method",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=False,
        ),
        sa.Column("recorded_by_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["recorded_by_id"],
            ["app_user.id"],
            name=op.f("fk_health_checkin_recorded_by_id_app_user"),
        ),
        sa.ForeignKeyConstraint(
            ["resident_id"], ["resident.id"], name=op.f("fk_health_checkin_resident_id_resident")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_health_checkin")),
        sa.UniqueConstraint("resident_id", "day", name=op.f("uq_health_checkin_resident_id_day")),
    )
    with op.batch_alter_table("health_checkin", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_health_checkin_day"), ["day"], unique=False)

    op.create_table(
        "health_status_change",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("resident_id", sa.Integer(), nullable=False),
        sa.Column("effective_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "green",
                "yellow",
                "red",
                name="health_color",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=False,
        ),
        sa.Column(
            "source",
            sa.Enum(
                "local", "city", name="status_source", native_enum=False, create_constraint=True
            ),
            nullable=False,
        ),
        sa.Column("reason", sa.String(length=200), nullable=False),
        sa.Column("valid_until", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["resident_id"],
            ["resident.id"],
            name=op.f("fk_health_status_change_resident_id_resident"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_health_status_change")),
    )
    with op.batch_alter_table("health_status_change", schema=None) as batch_op:
        batch_op.create_index(
            "ix_health_status_change_resident", ["resident_id", "effective_at"], unique=False
        )

    op.create_table(
        "isolation_order",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("resident_id", sa.Integer(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "home",
                "centralised",
                name="isolation_kind",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=False,
        ),
        sa.Column("place", sa.String(length=200), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("planned_end_date", sa.Date(), nullable=False),
        sa.Column(
            "state",
            sa.Enum(
                "active",
                "released",
                "cancelled",
                name="isolation_state",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=False,
        ),
        sa.Column("released_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["resident_id"], ["resident.id"], name=op.f("fk_isolation_order_resident_id_resident")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_isolation_order")),
    )
    with op.batch_alter_table("isolation_order", schema=None) as batch_op:
        batch_op.create_index(
            "ix_isolation_order_resident_state", ["resident_id", "state"], unique=False
        )

    op.create_table(
        "key_person",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("resident_id", sa.Integer(), nullable=False),
        sa.Column("category_id", sa.Integer(), nullable=False),
        sa.Column(
            "source",
            sa.Enum(
                "city-list",
                "self-report",
                "grid-worker",
                name="kp_source",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=False,
        ),
        sa.Column("since", sa.Date(), nullable=False),
        sa.Column("until", sa.Date(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["category_id"],
            ["key_person_category.id"],
            name=op.f("fk_key_person_category_id_key_person_category"),
        ),
        sa.ForeignKeyConstraint(
            ["resident_id"], ["resident.id"], name=op.f("fk_key_person_resident_id_resident")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_key_person")),
    )
    with op.batch_alter_table("key_person", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_key_person_category_id"), ["category_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_key_person_resident_id"), ["resident_id"], unique=False
        )

    op.create_table(
        "pass",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("serial", sa.Integer(), nullable=False),
        sa.Column("community_id", sa.Integer(), nullable=False),
        sa.Column("key_id", sa.Integer(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "resident",
                "visitor",
                "staff",
                "vehicle",
                name="pass_kind",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=False,
        ),
        sa.Column("resident_id", sa.Integer(), nullable=True),
        sa.Column("household_id", sa.Integer(), nullable=True),
        sa.Column("valid_from", sa.DateTime(timezone=True), nullable=False),
        sa.Column("valid_to", sa.DateTime(timezone=True), nullable=False),
        sa.Column("flags", sa.Integer(), nullable=False),
        sa.Column("issued_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("issued_by_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["community_id"], ["community.id"], name=op.f("fk_pass_community_id_community")
        ),
        sa.ForeignKeyConstraint(
            ["household_id"], ["household.id"], name=op.f("fk_pass_household_id_household")
        ),
        sa.ForeignKeyConstraint(
            ["issued_by_id"], ["app_user.id"], name=op.f("fk_pass_issued_by_id_app_user")
        ),
        sa.ForeignKeyConstraint(
            ["resident_id"], ["resident.id"], name=op.f("fk_pass_resident_id_resident")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pass")),
        sa.UniqueConstraint("serial", name=op.f("uq_pass_serial")),
    )
    with op.batch_alter_table("pass", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_pass_household_id"), ["household_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_pass_resident_id"), ["resident_id"], unique=False)

    op.create_table(
        "test_result",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("resident_id", sa.Integer(), nullable=True),
        sa.Column("id_number", sa.String(length=18), nullable=False),
        sa.Column("sampled_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column(
            "outcome",
            sa.Enum(
                "negative",
                "positive",
                "pending",
                "invalid",
                name="test_outcome",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=False,
        ),
        sa.Column("source", sa.String(length=200), nullable=False),
        sa.Column("imported_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["resident_id"], ["resident.id"], name=op.f("fk_test_result_resident_id_resident")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_test_result")),
    )
    with op.batch_alter_table("test_result", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_test_result_id_number"), ["id_number"], unique=False)
        batch_op.create_index(
            "ix_test_result_resident_time", ["resident_id", "sampled_at"], unique=False
        )

    op.create_table(
        "isolation_followup",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("order_id", sa.Integer(), nullable=False),
        sa.Column("followed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("temperature_c", sa.Float(), nullable=True),
        sa.Column("symptoms", sa.String(length=200), nullable=False),
        sa.Column("recorded_by_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["order_id"],
            ["isolation_order.id"],
            name=op.f("fk_isolation_followup_order_id_isolation_order"),
        ),
        sa.ForeignKeyConstraint(
            ["recorded_by_id"],
            ["app_user.id"],
            name=op.f("fk_isolation_followup_recorded_by_id_app_user"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_isolation_followup")),
    )
    with op.batch_alter_table("isolation_followup", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_isolation_followup_order_id"), ["order_id"], unique=False
        )

    op.create_table(
        "temperature_reading",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("gate_id", sa.Integer(), nullable=False),
        sa.Column("measured_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("value_c", sa.Float(), nullable=False),
        sa.Column(
            "source",
            sa.Enum(
                "device",
                "typed",
                name="temperature_source",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=False,
        ),
        sa.Column("device", sa.String(length=64), nullable=False),
        sa.Column("sequence", sa.Integer(), nullable=True),
        sa.Column("plausible", sa.Boolean(), nullable=False),
        sa.Column(
            "entry_log_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True
        ),
        sa.ForeignKeyConstraint(
            ["entry_log_id"],
            ["entry_log.id"],
            name=op.f("fk_temperature_reading_entry_log_id_entry_log"),
        ),
        sa.ForeignKeyConstraint(
            ["gate_id"], ["gate.id"], name=op.f("fk_temperature_reading_gate_id_gate")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_temperature_reading")),
    )
    with op.batch_alter_table("temperature_reading", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_temperature_reading_entry_log_id"), ["entry_log_id"], unique=False
        )
        batch_op.create_index(
            "ix_temperature_reading_gate_time", ["gate_id", "measured_at"], unique=False
        )


def downgrade() -> None:

    with op.batch_alter_table("temperature_reading", schema=None) as batch_op:
        batch_op.drop_index("ix_temperature_reading_gate_time")
        batch_op.drop_index(batch_op.f("ix_temperature_reading_entry_log_id"))

    op.drop_table("temperature_reading")
    with op.batch_alter_table("isolation_followup", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_isolation_followup_order_id"))

    op.drop_table("isolation_followup")
    with op.batch_alter_table("test_result", schema=None) as batch_op:
        batch_op.drop_index("ix_test_result_resident_time")
        batch_op.drop_index(batch_op.f("ix_test_result_id_number"))

    op.drop_table("test_result")
    with op.batch_alter_table("pass", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_pass_resident_id"))
        batch_op.drop_index(batch_op.f("ix_pass_household_id"))

    op.drop_table("pass")
    with op.batch_alter_table("key_person", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_key_person_resident_id"))
        batch_op.drop_index(batch_op.f("ix_key_person_category_id"))

    op.drop_table("key_person")
    with op.batch_alter_table("isolation_order", schema=None) as batch_op:
        batch_op.drop_index("ix_isolation_order_resident_state")

    op.drop_table("isolation_order")
    with op.batch_alter_table("health_status_change", schema=None) as batch_op:
        batch_op.drop_index("ix_health_status_change_resident")

    op.drop_table("health_status_change")
    with op.batch_alter_table("health_checkin", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_health_checkin_day"))

    op.drop_table("health_checkin")
    with op.batch_alter_table("entry_log", schema=None) as batch_op:
        batch_op.drop_index("ix_entry_log_visitor_time")
        batch_op.drop_index("ix_entry_log_time")
        batch_op.drop_index("ix_entry_log_resident_time")
        batch_op.drop_index("ix_entry_log_household_time")
        batch_op.drop_index("ix_entry_log_gate_time")

    op.drop_table("entry_log")
    with op.batch_alter_table("visitor", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_visitor_id_number"))

    op.drop_table("visitor")
    with op.batch_alter_table("resident", schema=None) as batch_op:
        batch_op.drop_index("ix_resident_phone_tail")
        batch_op.drop_index("ix_resident_name_initials")
        batch_op.drop_index("ix_resident_name")
        batch_op.drop_index("ix_resident_id_tail")
        batch_op.drop_index(batch_op.f("ix_resident_household_id"))
        batch_op.drop_index(batch_op.f("ix_resident_grid"))
        batch_op.drop_index(batch_op.f("ix_resident_community_id"))

    op.drop_table("resident")
    with op.batch_alter_table("household", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_household_room_id"))
        batch_op.drop_index(batch_op.f("ix_household_grid"))
        batch_op.drop_index(batch_op.f("ix_household_community_id"))

    op.drop_table("household")
    op.drop_table("room")
    op.drop_table("unit")
    op.drop_table("gate")
    op.drop_table("building")
    with op.batch_alter_table("audit_event", schema=None) as batch_op:
        batch_op.drop_index("ix_audit_event_time")

    op.drop_table("audit_event")
    op.drop_table("setting")
    with op.batch_alter_table("pass_revocation", schema=None) as batch_op:
        batch_op.drop_index("ix_pass_revocation_serial")
        batch_op.drop_index(batch_op.f("ix_pass_revocation_key_id"))

    op.drop_table("pass_revocation")
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.drop_index("ix_outbox_pending")

    op.drop_table("outbox")
    op.drop_table("key_person_category")
    op.drop_table("community")
    op.drop_table("app_user")
