using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ResearchSecurity.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class ApplicationRole : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(AuditSql.ApplicationRole);

        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(AuditSql.DropApplicationRoleGrants);

        }
    }
}
