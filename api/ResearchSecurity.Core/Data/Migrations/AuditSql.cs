namespace ResearchSecurity.Core.Data.Migrations;

/// <summary>Raw SQL the migrations apply for the audit trail.</summary>
internal static class AuditSql
{
    public const string AppendOnlyTrigger = """
        CREATE OR REPLACE FUNCTION audit_events_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            RAISE EXCEPTION 'audit_events is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
        END $$;
        CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events
            FOR EACH ROW EXECUTE FUNCTION audit_events_refuse_change();
        CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
            FOR EACH STATEMENT EXECUTE FUNCTION audit_events_refuse_change();
        """;

    public const string DropAppendOnlyTrigger = """
        DROP TRIGGER IF EXISTS audit_events_no_truncate ON audit_events;
        DROP TRIGGER IF EXISTS audit_events_append_only ON audit_events;
        DROP FUNCTION IF EXISTS audit_events_refuse_change();
        """;

    /// <summary>
    /// The role the application runs as: full DML on its tables except audit_events, where it may only read and
    /// append. Created here if the cluster lacks it (roles are cluster-wide, so several databases share it).
    /// </summary>
    public const string ApplicationRole = """
        DO $$ BEGIN
            IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'rs_app') THEN CREATE ROLE rs_app NOLOGIN; END IF;
        EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; -- another database's migration created it meanwhile
        END $$;
        GRANT USAGE ON SCHEMA public TO rs_app;
        GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO rs_app;
        GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO rs_app;
        ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO rs_app;
        ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO rs_app;
        REVOKE UPDATE, DELETE, TRUNCATE ON audit_events FROM rs_app;
        """;

    public const string DropApplicationRoleGrants = """
        REVOKE ALL ON ALL TABLES IN SCHEMA public FROM rs_app;
        ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE ALL ON TABLES FROM rs_app;
        ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE ALL ON SEQUENCES FROM rs_app;
        """;
}
