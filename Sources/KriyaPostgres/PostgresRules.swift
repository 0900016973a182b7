/// Schema version 4: the database holds the roles itself (issue 31). Until version 3 Kriya told
/// clerks, editors and admins apart and the tables trusted whoever wrote them, so a clerk's
/// login could lower `kriya_last_id`, delete records or rewrite an artisan with `psql`.
///
/// From version 4 no login but the tables' owner writes a table directly (step 4 takes every
/// such grant back); every save goes through two functions that run as the owner
/// (`SECURITY DEFINER`) and decide by the login that called them (`session_user`):
///
/// - `kriya_put_records` stages a save's records (in chunks: an import of 100,000 artisans is
///   not one statement), in a temporary table only these functions can write;
/// - `kriya_save` takes the writers' lock, checks the staged records, the removals and the
///   change line against the login's role, and writes records, id high-water marks, the change
///   line and the audit line in one go: no change without its audit line, whoever calls.
///
/// What each role may do is the core's table (`StaffRole.required`) copied into
/// `kriya_command_role`, plus the shape of the change: a clerk adds artisans and changes only
/// the door's part of a session (attendance and closed days within a day of the server's date,
/// enrolment) or of an exhibition (booth and sales); below admin, a new record takes an id
/// never handed out, a changed one moves exactly one revision on, and a removal takes back only
/// an add of the same login that nobody changed since and nothing refers to. Triggers keep the audit trail and the
/// change lines append-only and the id high-water marks rising, for the owner too.
enum PostgresRules {
    /// The roles' ranks and a login's role, as `PostgresAccess` reads it (one definition).
    static let access = [
        """
        CREATE FUNCTION kriya_rank(role text) RETURNS int LANGUAGE sql IMMUTABLE
        AS $$ SELECT array_position(ARRAY['viewer', 'clerk', 'editor', 'admin'], role) $$
        """,
        // A superuser or the database's owner is admin (as a folder's owner); else the highest
        // kriya_* role held; with none of those roles made, everyone edits (a folder without an
        // access file); when they exist and the login holds none, it reads.
        // In PL/pgSQL, whose plans a connection keeps (a SQL function is planned at each call:
        // 0.9 ms, on every save).
        """
        CREATE FUNCTION kriya_access(OUT role text, OUT reason text) LANGUAGE plpgsql STABLE
        AS $$
        DECLARE held text;
        BEGIN
          IF coalesce((SELECT r.rolsuper FROM pg_roles r WHERE r.rolname = session_user), false)
             OR pg_has_role(session_user, (SELECT d.datdba FROM pg_database d WHERE d.datname = current_database()), 'MEMBER') THEN
            role := 'admin'; reason := 'owner'; RETURN;
          END IF;
          SELECT substr(k.rolname, 7) INTO held FROM pg_roles k
           WHERE k.rolname IN ('kriya_viewer', 'kriya_clerk', 'kriya_editor', 'kriya_admin') AND pg_has_role(session_user, k.oid, 'MEMBER')
           ORDER BY kriya_rank(substr(k.rolname, 7)) DESC LIMIT 1;
          IF held IS NOT NULL THEN role := held; reason := 'group';
          ELSIF NOT EXISTS (SELECT 1 FROM pg_roles k WHERE k.rolname IN ('kriya_viewer', 'kriya_clerk', 'kriya_editor', 'kriya_admin')) THEN
            role := 'editor'; reason := 'none';
          ELSE role := 'viewer'; reason := 'unlisted';
          END IF;
        END $$
        """,
    ]

