import { run } from '../db/db';
import { isUuid, relationSettings } from '../fields/relation-type';
import { META_SCHEMA } from '../metadata/bootstrap';
import { findObject, USER_OBJECT, type FieldDef } from '../model/model';
import { ident, sql } from '../sql/sql';
import type { RecordContext } from '../records/context';
import { normalizeText } from './read-cell';
import { forEachRecordWithValues } from './records-with-values';

/**
 * Finds related records by what a spreadsheet calls them: the target's title (a company's name), a user's name or
 * email, or an id. Names are looked up a chunk at a time (one query per relation field and chunk, through the record
 * service, so only records the importer may read are found) and remembered for the rest of the file.
 */
export class RecordLookup {
  readonly #ctx: RecordContext;
  /** Per target object: normalised name → ids of the records with that title. */
  readonly #known = new Map<string, Map<string, string[]>>();
  #users: Map<string, string[]> | undefined;

  constructor(ctx: RecordContext) {
    this.#ctx = ctx;
  }

  /** Looks up the names not seen yet, so that `idsOf` answers for every one of them. */
  async prepare(field: FieldDef, names: Iterable<string>): Promise<void> {
    const target = relationSettings(field).target;
    if (target === USER_OBJECT) {
      this.#users ??= await this.#loadUsers();
      return;
    }
    const known = this.#targetCache(target);
    const missing = [...new Set([...names].filter((n) => !isUuid(n) && !known.has(normalizeText(n))))];
    if (missing.length === 0) return;
    const object = findObject(this.#ctx.model, target);
    const title = object?.titleField ?? object?.fields.find((f) => f.type === 'text')?.name;
    for (const name of missing) known.set(normalizeText(name), []);
    if (!object || !title) return;
    await forEachRecordWithValues(this.#ctx, target, title, missing, (record) => {
      const key = normalizeText(String(record[title] ?? ''));
      const ids = known.get(key) ?? [];
      if (!ids.includes(record.id)) ids.push(record.id);
      known.set(key, ids);
    });
  }

  /** The ids a name stands for (none: unknown; several: ambiguous). An id stands for itself. */
  idsOf(field: FieldDef, name: string): readonly string[] {
    if (isUuid(name)) return [name.toLowerCase()];
    const target = relationSettings(field).target;
    const cache = target === USER_OBJECT ? this.#users : this.#known.get(target);
    return cache?.get(normalizeText(name)) ?? [];
  }

  #targetCache(target: string): Map<string, string[]> {
    let cache = this.#known.get(target);
    if (!cache) this.#known.set(target, (cache = new Map()));
    return cache;
  }

  /** The workspace's directory of people, by name and by email (every member may point a record at any of them). */
  async #loadUsers(): Promise<Map<string, string[]>> {
    const { rows } = await run<{ id: string; name: string; email: string }>(
      this.#ctx.db,
      sql`SELECT u.id, u.name, u.email FROM ${ident(META_SCHEMA, 'users')} u
          JOIN ${ident(META_SCHEMA, 'memberships')} m ON m."userId" = u.id AND m.workspace = ${this.#ctx.model.workspace}
          WHERE u.active`,
    );
    const users = new Map<string, string[]>();
    const add = (key: string, id: string) => {
      if (!key) return;
      const ids = users.get(key) ?? [];
      if (!ids.includes(id)) ids.push(id);
      users.set(key, ids);
    };
    for (const user of rows) {
      add(normalizeText(user.name), user.id);
      add(normalizeText(user.email), user.id);
    }
    return users;
  }
}
