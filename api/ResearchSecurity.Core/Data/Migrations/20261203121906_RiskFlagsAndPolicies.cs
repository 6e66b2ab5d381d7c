using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ResearchSecurity.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class RiskFlagsAndPolicies : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "risk_policy_version",
                table: "review_decisions",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "party_keys",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    proposal_id = table.Column<Guid>(type: "uuid", nullable: false),
                    party_id = table.Column<Guid>(type: "uuid", nullable: false),
                    party_type = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    value = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    organisation_key = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    organisation_name = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_party_keys", x => x.id);
                    table.ForeignKey(
                        name: "fk_party_keys_proposals_proposal_id",
                        column: x => x.proposal_id,
                        principalTable: "proposals",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "post_approval_changes",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    proposal_id = table.Column<Guid>(type: "uuid", nullable: false),
                    reopening_id = table.Column<Guid>(type: "uuid", nullable: false),
                    part = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    action = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    from = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    to = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    changed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_post_approval_changes", x => x.id);
                    table.ForeignKey(
                        name: "fk_post_approval_changes_proposals_proposal_id",
                        column: x => x.proposal_id,
                        principalTable: "proposals",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "proposal_risk_records",
                columns: table => new
                {
                    proposal_id = table.Column<Guid>(type: "uuid", nullable: false),
                    level = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    score = table.Column<double>(type: "double precision", nullable: false),
                    factors = table.Column<string>(type: "jsonb", nullable: false),
                    policy_version = table.Column<int>(type: "integer", nullable: false),
                    policy_id = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    decision_label = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    assessed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_proposal_risk_records", x => x.proposal_id);
                    table.ForeignKey(
                        name: "fk_proposal_risk_records_proposals_proposal_id",
                        column: x => x.proposal_id,
                        principalTable: "proposals",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "risk_flags",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    proposal_id = table.Column<Guid>(type: "uuid", nullable: false),
                    rule = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    key = table.Column<string>(type: "character varying(600)", maxLength: 600, nullable: false),
                    title = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    explanation = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    evidence = table.Column<string>(type: "jsonb", nullable: false),
                    evidence_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    cross_record = table.Column<bool>(type: "boolean", nullable: false),
                    weight = table.Column<double>(type: "double precision", nullable: false),
                    minimum_level = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    decision = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    policy_version = table.Column<int>(type: "integer", nullable: false),
                    raised_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    last_assessed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    dismissed_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    dismissed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    dismissal_reason = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    re_raised_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    re_raised_reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_risk_flags", x => x.id);
                    table.ForeignKey(
                        name: "fk_risk_flags_proposals_proposal_id",
                        column: x => x.proposal_id,
                        principalTable: "proposals",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "risk_policy_versions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<int>(type: "integer", nullable: false),
                    policy_id = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    document = table.Column<string>(type: "text", nullable: false),
                    document_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    uploaded_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    uploaded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    activated_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    activated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_risk_policy_versions", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_party_keys_kind_value",
                table: "party_keys",
                columns: new[] { "kind", "value" });

            migrationBuilder.CreateIndex(
                name: "ix_party_keys_proposal_id",
                table: "party_keys",
                column: "proposal_id");

            migrationBuilder.CreateIndex(
                name: "ix_post_approval_changes_proposal_id",
                table: "post_approval_changes",
                column: "proposal_id");

            migrationBuilder.CreateIndex(
                name: "ix_risk_flags_proposal_id_rule_key",
                table: "risk_flags",
                columns: new[] { "proposal_id", "rule", "key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_risk_policy_versions_document_hash",
                table: "risk_policy_versions",
                column: "document_hash");

            migrationBuilder.CreateIndex(
                name: "ix_risk_policy_versions_number",
                table: "risk_policy_versions",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_risk_policy_versions_status",
                table: "risk_policy_versions",
                column: "status");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "party_keys");

            migrationBuilder.DropTable(
                name: "post_approval_changes");

            migrationBuilder.DropTable(
                name: "proposal_risk_records");

            migrationBuilder.DropTable(
                name: "risk_flags");

            migrationBuilder.DropTable(
                name: "risk_policy_versions");

            migrationBuilder.DropColumn(
                name: "risk_policy_version",
                table: "review_decisions");
        }
    }
}