    /// The role each change needs: `StaffRole.required` as it stands at version 4 (a test
    /// checks every name the core knows is here; a new command needs a new step).
    static let commandRoles = [
        "CREATE TABLE kriya_command_role (cmd text PRIMARY KEY, role text NOT NULL)",
        """
        INSERT INTO kriya_command_role (cmd, role)
          SELECT c, 'clerk' FROM unnest(ARRAY['check-in', 'mark-attendance', 'clear-attendance', 'close-day', 'enrol', 'withdraw',
                                              'assign-booth', 'record-sales', 'add-artisan']) c
          UNION ALL
          SELECT c, 'editor' FROM unnest(ARRAY['update-artisan', 'add-session', 'update-session', 'add-exhibition', 'update-exhibition',
                                               'propose', 'set-curation', 'issue-certificate', 'issue-certificates', 'archive-artisan',
                                               'restore-artisan', 'merge-artisans', 'add-term', 'update-term', 'add-member', 'update-member',
                                               'add-partner', 'update-partner', 'import']) c
          UNION ALL
          SELECT c, 'admin' FROM unnest(ARRAY['delete', 'undo-import', 'replace-all', 'compact', 'set-access', 'repair']) c
        """,
    ]

    /// What of a record is not the door's to change: a session less its rev, its enrolments and
    /// the attendance and closed days within a day of today (the server's date: the desk's may
    /// differ by its time zone); an exhibition less its rev and its booths and sales.
    static let doorView = """
        CREATE FUNCTION kriya_door_view(kind text, body json) RETURNS jsonb LANGUAGE plpgsql STABLE
        AS $$ BEGIN RETURN (
          SELECT CASE kind
            WHEN 'B' THEN (b - 'rev' - 'closedDays' - 'participants') || jsonb_build_object(
                'closedDays', (SELECT coalesce(jsonb_agg(d ORDER BY d), '[]') FROM jsonb_array_elements_text(coalesce(b->'closedDays', '[]')) d
                               WHERE d::date NOT BETWEEN current_date - 1 AND current_date + 1),
                'participants', (SELECT coalesce(jsonb_object_agg(x.artisan, x.kept), '{}') FROM (
                    SELECT p->>'artisan' AS artisan,
                           jsonb_build_object('certificate', p->'certificate', 'attendance',
                               (SELECT coalesce(jsonb_agg(a ORDER BY a->>'day'), '[]') FROM jsonb_array_elements(coalesce(p->'attendance', '[]')) a
                                WHERE (a->>'day')::date NOT BETWEEN current_date - 1 AND current_date + 1)) AS kept
                    FROM jsonb_array_elements(coalesce(b->'participants', '[]')) p) x
                  WHERE coalesce(x.kept->'certificate', 'null') <> 'null' OR x.kept->'attendance' <> '[]'))
            WHEN 'P' THEN (b - 'rev' - 'participants') || jsonb_build_object(
                'participants', (SELECT coalesce(jsonb_agg(p - 'booth' - 'sales' - 'transactions' - 'leads' ORDER BY n), '[]')
                                 FROM jsonb_array_elements(coalesce(b->'participants', '[]')) WITH ORDINALITY AS x(p, n)))
            ELSE b END
          FROM (SELECT body::jsonb AS b) s);
        END $$
        """

    static let helpers = [
        """
        CREATE FUNCTION kriya_refuse(why text) RETURNS void LANGUAGE plpgsql
        AS $$ BEGIN RAISE EXCEPTION USING ERRCODE = '42501', MESSAGE = 'kriya: ' || why; END $$
        """,
        // The staging table is temporary (this connection's, gone at commit) and made by the
        // owner: a login cannot write it, and one it made itself under that name is refused.
        """
        CREATE FUNCTION kriya_pending_table() RETURNS void LANGUAGE plpgsql
        AS $$
        BEGIN
          IF to_regclass('pg_temp.kriya_pending') IS NULL THEN
            CREATE TEMP TABLE kriya_pending (id text NOT NULL, kind text NOT NULL, rev integer NOT NULL, body json NOT NULL)
              ON COMMIT DELETE ROWS;
          ELSIF (SELECT c.relowner <> (SELECT r.oid FROM pg_roles r WHERE r.rolname = current_user)
                 FROM pg_class c WHERE c.oid = 'pg_temp.kriya_pending'::regclass) THEN
            PERFORM kriya_refuse('a table named kriya_pending that Kriya did not make is in the way');
          END IF;
        END $$
        """,
        """
        CREATE FUNCTION kriya_put_records(ids text[], kinds text[], revs integer[], bodies json[]) RETURNS void
        LANGUAGE plpgsql SECURITY DEFINER
        AS $$
        BEGIN
          IF kriya_rank((kriya_access()).role) < kriya_rank('clerk') THEN
            PERFORM kriya_refuse(format('%s may only read', session_user));
          END IF;
          PERFORM kriya_pending_table();
          INSERT INTO pg_temp.kriya_pending SELECT * FROM unnest(ids, kinds, revs, bodies);
        END $$
        """,
    ]

