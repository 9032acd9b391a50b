"""gate: fever alerts, overrides, companions

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25 06:13:17.326332
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | Sequence[str] | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

BIG_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
# (column, referenced table, constraint name) added to entry_log
ENTRY_LOG_KEYS = (
    ("companion_of_id", "entry_log", "fk_entry_log_companion_of_id_entry_log"),
    ("override_by_id", "app_user", "fk_entry_log_override_by_id_app_user"),
)


def upgrade() -> None:
    op.create_table(
        "fever_alert",
        sa.Column("id", BIG_ID, nullable=False),
        sa.Column("uid", sa.String(length=32), nullable=False),
        sa.Column("community_id", sa.Integer(), nullable=False),
        sa.Column("gate_id", sa.Integer(), nullable=False),
        sa.Column("resident_id", sa.Integer(), nullable=True),
        sa.Column("visitor_id", sa.Integer(), nullable=True),
        sa.Column("entry_log_id", BIG_ID, nullable=False),
        sa.Column("first_c", sa.Float(), nullable=False),
        sa.Column("first_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("remeasure_due_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("second_c", sa.Float(), nullable=True),
        sa.Column("second_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("second_entry_log_id", BIG_ID, nullable=True),
        sa.Column(
            "outcome",
            sa.Enum(
                "open",
                "cleared",
                "confirmed",
                name="fever_outcome",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=False,
        ),
        sa.Column("follow_up", sa.String(length=200), nullable=False),
        sa.Column("operator_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["community_id"], ["community.id"], name=op.f("fk_fever_alert_community_id_community")
        ),
        sa.ForeignKeyConstraint(
            ["entry_log_id"], ["entry_log.id"], name=op.f("fk_fever_alert_entry_log_id_entry_log")
        ),
        sa.ForeignKeyConstraint(["gate_id"], ["gate.id"], name=op.f("fk_fever_alert_gate_id_gate")),
        sa.ForeignKeyConstraint(
            ["operator_id"], ["app_user.id"], name=op.f("fk_fever_alert_operator_id_app_user")
        ),
        sa.ForeignKeyConstraint(
            ["resident_id"], ["resident.id"], name=op.f("fk_fever_alert_resident_id_resident")
        ),
        sa.ForeignKeyConstraint(
            ["second_entry_log_id"],
            ["entry_log.id"],
            name=op.f("fk_fever_alert_second_entry_log_id_entry_log"),
        ),
        sa.ForeignKeyConstraint(
            ["visitor_id"], ["visitor.id"], name=op.f("fk_fever_alert_visitor_id_visitor")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_fever_alert")),
        sa.UniqueConstraint("uid", name=op.f("uq_fever_alert_uid")),
    )
    with op.batch_alter_table("fever_alert", schema=None) as batch_op:
        batch_op.create_index(
            "ix_fever_alert_resident_time", ["resident_id", "first_at"], unique=False
        )
        batch_op.create_index("ix_fever_alert_time", ["first_at"], unique=False)
        batch_op.create_index(
            "ix_fever_alert_visitor_time", ["visitor_id", "first_at"], unique=False
        )

    # Plain ADD COLUMN, no batch copy: entry_log may hold millions of rows.
    sqlite = op.get_bind().dialect.name == "sqlite"
    for column, target, fk_name in ENTRY_LOG_KEYS:
        if sqlite:
            op.execute(
                f"ALTER TABLE entry_log ADD COLUMN {column} INTEGER "
                f"CONSTRAINT {fk_name} REFERENCES {target} (id)"
            )
        else:
            kind = sa.BigInteger() if target == "entry_log" else sa.Integer()
            op.add_column("entry_log", sa.Column(column, kind, nullable=True))
            op.create_foreign_key(fk_name, "entry_log", target, [column], ["id"])
    op.add_column(
        "entry_log",
        sa.Column("override_reason", sa.String(length=200), nullable=False, server_default=""),
    )
    op.add_column("entry_log", sa.Column("overridden_at", sa.DateTime(timezone=True)))


def downgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    with op.batch_alter_table("entry_log", schema=None) as batch_op:
        if not sqlite:  # SQLite's table copy drops the constraints with their columns
            for _, _, fk_name in ENTRY_LOG_KEYS:
                batch_op.drop_constraint(fk_name, type_="foreignkey")
        for column in ("overridden_at", "override_reason", "override_by_id", "companion_of_id"):
            batch_op.drop_column(column)
    op.drop_table("fever_alert")
