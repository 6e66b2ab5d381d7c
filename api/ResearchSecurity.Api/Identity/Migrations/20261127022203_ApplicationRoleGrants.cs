using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ResearchSecurity.Api.Identity.Migrations
{
    /// <summary>
    /// The application runs as role rs_app (see the records migrations); give it the identity schema too. The role is
    /// created here when missing, so this context can also be migrated on its own.
    /// </summary>
    public partial class ApplicationRoleGrants : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DO $$ BEGIN
                    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'rs_app') THEN CREATE ROLE rs_app NOLOGIN; END IF;
                EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; -- created concurrently by another database's migration
                END $$;
                GRANT USAGE ON SCHEMA identity TO rs_app;
                GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA identity TO rs_app;
                ALTER DEFAULT PRIVILEGES IN SCHEMA identity GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO rs_app;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                ALTER DEFAULT PRIVILEGES IN SCHEMA identity REVOKE ALL ON TABLES FROM rs_app;
                REVOKE ALL ON ALL TABLES IN SCHEMA identity FROM rs_app;
                REVOKE USAGE ON SCHEMA identity FROM rs_app;
                """);
        }
    }
}