    /// The one way a save reaches the tables (see the type's comment): the records with it
    /// (`ids`…`bodies`) or staged before. `marks`, `note` other
    /// than an import's, `drop_note`, `replace_all` and a missing audit line (a copied trail)
    /// are an admin's. Returns the change line's number.
    static let save = """
        CREATE FUNCTION kriya_save(cmd text, undoes text, stamp text, unix_user text, line text, reload boolean, audit text,
                                   targets text[], deleted text[], replace_all boolean, marks_kinds text[], marks bigint[],
                                   note text, drop_note boolean, ids text[], kinds text[], revs integer[], bodies json[])
        RETURNS bigint LANGUAGE plpgsql SECURITY DEFINER
        AS $$
        DECLARE
          role text := (kriya_access()).role;
          needed text;
          seq bigint;
          bad text;
          l jsonb;
          written text[];
        BEGIN
          PERFORM pg_advisory_xact_lock(5735020118);
          PERFORM kriya_pending_table();
          -- A small save brings its records along; a large one staged them (kriya_put_records).
          IF ids IS NOT NULL THEN INSERT INTO pg_temp.kriya_pending SELECT * FROM unnest(ids, kinds, revs, bodies); END IF;
          needed := (SELECT c.role FROM kriya_command_role c
                     WHERE c.cmd = CASE WHEN kriya_save.cmd = 'undo' THEN undoes ELSE kriya_save.cmd END);
          IF kriya_save.cmd = 'undo' THEN needed := coalesce(needed, 'editor'); END IF;
          IF needed IS NULL THEN PERFORM kriya_refuse(format('%s is not a change Kriya makes', kriya_save.cmd)); END IF;
          IF kriya_rank(role) < greatest(kriya_rank(needed), kriya_rank('clerk')) THEN
            PERFORM kriya_refuse(format('%s is %s; %s needs %s', session_user, role, kriya_save.cmd, needed));
          END IF;
          IF (replace_all OR note IS NOT NULL AND kriya_save.cmd <> 'import' OR drop_note OR marks IS NOT NULL OR audit IS NULL)
             AND role <> 'admin' THEN
            PERFORM kriya_refuse(format('%s is %s; only an admin replaces records, notes, id marks or the audit trail', session_user, role));
          END IF;

          -- Every record as its id says: the kind its letter names, the revision its body holds.
          SELECT p.id INTO bad FROM pg_temp.kriya_pending p
           WHERE p.id !~ '^[ABPTMR]-[0-9]+$' OR substr(p.id, 1, 1) <> p.kind OR (p.body->>'rev') IS DISTINCT FROM p.rev::text
              OR substr(p.body->>'id', 1, 1) IS DISTINCT FROM p.kind
              OR split_part(p.body->>'id', '-', -1) !~ '^[0-9]+$'
              OR split_part(p.body->>'id', '-', -1)::bigint <> split_part(p.id, '-', 2)::bigint
           LIMIT 1;
          IF bad IS NOT NULL THEN PERFORM kriya_refuse(format('the record %s does not match its id, kind or revision', bad)); END IF;
          IF deleted IS NOT NULL AND EXISTS (SELECT 1 FROM unnest(deleted) d WHERE d !~ '^[ABPTMR]-[0-9]+$') THEN
            PERFORM kriya_refuse('a removal names no record');
          END IF;
          -- The change line others catch up from says exactly what is written.
          IF NOT reload THEN
            l := line::jsonb;
            IF l->>'cmd' IS DISTINCT FROM kriya_save.cmd
               OR (SELECT coalesce(jsonb_agg(r ORDER BY r->>'id'), '[]') FROM (
                     SELECT jsonb_array_elements(coalesce(l->k, '[]'))
                     FROM unnest(ARRAY['artisans', 'sessions', 'exhibitions', 'terms', 'members', 'partners']) k) x(r))
                  IS DISTINCT FROM (SELECT coalesce(jsonb_agg(p.body::jsonb ORDER BY p.body->>'id'), '[]') FROM pg_temp.kriya_pending p)
               OR (SELECT coalesce(array_agg(substr(d, 1, 1) || '-' || split_part(d, '-', -1) ORDER BY substr(d, 1, 1) || '-' || split_part(d, '-', -1)), '{}')
                   FROM jsonb_array_elements_text(coalesce(l->'deleted', '[]')) d)
                  IS DISTINCT FROM (SELECT coalesce(array_agg(d ORDER BY d), '{}') FROM unnest(deleted) d) THEN
              PERFORM kriya_refuse('the change line does not say what is written');
            END IF;
          END IF;
          IF audit IS NOT NULL AND (audit::jsonb)->>'cmd' IS DISTINCT FROM kriya_save.cmd THEN
            PERFORM kriya_refuse('the audit line names another change');
          END IF;

          IF role <> 'admin' THEN
            -- A new record takes an id never handed out; a changed one moves one revision on.
            SELECT p.id INTO bad FROM pg_temp.kriya_pending p LEFT JOIN kriya_record r ON r.id = p.id
             WHERE CASE WHEN r.id IS NULL
                        THEN split_part(p.id, '-', 2)::bigint <= coalesce((SELECT i.last FROM kriya_last_id i WHERE i.kind = p.kind), 0)
                        ELSE p.rev <> r.rev + 1 OR p.kind <> r.kind END
             LIMIT 1;
            IF bad IS NOT NULL THEN PERFORM kriya_refuse(format('%s: an id already used, or a revision skipped', bad)); END IF;
            -- Only what this login added, nobody changed since and nothing refers to may go
            -- (undoing an add; ids are never reused, so the id's first audit row is its add).
            SELECT d.id INTO bad FROM unnest(deleted) d(id) LEFT JOIN kriya_record r ON r.id = d.id
             WHERE r.id IS NULL OR r.rev <> 1
                OR NOT EXISTS (SELECT 1 FROM (SELECT a.cmd, a.login FROM kriya_audit a WHERE a.targets @> ARRAY[d.id]
                                              ORDER BY a.seq LIMIT 1) first
                               WHERE first.cmd LIKE 'add-%' AND first.login = session_user)
                OR EXISTS (SELECT 1 FROM kriya_record s
                           WHERE s.kind IN ('B', 'P', 'M') AND s.id <> d.id
                             AND s.body::text ~ ('"' || substr(d.id, 1, 1) || '-([0-9]{4}-)?' || split_part(d.id, '-', 2) || '"'))
             LIMIT 1;
            IF bad IS NOT NULL THEN PERFORM kriya_refuse(format('%s is %s and may not remove %s', session_user, role, bad)); END IF;
          END IF;
          IF role = 'clerk' THEN
            -- The door's work: new artisans, and the door's part of sessions and exhibitions.
            SELECT p.id INTO bad FROM pg_temp.kriya_pending p LEFT JOIN kriya_record r ON r.id = p.id
             WHERE CASE WHEN r.id IS NULL THEN p.kind <> 'A'
                        ELSE p.kind NOT IN ('B', 'P') OR kriya_door_view(p.kind, r.body) IS DISTINCT FROM kriya_door_view(p.kind, p.body) END
             LIMIT 1;
            IF bad IS NOT NULL THEN PERFORM kriya_refuse(format('%s is clerk and may not change %s that way', session_user, bad)); END IF;
          END IF;

          IF replace_all THEN DELETE FROM kriya_record; END IF;
          IF drop_note THEN DELETE FROM kriya_note WHERE name = 'last-import'; END IF;
          IF note IS NOT NULL THEN
            INSERT INTO kriya_note (name, body) VALUES ('last-import', note) ON CONFLICT (name) DO UPDATE SET body = EXCLUDED.body;
          END IF;
          INSERT INTO kriya_record (id, kind, rev, body) SELECT p.id, p.kind, p.rev, p.body FROM pg_temp.kriya_pending p
            ON CONFLICT (id) DO UPDATE SET kind = EXCLUDED.kind, rev = EXCLUDED.rev, body = EXCLUDED.body;
          DELETE FROM kriya_record r WHERE r.id = ANY (deleted);
          INSERT INTO kriya_last_id (kind, last)
            SELECT k, max(n) FROM (SELECT p.kind, split_part(p.id, '-', 2)::bigint FROM pg_temp.kriya_pending p
                                   UNION ALL SELECT substr(d, 1, 1), split_part(d, '-', 2)::bigint FROM unnest(deleted) d
                                   UNION ALL SELECT * FROM unnest(marks_kinds, marks)) x(k, n)
            WHERE n > 0 GROUP BY k
            ON CONFLICT (kind) DO UPDATE SET last = greatest(kriya_last_id.last, EXCLUDED.last);
          written := ARRAY(SELECT p.id FROM pg_temp.kriya_pending p);
          DELETE FROM pg_temp.kriya_pending;
          INSERT INTO kriya_change (user_name, reload, line, login, xact)
            VALUES (unix_user, reload, line, session_user, txid_current())
            RETURNING kriya_change.seq INTO seq;
          IF audit IS NOT NULL THEN
            INSERT INTO kriya_audit (at, user_name, role, cmd, targets, line, login, xact)
              VALUES (stamp, unix_user, role, kriya_save.cmd,
                      -- whatever the line says, the records written are found by their history
                      -- (all of them but a replacement's, which is about the whole data)
                      ARRAY(SELECT DISTINCT t FROM unnest(coalesce(targets, '{}') || CASE WHEN replace_all THEN '{}' ELSE written END
                                                          || coalesce(deleted, '{}')) t),
                      audit, session_user, txid_current());
          ELSIF NOT replace_all OR EXISTS (SELECT 1 FROM kriya_audit a WHERE a.xact IS DISTINCT FROM txid_current()) THEN
            -- Only a copy into an empty database comes without a line: its trail is the one copied.
            PERFORM kriya_refuse('a change without its audit line');
          END IF;
          PERFORM pg_notify('kriya', seq::text);
          RETURN seq;
        END $$
        """

