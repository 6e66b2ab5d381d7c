using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ResearchSecurity.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class ScreeningAndReview : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "assigned_reviewer_id",
                table: "proposals",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "decided_at",
                table: "proposals",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "risk_level",
                table: "proposals",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "risk_reasons",
                table: "proposals",
                type: "character varying(8000)",
                maxLength: 8000,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "information_requests",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    proposal_id = table.Column<Guid>(type: "uuid", nullable: false),
                    hit_id = table.Column<Guid>(type: "uuid", nullable: true),
                    question = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    asked_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    asked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    answer = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    answered_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    answered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_information_requests", x => x.id);
                    table.ForeignKey(
                        name: "fk_information_requests_proposals_proposal_id",
                        column: x => x.proposal_id,
                        principalTable: "proposals",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "review_decisions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    proposal_id = table.Column<Guid>(type: "uuid", nullable: false),
                    outcome = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    rationale = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    risk_at_decision = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    state = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    decided_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    decided_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    confirmed_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    confirmed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_review_decisions", x => x.id);
                    table.ForeignKey(
                        name: "fk_review_decisions_proposals_proposal_id",
                        column: x => x.proposal_id,
                        principalTable: "proposals",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "screening_runs",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    subject_type = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    subject_id = table.Column<Guid>(type: "uuid", nullable: false),
                    proposal_id = table.Column<Guid>(type: "uuid", nullable: true),
                    fields = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    list_versions = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    outcome = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    failure_reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    job_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    queued_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    finished_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    hit_count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_screening_runs", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "watchlists",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    display_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    format = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    source = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    source_url = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    refresh_cron = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    severity = table.Column<int>(type: "integer", nullable: false),
                    active_version_id = table.Column<Guid>(type: "uuid", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_watchlists", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "mitigation_condition",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    decision_id = table.Column<Guid>(type: "uuid", nullable: false),
                    description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    owner = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    due_date = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_mitigation_condition", x => x.id);
                    table.ForeignKey(
                        name: "fk_mitigation_condition_review_decisions_decision_id",
                        column: x => x.decision_id,
                        principalTable: "review_decisions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "list_versions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    watchlist_id = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    number = table.Column<int>(type: "integer", nullable: false),
                    file_name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    file_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    entity_count = table.Column<int>(type: "integer", nullable: false),
                    error_count = table.Column<int>(type: "integer", nullable: false),
                    import_errors = table.Column<string>(type: "text", nullable: true),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    uploaded_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    uploaded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    activated_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    activated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_list_versions", x => x.id);
                    table.ForeignKey(
                        name: "fk_list_versions_watchlists_watchlist_id",
                        column: x => x.watchlist_id,
                        principalTable: "watchlists",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "listed_entities",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    list_version_id = table.Column<Guid>(type: "uuid", nullable: false),
                    entity_id = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    name = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    content_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    data = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_listed_entities", x => x.id);
                    table.ForeignKey(
                        name: "fk_listed_entities_list_versions_list_version_id",
                        column: x => x.list_version_id,
                        principalTable: "list_versions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "screening_hits",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    subject_type = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    subject_id = table.Column<Guid>(type: "uuid", nullable: false),
                    proposal_id = table.Column<Guid>(type: "uuid", nullable: true),
                    person_id = table.Column<Guid>(type: "uuid", nullable: true),
                    field = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    text_screened = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    watchlist_id = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    list_version_id = table.Column<Guid>(type: "uuid", nullable: false),
                    entity_id = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    entity_name = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    matched_name = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    segment = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    score = table.Column<double>(type: "double precision", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    historical_reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    explanation = table.Column<string>(type: "text", nullable: false),
                    entity_content_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    run_id = table.Column<Guid>(type: "uuid", nullable: false),
                    raised_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    last_screened_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    disposition = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    disposition_reason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    disposition_note = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    disposed_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    disposed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    re_raised_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    re_raised_reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_screening_hits", x => x.id);
                    table.ForeignKey(
                        name: "fk_screening_hits_list_versions_list_version_id",
                        column: x => x.list_version_id,
                        principalTable: "list_versions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_proposals_assigned_reviewer_id",
                table: "proposals",
                column: "assigned_reviewer_id");

            migrationBuilder.CreateIndex(
                name: "ix_information_requests_proposal_id",
                table: "information_requests",
                column: "proposal_id");

            migrationBuilder.CreateIndex(
                name: "ix_list_versions_watchlist_id_file_hash",
                table: "list_versions",
                columns: new[] { "watchlist_id", "file_hash" });

            migrationBuilder.CreateIndex(
                name: "ix_list_versions_watchlist_id_number",
                table: "list_versions",
                columns: new[] { "watchlist_id", "number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_listed_entities_list_version_id_entity_id",
                table: "listed_entities",
                columns: new[] { "list_version_id", "entity_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_mitigation_condition_decision_id",
                table: "mitigation_condition",
                column: "decision_id");

            migrationBuilder.CreateIndex(
                name: "ix_review_decisions_proposal_id",
                table: "review_decisions",
                column: "proposal_id");

            migrationBuilder.CreateIndex(
                name: "ix_screening_hits_list_version_id",
                table: "screening_hits",
                column: "list_version_id");

            migrationBuilder.CreateIndex(
                name: "ix_screening_hits_person_id",
                table: "screening_hits",
                column: "person_id");

            migrationBuilder.CreateIndex(
                name: "ix_screening_hits_proposal_id",
                table: "screening_hits",
                column: "proposal_id");

            migrationBuilder.CreateIndex(
                name: "ix_screening_hits_subject_type_subject_id_field_watchlist_id_e",
                table: "screening_hits",
                columns: new[] { "subject_type", "subject_id", "field", "watchlist_id", "entity_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_screening_hits_watchlist_id_entity_id",
                table: "screening_hits",
                columns: new[] { "watchlist_id", "entity_id" });

            migrationBuilder.CreateIndex(
                name: "ix_screening_runs_proposal_id",
                table: "screening_runs",
                column: "proposal_id");

            migrationBuilder.CreateIndex(
                name: "ix_screening_runs_subject_type_subject_id_queued_at",
                table: "screening_runs",
                columns: new[] { "subject_type", "subject_id", "queued_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "information_requests");

            migrationBuilder.DropTable(
                name: "listed_entities");

            migrationBuilder.DropTable(
                name: "mitigation_condition");

            migrationBuilder.DropTable(
                name: "screening_hits");

            migrationBuilder.DropTable(
                name: "screening_runs");

            migrationBuilder.DropTable(
                name: "review_decisions");

            migrationBuilder.DropTable(
                name: "list_versions");

            migrationBuilder.DropTable(
                name: "watchlists");

            migrationBuilder.DropIndex(
                name: "ix_proposals_assigned_reviewer_id",
                table: "proposals");

            migrationBuilder.DropColumn(
                name: "assigned_reviewer_id",
                table: "proposals");

            migrationBuilder.DropColumn(
                name: "decided_at",
                table: "proposals");

            migrationBuilder.DropColumn(
                name: "risk_level",
                table: "proposals");

            migrationBuilder.DropColumn(
                name: "risk_reasons",
                table: "proposals");
        }
    }
}
