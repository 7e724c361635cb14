import type { FieldTypeRegistry } from '../fields/registry';
import { relationKind, relationSettings, type OnDelete } from '../fields/relation-type';
import { findObject, USER_OBJECT, type FieldDef, type Model, type ObjectDef } from '../model/model';
import { indexName, sequenceName, trashName } from '../model/physical-names';
import { ident, join, raw, sql, type Fragment } from '../sql/sql';
import { META_SCHEMA } from '../metadata/bootstrap';
import { userReferenceTriggers } from '../metadata/user-references';
import { isComputed } from '../formulas/computed-fields';
import type { Change } from './plan';
import { classifyRetype } from './retype';

/** What applying one change needs: its DDL, and what it moved to the trash (recorded with the revision). */
export interface ChangeDdl {
  readonly statements: readonly Fragment[];
  readonly trashed?: {
    readonly kind: 'object' | 'field';
    readonly object: string;
    readonly field?: string;
    readonly definition: unknown;
    readonly physical: Record<string, unknown>;
  };
  readonly restored?: number;
}

export interface DdlContext {
  readonly schema: string;
  /** The revision being written (names trash). */
  readonly revision: number;
  /** The model after the plan: relation targets are looked up here. */
  readonly model: Model;
  readonly types: FieldTypeRegistry;
}

const ON_DELETE: Record<OnDelete, string> = { setNull: 'SET NULL', restrict: 'RESTRICT', cascade: 'CASCADE' };

export function changeDdl(change: Change, ctx: DdlContext): ChangeDdl {
  const table = (object: ObjectDef) => ident(ctx.schema, object.table);
  switch (change.kind) {
    case 'createObject': {
      const t = table(change.object);
      const k = change.object.key;
      return {
        statements: [
          sql`CREATE TABLE ${t} (
            "id" uuid PRIMARY KEY,
            "createdAt" timestamptz NOT NULL DEFAULT now(),
            "updatedAt" timestamptz NOT NULL DEFAULT now(),
            "createdBy" uuid,
            "owner" uuid,
            "deletedAt" timestamptz)`,
          // Both refer to stratum.users, checked per statement rather than by foreign keys (user-references.ts).
          ...userReferenceTriggers(t),
          sql`CREATE INDEX ${ident(`${k}_owner`)} ON ${t} ("owner")`,
          sql`CREATE INDEX ${ident(`${k}_created`)} ON ${t} ("createdAt")`,
          sql`CREATE INDEX ${ident(`${k}_updated`)} ON ${t} ("updatedAt")`,
        ],
      };
    }
    case 'restoreObject':
      return {
        statements: [sql`ALTER TABLE ${ident(ctx.schema, change.trashTable)} RENAME TO ${ident(change.object.table)}`],
        restored: change.trashId,
      };
    case 'renameObject':
      return { statements: [sql`ALTER TABLE ${table(change.from)} RENAME TO ${ident(change.to.table)}`] };
    case 'updateObject':
      return { statements: [] };
    case 'removeObject': {
      const trashTable = trashName(change.object.key, ctx.revision);
      return {
        statements: [sql`ALTER TABLE ${table(change.object)} RENAME TO ${ident(trashTable)}`],
        trashed: {
          kind: 'object',
          object: change.object.name,
          definition: change.object,
          physical: { table: trashTable },
        },
      };
    }
    case 'addField':
      return {
        statements: [
          ...addColumns(change.object, change.field, ctx),
          ...fieldIndexes(change.object, change.field, ctx),
        ],
      };
    case 'restoreField': {
      const t = table(change.object);
      const statements = change.trashColumns.map(
        (trashed, i) => sql`ALTER TABLE ${t} RENAME COLUMN ${ident(trashed)} TO ${ident(change.field.columns[i]!)}`,
      );
      if (change.trashJunction && change.field.junctionTable) {
        statements.push(
          sql`ALTER TABLE ${ident(ctx.schema, change.trashJunction)} RENAME TO ${ident(change.field.junctionTable)}`,
        );
      }
      return {
        statements: [
          ...statements,
          ...foreignKey(change.object, change.field, ctx),
          ...fieldIndexes(change.object, change.field, ctx),
        ],
        restored: change.trashId,
      };
    }
    case 'renameField': {
      const t = table(change.object);
      return {
        statements: change.from.columns.map(
          (from, i) => sql`ALTER TABLE ${t} RENAME COLUMN ${ident(from)} TO ${ident(change.to.columns[i]!)}`,
        ),
      };
    }
    case 'updateField':
      return updateField(change.object, change.before, change.after, ctx);
    case 'removeField': {
      const { object, field } = change;
      // Formulas and rollups have no column, index or trash: removing one is a metadata change only.
      if (isComputed(ctx.types, field)) return { statements: [] };
      const columns = field.columns.map((_, i) => trashName(field.key, ctx.revision, String(i)));
      const statements = [
        ...dropFieldIndexes(object, field, ctx),
        ...field.columns.map(
          (column, i) => sql`ALTER TABLE ${table(object)} RENAME COLUMN ${ident(column)} TO ${ident(columns[i]!)}`,
        ),
      ];
      const junction = field.junctionTable ? trashName(field.key, ctx.revision, 'm2m') : undefined;
      if (junction)
        statements.push(sql`ALTER TABLE ${ident(ctx.schema, field.junctionTable!)} RENAME TO ${ident(junction)}`);
      return {
        statements,
        trashed: {
          kind: 'field',
          object: object.name,
          field: field.name,
          definition: field,
          physical: { table: object.table, columns, junction },
        },
      };
    }
    case 'setPipeline':
    case 'removePipeline':
    case 'setWorkflows':
    case 'setRoles':
      return { statements: [] };
  }
}