    /// `kriya copy` into an empty database: the trail as it was written elsewhere (an admin's).
    static let copyAudit = """
        CREATE FUNCTION kriya_copy_audit(ats text[], users text[], roles text[], cmds text[], targets text[], lines text[]) RETURNS void
        LANGUAGE plpgsql SECURITY DEFINER
        AS $$
        BEGIN
          IF (kriya_access()).role <> 'admin' THEN
            PERFORM kriya_refuse(format('%s is not admin; only an admin copies an audit trail in', session_user));
          END IF;
          IF EXISTS (SELECT 1 FROM kriya_change) OR EXISTS (SELECT 1 FROM kriya_audit a WHERE a.xact IS DISTINCT FROM txid_current()) THEN
            PERFORM kriya_refuse('an audit trail is copied only into an empty database');
          END IF;
          INSERT INTO kriya_audit (at, user_name, role, cmd, targets, line, xact)
            SELECT at, u, nullif(r, ''), c, string_to_array(t, ' '), l, txid_current()
            FROM unnest(ats, users, roles, cmds, targets, lines) AS x(at, u, r, c, t, l);
        END $$
        """

    /// Append-only and rising, for every login (the owner may drop a trigger: the owner is the
    /// database's own administrator, outside Kriya's roles).
    static let triggers = [
        """
        CREATE FUNCTION kriya_refuse_trigger() RETURNS trigger LANGUAGE plpgsql
        AS $$ BEGIN RAISE EXCEPTION USING ERRCODE = '42501', MESSAGE = format('kriya: %s on %s: %s', TG_OP, TG_TABLE_NAME, TG_ARGV[0]); END $$
        """,
        "CREATE TRIGGER kriya_audit_kept BEFORE UPDATE OR DELETE ON kriya_audit FOR EACH ROW EXECUTE FUNCTION kriya_refuse_trigger('the audit trail is only ever added to')",
        "CREATE TRIGGER kriya_audit_kept_whole BEFORE TRUNCATE ON kriya_audit FOR EACH STATEMENT EXECUTE FUNCTION kriya_refuse_trigger('the audit trail is only ever added to')",
        "CREATE TRIGGER kriya_change_kept BEFORE UPDATE OR DELETE ON kriya_change FOR EACH ROW EXECUTE FUNCTION kriya_refuse_trigger('saved changes are only ever added to')",
        "CREATE TRIGGER kriya_change_kept_whole BEFORE TRUNCATE ON kriya_change FOR EACH STATEMENT EXECUTE FUNCTION kriya_refuse_trigger('saved changes are only ever added to')",
        "CREATE TRIGGER kriya_last_id_rises BEFORE UPDATE ON kriya_last_id FOR EACH ROW WHEN (NEW.last < OLD.last OR NEW.kind <> OLD.kind) EXECUTE FUNCTION kriya_refuse_trigger('an id once handed out stays used')",
        "CREATE TRIGGER kriya_last_id_kept BEFORE DELETE ON kriya_last_id FOR EACH ROW EXECUTE FUNCTION kriya_refuse_trigger('an id once handed out stays used')",
        "CREATE TRIGGER kriya_last_id_kept_whole BEFORE TRUNCATE ON kriya_last_id FOR EACH STATEMENT EXECUTE FUNCTION kriya_refuse_trigger('an id once handed out stays used')",
    ]

