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
}
