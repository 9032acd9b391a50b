"""paper passes: signing keys, the issued code and the revocation time of a pass

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-25 10:10:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | Sequence[str] | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "pass_key",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key_id", sa.Integer(), nullable=False),
        sa.Column("community_id", sa.Integer(), nullable=False),
        sa.Column("algorithm", sa.String(length=16), nullable=False),
        sa.Column("public_key", sa.String(length=200), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("retired_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["community_id"],
            ["community.id"],
            name=op.f("fk_pass_key_community_id_community"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pass_key")),
        sa.UniqueConstraint("key_id", name=op.f("uq_pass_key_key_id")),
    )
    with op.batch_alter_table("pass_key", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_pass_key_community_id"), ["community_id"], unique=False
        )
    with op.batch_alter_table("pass", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("code", sa.String(length=200), nullable=False, server_default="")
        )
        batch_op.add_column(sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("pass", schema=None) as batch_op:
        batch_op.drop_column("revoked_at")
        batch_op.drop_column("code")
    with op.batch_alter_table("pass_key", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_pass_key_community_id"))
    op.drop_table("pass_key")