    /// The functions that run as the owner look only in Kriya's schema (then the temporary
    /// one, last: nothing a login makes can stand in for a table); every grant to write a
    /// table directly is taken back (the older docs/postgres-roles.sql gave clerks some).
    static let lockDown = """
        DO $$
        DECLARE g record;
        BEGIN
          EXECUTE format('ALTER FUNCTION kriya_save(text, text, text, text, text, boolean, text, text[], text[], boolean, text[], bigint[], text, boolean, text[], text[], integer[], json[]) SET search_path = %I, pg_temp', current_schema());
          EXECUTE format('ALTER FUNCTION kriya_put_records(text[], text[], integer[], json[]) SET search_path = %I, pg_temp', current_schema());
          EXECUTE format('ALTER FUNCTION kriya_copy_audit(text[], text[], text[], text[], text[], text[]) SET search_path = %I, pg_temp', current_schema());
          REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON kriya_schema, kriya_record, kriya_change, kriya_last_id, kriya_audit, kriya_note, kriya_command_role FROM PUBLIC;
          FOR g IN SELECT DISTINCT a.grantee FROM pg_class c, aclexplode(c.relacl) a
                   WHERE c.relnamespace = current_schema()::regnamespace
                     AND c.relname IN ('kriya_schema', 'kriya_record', 'kriya_change', 'kriya_last_id', 'kriya_audit', 'kriya_note')
                     AND a.privilege_type IN ('INSERT', 'UPDATE', 'DELETE', 'TRUNCATE') AND a.grantee NOT IN (0, c.relowner)
          LOOP
            EXECUTE format('REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON kriya_schema, kriya_record, kriya_change, kriya_last_id, kriya_audit, kriya_note FROM %I',
                           pg_get_userbyid(g.grantee));
          END LOOP;
          IF to_regrole('kriya_viewer') IS NOT NULL THEN GRANT SELECT ON kriya_command_role TO kriya_viewer; END IF;
        END $$
        """

    static var step: [String] {
        ["ALTER TABLE kriya_audit ADD COLUMN login text, ADD COLUMN xact bigint",
         "ALTER TABLE kriya_change ADD COLUMN login text, ADD COLUMN xact bigint",
         "COMMENT ON COLUMN kriya_audit.login IS 'the database login that saved (set by kriya_save); null for lines copied from files'"]
            + access + commandRoles + [doorView] + helpers + [save, copyAudit] + triggers + [lockDown]
    }
}
