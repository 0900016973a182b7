-- Kriya's four roles on PostgreSQL (docs/postgres.md, "Setting up"). Run once per database,
-- after `kriya migrate`, as the database's owner or a superuser:
--     psql "postgres://owner@host/kriya" -f docs/postgres-roles.sql
-- Then give each office's login one role, e.g.
--     CREATE ROLE meja_klojen LOGIN IN ROLE kriya_clerk;   -- its password in ~/.pgpass
-- Kriya reads the highest of these roles a login holds and refuses what it may not do; the
-- grants below make the database refuse the same to anyone who goes around Kriya (psql):
-- a viewer only reads, and nobody but the owner may change or remove audit lines.
-- Clerks, editors and admins write the same tables: Kriya itself tells them apart.

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
GRANT SELECT ON kriya_schema, kriya_record, kriya_change, kriya_last_id, kriya_audit, kriya_note TO kriya_viewer;
GRANT INSERT, UPDATE, DELETE ON kriya_record, kriya_note TO kriya_clerk;
GRANT INSERT, UPDATE ON kriya_last_id TO kriya_clerk;
GRANT INSERT ON kriya_change, kriya_audit TO kriya_clerk;
GRANT USAGE ON SEQUENCE kriya_change_seq_seq, kriya_audit_seq_seq TO kriya_clerk;
