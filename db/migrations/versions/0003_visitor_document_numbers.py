"""visitor document numbers up to 20 characters

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25 08:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | Sequence[str] | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("visitor", schema=None) as batch_op:
        batch_op.alter_column(
            "id_number",
            existing_type=sa.String(length=18),
            type_=sa.String(length=20),
            existing_nullable=True,
        )


def downgrade() -> None:
    with op.batch_alter_table("visitor", schema=None) as batch_op:
        batch_op.alter_column(
            "id_number",
            existing_type=sa.String(length=20),
            type_=sa.String(length=18),
            existing_nullable=True,
        )
