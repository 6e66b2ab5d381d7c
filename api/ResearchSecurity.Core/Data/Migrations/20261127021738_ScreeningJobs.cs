using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ResearchSecurity.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class ScreeningJobs : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "person_id",
                table: "screening_runs",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "job_progress",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    description = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    hangfire_job_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    parameters = table.Column<string>(type: "text", nullable: false),
                    state = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    processed = table.Column<int>(type: "integer", nullable: false),
                    total = table.Column<int>(type: "integer", nullable: false),
                    checkpoint = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    error = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    result = table.Column<string>(type: "text", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    finished_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_job_progress", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_screening_runs_outcome_queued_at",
                table: "screening_runs",
                columns: new[] { "outcome", "queued_at" });

            migrationBuilder.CreateIndex(
                name: "ix_screening_runs_person_id",
                table: "screening_runs",
                column: "person_id");

            migrationBuilder.CreateIndex(
                name: "ix_job_progress_kind_created_at",
                table: "job_progress",
                columns: new[] { "kind", "created_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "job_progress");

            migrationBuilder.DropIndex(
                name: "ix_screening_runs_outcome_queued_at",
                table: "screening_runs");

            migrationBuilder.DropIndex(
                name: "ix_screening_runs_person_id",
                table: "screening_runs");

            migrationBuilder.DropColumn(
                name: "person_id",
                table: "screening_runs");
        }
    }
}
