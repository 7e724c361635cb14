/**
 * A record's `owner` and `createdBy` refer to `stratum.users`, which every workspace shares. They are
 * kept right by triggers rather than foreign keys. A foreign key checks each inserted row with its own
 * query, and in a bulk load that was a fifth of the database's work (the import bench: 200,000 leads
 * inserted in 6.2–6.7 s with the two foreign keys, 4.9–5.0 s with the statement's check).
 *
 * What a foreign key did, the triggers do too:
 * - an insert checks, once per statement, that the users it names exist, and locks them FOR KEY SHARE
 *   until commit, so none is deleted under it;
 * - an update that changes either column checks the new user, row by row (such updates are few);
 * - deleting users sets these columns to null wherever they name them (ON DELETE SET NULL), in every
 *   table that has the insert trigger.
 *
 * A violation is SQLSTATE 23503 whose constraint is the column's name, so callers tell it apart from
 * other foreign keys (records/constraint-errors.ts).
 */
import { ident, inlineSql, raw, sql, type Fragment } from '../sql/sql';

/** The transition table of the insert trigger: a name no table or alias of the runtime has. */
const NEW_ROWS = '_user_refs_new';
const INSERT_TRIGGER = '_user_refs';
const UPDATE_TRIGGER = '_user_refs_update';

function violation(column: string, value: string): string {
  return `RAISE EXCEPTION 'insert or update on table "%" violates the user reference of column "${column}"', TG_TABLE_NAME
        USING ERRCODE = 'foreign_key_violation', CONSTRAINT = '${column}',
              DETAIL = format('Key (${column})=(%s) is not present in table "users".', ${value});`;
}

/** The shared functions, created by a step of the metadata schema's migrations (bootstrap.ts). */
export const USER_REFERENCE_FUNCTIONS = `
  CREATE OR REPLACE FUNCTION stratum.check_user_refs() RETURNS trigger LANGUAGE plpgsql AS $fn$
  DECLARE
    missing record;
  BEGIN
    PERFORM 1 FROM stratum.users u
      WHERE u.id IN (SELECT n.owner FROM ${NEW_ROWS} n UNION SELECT n."createdBy" FROM ${NEW_ROWS} n)
      ORDER BY u.id FOR KEY SHARE;
    SELECT r.col, r.id INTO missing
      FROM (SELECT 'owner' AS col, n.owner AS id FROM ${NEW_ROWS} n
            UNION SELECT 'createdBy', n."createdBy" FROM ${NEW_ROWS} n) r
      WHERE r.id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM stratum.users u WHERE u.id = r.id)
      LIMIT 1;
    IF FOUND THEN
      IF missing.col = 'owner' THEN
        ${violation('owner', 'missing.id')}
      END IF;
      ${violation('createdBy', 'missing.id')}
    END IF;
    RETURN NULL;
  END $fn$;

  CREATE OR REPLACE FUNCTION stratum.check_user_refs_row() RETURNS trigger LANGUAGE plpgsql AS $fn$
  BEGIN
    IF NEW.owner IS DISTINCT FROM OLD.owner AND NEW.owner IS NOT NULL THEN
      PERFORM 1 FROM stratum.users WHERE id = NEW.owner FOR KEY SHARE;
      IF NOT FOUND THEN
        ${violation('owner', 'NEW.owner')}
      END IF;
    END IF;
    IF NEW."createdBy" IS DISTINCT FROM OLD."createdBy" AND NEW."createdBy" IS NOT NULL THEN
      PERFORM 1 FROM stratum.users WHERE id = NEW."createdBy" FOR KEY SHARE;
      IF NOT FOUND THEN
        ${violation('createdBy', 'NEW."createdBy"')}
      END IF;
    END IF;
    RETURN NULL;
  END $fn$;

  CREATE OR REPLACE FUNCTION stratum.clear_user_refs() RETURNS trigger LANGUAGE plpgsql AS $fn$
  DECLARE
    ids uuid[];
    tbl regclass;
  BEGIN
    SELECT array_agg(id) INTO ids FROM _users_gone;
    FOR tbl IN SELECT tgrelid::regclass FROM pg_trigger WHERE tgname = '${INSERT_TRIGGER}' LOOP
      EXECUTE format('UPDATE %s SET owner = NULL WHERE owner = ANY ($1)', tbl) USING ids;
      EXECUTE format('UPDATE %s SET "createdBy" = NULL WHERE "createdBy" = ANY ($1)', tbl) USING ids;
    END LOOP;
    RETURN NULL;
  END $fn$;

  CREATE TRIGGER clear_user_refs AFTER DELETE ON stratum.users
    REFERENCING OLD TABLE AS _users_gone FOR EACH STATEMENT EXECUTE FUNCTION stratum.clear_user_refs();`;

/** The triggers a record table gets, as statements (`table` is its quoted, schema-qualified name). */
export function userReferenceTriggers(table: Fragment): Fragment[] {
  return [
    sql`CREATE OR REPLACE TRIGGER ${ident(INSERT_TRIGGER)} AFTER INSERT ON ${table}
        REFERENCING NEW TABLE AS ${ident(NEW_ROWS)} FOR EACH STATEMENT EXECUTE FUNCTION stratum.check_user_refs()`,
    sql`CREATE OR REPLACE TRIGGER ${ident(UPDATE_TRIGGER)} AFTER UPDATE OF "owner", "createdBy" ON ${table}
        FOR EACH ROW WHEN (NEW."owner" IS DISTINCT FROM OLD."owner" OR NEW."createdBy" IS DISTINCT FROM OLD."createdBy")
        EXECUTE FUNCTION stratum.check_user_refs_row()`,
  ];
}

/**
 * Record tables of workspaces made when these columns had foreign keys: their foreign keys are replaced
 * by the triggers, once (a DO block of ensureWorkspace; it finds nothing to do afterwards).
 */
export function userReferencesFromForeignKeys(schema: string): string {
  // format() fills in each table; the statements have no other `%`. Each is a text literal in the block.
  const [insert, update] = userReferenceTriggers(raw('%1$s')).map((statement) =>
    inlineSql(sql`${inlineSql(statement)}`),
  );
  const schemaName = inlineSql(sql`${inlineSql(ident(schema))}`);
  return `DO $users$
    DECLARE
      fk record;
    BEGIN
      FOR fk IN
        SELECT c.conrelid::regclass AS tbl, c.conname
          FROM pg_constraint c
          JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
         WHERE c.contype = 'f' AND c.confrelid = 'stratum.users'::regclass AND cardinality(c.conkey) = 1
           AND a.attname IN ('owner', 'createdBy') AND c.confdeltype = 'n'
           -- Record tables (trashed ones too) only: other tables' user columns keep their foreign keys.
           AND EXISTS (SELECT 1 FROM pg_attribute d WHERE d.attrelid = c.conrelid AND d.attname = 'deletedAt')
           AND c.connamespace = ${schemaName}::regnamespace
      LOOP
        EXECUTE format('ALTER TABLE %s DROP CONSTRAINT %I', fk.tbl, fk.conname);
        EXECUTE format(${insert!}, fk.tbl);
        EXECUTE format(${update!}, fk.tbl);
      END LOOP;
    END $users$;`;
}
