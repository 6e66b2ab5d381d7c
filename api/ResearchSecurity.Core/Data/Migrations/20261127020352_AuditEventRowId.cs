using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ResearchSecurity.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class AuditEventRowId : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "pk_audit_events",
                table: "audit_events");

            migrationBuilder.AddColumn<Guid>(
                name: "id",
                table: "audit_events",
                type: "uuid",
                nullable: false,
                // Existing rows each get their own id; ADD COLUMN does not fire the append-only row trigger.
                defaultValueSql: "gen_random_uuid()");

            migrationBuilder.AddPrimaryKey(
                name: "pk_audit_events",
                table: "audit_events",
                column: "id");

            migrationBuilder.CreateIndex(
                name: "ix_audit_events_sequence",
                table: "audit_events",
                column: "sequence",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "pk_audit_events",
                table: "audit_events");

            migrationBuilder.DropIndex(
                name: "ix_audit_events_sequence",
                table: "audit_events");

            migrationBuilder.DropColumn(
                name: "id",
                table: "audit_events");

            migrationBuilder.AddPrimaryKey(
                name: "pk_audit_events",
                table: "audit_events",
                column: "sequence");
        }
    }
}
