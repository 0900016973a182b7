-- Kriya's four roles on PostgreSQL (docs/postgres.md, "Setting up"). Run once per database,
-- after `kriya migrate`, as the database's owner or a superuser:
--     psql "postgres://owner@host/kriya" -f docs/postgres-roles.sql
-- Then give each office's login one role, e.g.
--     CREATE ROLE meja_klojen LOGIN IN ROLE kriya_clerk;   -- its password in ~/.pgpass
--
-- A login's role is the highest of these it holds (the owner, or a superuser, is admin). The
-- roles only read the tables: since Kriya's tables version 4 every change goes through
-- kriya_save, which runs as the owner and checks the change against the calling login's role
-- (what a clerk, an editor or an admin may change, ids never reused, the audit line written
-- with it). So a login can do with psql no more than Kriya lets its role do. Triggers keep
-- the audit trail and the change lines append-only and the id high-water marks rising.

DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'kriya_viewer') THEN
        CREATE ROLE kriya_viewer NOLOGIN;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'kriya_clerk') THEN
        CREATE ROLE kriya_clerk NOLOGIN IN ROLE kriya_viewer;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'kriya_editor') THEN
        CREATE ROLE kriya_editor NOLOGIN IN ROLE kriya_clerk;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'kriya_admin') THEN
        CREATE ROLE kriya_admin NOLOGIN IN ROLE kriya_editor;
    END IF;
    EXECUTE format('GRANT CONNECT ON DATABASE %I TO kriya_viewer', current_database());
END
$$;

GRANT USAGE ON SCHEMA public TO kriya_viewer;
GRANT SELECT ON kriya_schema, kriya_record, kriya_change, kriya_last_id, kriya_audit, kriya_note, kriya_command_role TO kriya_viewer;
-- An older version of this file let clerks write the tables directly: taken back.
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON kriya_schema, kriya_record, kriya_change, kriya_last_id, kriya_audit, kriya_note, kriya_command_role
    FROM kriya_viewer, kriya_clerk, kriya_editor, kriya_admin;
REVOKE USAGE ON SEQUENCE kriya_change_seq_seq, kriya_audit_seq_seq FROM kriya_clerk;
