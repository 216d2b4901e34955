-- The audit trail is append-only in the database itself, not only in the code: UPDATE, DELETE and TRUNCATE of
-- audit_event are refused for every session. The hash chain still detects an edit by someone able to drop this
-- trigger (the table owner); run Avec with a role that does not own the tables to close that door too
-- (docs/DEPLOYMENT.md).
CREATE FUNCTION avec_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_event is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER audit_event_append_only
    BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_event
    FOR EACH STATEMENT EXECUTE FUNCTION avec_audit_append_only();
