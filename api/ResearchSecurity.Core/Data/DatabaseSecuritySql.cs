namespace ResearchSecurity.Core.Data;

/// <summary>
/// The only hand-written SQL of the database: the append-only audit trigger and the application role.
/// Each context's initial migration applies it once for the schema it owns.
/// </summary>
public static class DatabaseSecuritySql
{
    /// <summary>The role the application runs as (a NOLOGIN group role; logins such as rs_api are granted it).</summary>
    public const string ApplicationRole = "rs_app";

    public const string AppendOnlyAuditTrigger = """
        CREATE OR REPLACE FUNCTION audit_events_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            RAISE EXCEPTION 'audit_events is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
        END $$;
        CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events
            FOR EACH ROW EXECUTE FUNCTION audit_events_refuse_change();
        CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
            FOR EACH STATEMENT EXECUTE FUNCTION audit_events_refuse_change();
        """;

    public const string DropAppendOnlyAuditTrigger = """
        DROP TRIGGER IF EXISTS audit_events_no_truncate ON audit_events;
        DROP TRIGGER IF EXISTS audit_events_append_only ON audit_events;
        DROP FUNCTION IF EXISTS audit_events_refuse_change();
        """;

    /// <summary>
    /// Full DML for <see cref="ApplicationRole"/> on the schema's tables, now and later. The role is created when
    /// the cluster lacks it (roles are cluster-wide: several databases, and either context migrated first, share it).
    /// </summary>
    public static string GrantApplicationRole(string schema) => $"""
        DO $$ BEGIN
            IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{ApplicationRole}') THEN CREATE ROLE {ApplicationRole} NOLOGIN; END IF;
        EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; -- another database's migration created it meanwhile
        END $$;
        GRANT USAGE ON SCHEMA {schema} TO {ApplicationRole};
        GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA {schema} TO {ApplicationRole};
        GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {schema} TO {ApplicationRole};
        ALTER DEFAULT PRIVILEGES IN SCHEMA {schema} GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO {ApplicationRole};
        ALTER DEFAULT PRIVILEGES IN SCHEMA {schema} GRANT USAGE, SELECT ON SEQUENCES TO {ApplicationRole};
        """;

    /// <summary>Audit rows are read and appended, never changed: the trigger refuses it, and so do the grants.</summary>
    public const string RevokeAuditChanges = $"REVOKE UPDATE, DELETE, TRUNCATE ON audit_events FROM {ApplicationRole};";

    public static string RevokeApplicationRole(string schema) => $"""
        ALTER DEFAULT PRIVILEGES IN SCHEMA {schema} REVOKE ALL ON TABLES FROM {ApplicationRole};
        ALTER DEFAULT PRIVILEGES IN SCHEMA {schema} REVOKE ALL ON SEQUENCES FROM {ApplicationRole};
        REVOKE ALL ON ALL TABLES IN SCHEMA {schema} FROM {ApplicationRole};
        REVOKE ALL ON ALL SEQUENCES IN SCHEMA {schema} FROM {ApplicationRole};
        REVOKE USAGE ON SCHEMA {schema} FROM {ApplicationRole};
        """;
}