/** The table a relation points at: another object's, or the users table. */
function targetTable(field: FieldDef, ctx: DdlContext): Fragment {
  const { target } = relationSettings(field);
  if (target === USER_OBJECT) return ident(META_SCHEMA, 'users');
  const object = findObject(ctx.model, target);
  if (!object) throw new Error(`Relation target "${target}" is not in the model`);
  return ident(ctx.schema, object.table);
}

function addColumns(object: ObjectDef, field: FieldDef, ctx: DdlContext): Fragment[] {
  const t = ident(ctx.schema, object.table);
  if (field.type === 'relation' && relationKind(field) === 'manyToMany') {
    const junction = ident(ctx.schema, field.junctionTable!);
    return [
      sql`CREATE TABLE ${junction} (
        "source" uuid NOT NULL REFERENCES ${t} (id) ON DELETE CASCADE,
        "target" uuid NOT NULL REFERENCES ${targetTable(field, ctx)} (id) ON DELETE CASCADE,
        PRIMARY KEY ("source", "target"))`,
      sql`CREATE INDEX ${ident(`${field.key}_m2m_target`)} ON ${junction} ("target", "source")`,
    ];
  }
  const specs = ctx.types.get(field.type).columns(field);
  if (field.type === 'autonumber') {
    const sequence = ident(ctx.schema, sequenceName(field.key));
    const column = ident(field.columns[0]!);
    return [
      sql`CREATE SEQUENCE ${sequence}`,
      // A volatile default numbers existing rows too (PostgreSQL rewrites the table once for this).
      sql`ALTER TABLE ${t} ADD COLUMN ${column} bigint NOT NULL DEFAULT nextval(${raw(`'"${ctx.schema}"."${sequenceName(field.key)}"'`)})`,
      sql`ALTER SEQUENCE ${sequence} OWNED BY ${t}.${column}`,
    ];
  }
  // No default: adding a nullable column without a default only touches the catalog, never the rows.
  const statements = specs.map(
    (spec, i) => sql`ALTER TABLE ${t} ADD COLUMN ${ident(field.columns[i]!)} ${raw(spec.sqlType)}`,
  );
  return [...statements, ...foreignKey(object, field, ctx)];
}

function foreignKey(object: ObjectDef, field: FieldDef, ctx: DdlContext): Fragment[] {
  if (field.type !== 'relation' || relationKind(field) !== 'manyToOne') return [];
  const onDelete = raw(ON_DELETE[relationSettings(field).onDelete]);
  // NOT VALID: the column is new (all NULL) or restored, so checking old rows would only cost a table scan.
  return [
    sql`ALTER TABLE ${ident(ctx.schema, object.table)} ADD CONSTRAINT ${ident(indexName(field.key, 'fk'))}
        FOREIGN KEY (${ident(field.columns[0]!)}) REFERENCES ${targetTable(field, ctx)} (id) ON DELETE ${onDelete} NOT VALID`,
  ];
}

