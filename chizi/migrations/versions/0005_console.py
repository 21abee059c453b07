"""the organisers' console: events held in the database, organiser accounts, the audit log, answers
written by organisers, attendance, and broadcasts sent from the console

Revision ID: 0005
Revises: 0004
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("events") as t:
        # The whole validated catalogue entry as JSON: the database, not events.yaml, is now the catalogue.
        t.add_column(sa.Column("definition", sa.Text(), nullable=True))
        t.add_column(sa.Column("status", sa.String(length=12), nullable=False, server_default="open"))
        t.add_column(sa.Column("origin", sa.String(length=8), nullable=False, server_default="yaml"))
        t.add_column(sa.Column("seed_hash", sa.String(length=64), nullable=True))
        t.add_column(sa.Column("updated_at", sa.DateTime(timezone=True), nullable=True))
    with op.batch_alter_table("registrations") as t:
        t.add_column(sa.Column("attended", sa.Boolean(), nullable=False, server_default=sa.false()))
    with op.batch_alter_table("questions") as t:
        t.add_column(sa.Column("resolved", sa.Boolean(), nullable=False, server_default=sa.false()))
    with op.batch_alter_table("broadcasts") as t:
        t.alter_column("organiser_id", existing_type=sa.BigInteger(), nullable=True)
        t.add_column(sa.Column("sent_by", sa.String(length=64), nullable=True))
    op.create_table(
        "organisers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("password_hash", sa.String(length=200), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("failed_logins", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("locked_until", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("name", name="uq_organiser_name"),
    )
    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actor", sa.String(length=64), nullable=False),
        sa.Column("action", sa.String(length=40), nullable=False),
        sa.Column("target", sa.String(length=200), nullable=False, server_default=""),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "faq_answers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("question", sa.Text(), nullable=False),
        sa.Column("language", sa.String(length=2), nullable=False),
        sa.Column("answer_zh", sa.Text(), nullable=False),
        sa.Column("answer_en", sa.Text(), nullable=False),
        sa.Column("written_by", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )


def downgrade() -> None:
    op.drop_table("faq_answers")
    op.drop_table("audit_log")
    op.drop_table("organisers")
    with op.batch_alter_table("broadcasts") as t:
        t.drop_column("sent_by")
        t.alter_column("organiser_id", existing_type=sa.BigInteger(), nullable=False)
    with op.batch_alter_table("questions") as t:
        t.drop_column("resolved")
    with op.batch_alter_table("registrations") as t:
        t.drop_column("attended")
    with op.batch_alter_table("events") as t:
        for column in ("updated_at", "seed_hash", "origin", "status", "definition"):
            t.drop_column(column)
