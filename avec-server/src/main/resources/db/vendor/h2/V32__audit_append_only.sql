-- The audit trail is append-only in the database itself (see the PostgreSQL version of this migration).
CREATE TRIGGER audit_event_append_only BEFORE UPDATE, DELETE ON audit_event FOR EACH ROW CALL 'fr.avec.server.audit.AppendOnlyTrigger';