/** Indexes a field needs: btree for relations and indexed fields, unique, and full-text search. */
function fieldIndexes(object: ObjectDef, field: FieldDef, ctx: DdlContext): Fragment[] {
  const column = field.columns[0];
  if (!column) return [];
  const t = ident(ctx.schema, object.table);
  const c = ident(column);
  const statements: Fragment[] = [];
  const isForeignKey = field.type === 'relation';
  if (field.indexed || isForeignKey)
    statements.push(sql`CREATE INDEX ${ident(indexName(field.key, 'idx'))} ON ${t} (${c})`);
  if (field.unique) {
    // Deleted records keep their values but no longer block new ones.
    statements.push(
      sql`CREATE UNIQUE INDEX ${ident(indexName(field.key, 'uq'))} ON ${t} (${c}) WHERE "deletedAt" IS NULL`,
    );
  }
  if (field.searchable) {
    statements.push(
      sql`CREATE INDEX ${ident(indexName(field.key, 'fts'))} ON ${t} USING gin (to_tsvector('simple', coalesce(${c}, '')))`,
    );
  }
  return statements;
}

function dropFieldIndexes(object: ObjectDef, field: FieldDef, ctx: DdlContext): Fragment[] {
  const names = (['idx', 'uq', 'fts'] as const).map((kind) => ident(ctx.schema, indexName(field.key, kind)));
  const statements = [sql`DROP INDEX IF EXISTS ${join(names)}`];
  if (field.type === 'relation' && relationKind(field) === 'manyToOne') {
    statements.push(
      sql`ALTER TABLE ${ident(ctx.schema, object.table)} DROP CONSTRAINT IF EXISTS ${ident(indexName(field.key, 'fk'))}`,
    );
  }
  return statements;
}

function updateField(object: ObjectDef, before: FieldDef, after: FieldDef, ctx: DdlContext): ChangeDdl {
  const t = ident(ctx.schema, object.table);
  const retype = classifyRetype(before, after);
  // Label, option or validation changes touch no index: rebuilding them would cost a scan of every row.
  const indexesChange =
    retype.kind !== 'none' ||
    before.indexed !== after.indexed ||
    before.unique !== after.unique ||
    before.searchable !== after.searchable ||
    before.settings.onDelete !== after.settings.onDelete;
  if (!indexesChange) return { statements: [] };
  const statements: Fragment[] = [...dropFieldIndexes(object, before, ctx)];
  let trashed: ChangeDdl['trashed'];
  if (retype.kind === 'cast') {
    const main = ident(after.columns[0]!);
    if (retype.narrowing) {
      // Keep the old values: the old column goes to the trash and the new one is filled from it.
      const old = trashName(before.key, ctx.revision, 'retype');
      statements.push(
        sql`ALTER TABLE ${t} RENAME COLUMN ${ident(before.columns[0]!)} TO ${ident(old)}`,
        sql`ALTER TABLE ${t} ADD COLUMN ${main} ${raw(retype.sqlType)}`,
        sql`UPDATE ${t} SET ${main} = ${raw(retype.using(old))}`,
      );
      trashed = {
        kind: 'field',
        object: object.name,
        field: before.name,
        definition: before,
        physical: { table: object.table, columns: [old] },
      };
    } else {
      statements.push(
        sql`ALTER TABLE ${t} ALTER COLUMN ${main} TYPE ${raw(retype.sqlType)} USING ${raw(retype.using(before.columns[0]!))}`,
      );
    }
  }
  if (retype.kind === 'cast' || retype.kind === 'storage') {
    // Extra columns (a currency's code) come and go with the type.
    const beforeSpecs = ctx.types.get(before.type).columns(before);
    const afterSpecs = ctx.types.get(after.type).columns(after);
    afterSpecs.forEach((spec, i) => {
      if (i > 0 && !beforeSpecs.some((b) => b.suffix === spec.suffix)) {
        statements.push(sql`ALTER TABLE ${t} ADD COLUMN ${ident(after.columns[i]!)} ${raw(spec.sqlType)}`);
        if (after.type === 'currency') {
          statements.push(
            sql`UPDATE ${t} SET ${ident(after.columns[i]!)} = ${String(after.settings.currency)} WHERE ${ident(after.columns[0]!)} IS NOT NULL`,
          );
        }
      }
    });
    beforeSpecs.forEach((spec, i) => {
      if (i > 0 && !afterSpecs.some((a) => a.suffix === spec.suffix)) {
        statements.push(
          sql`ALTER TABLE ${t} RENAME COLUMN ${ident(before.columns[i]!)} TO ${ident(trashName(before.key, ctx.revision, `c${i}`))}`,
        );
      }
    });
  }
  statements.push(...foreignKey(object, after, ctx), ...fieldIndexes(object, after, ctx));
  return { statements, trashed };
}
