import { run } from '../db/db';
import { isUuid, relationSettings } from '../fields/relation-type';
import { META_SCHEMA } from '../metadata/bootstrap';
import { findObject, USER_OBJECT, type FieldDef } from '../model/model';
import { ident, sql } from '../sql/sql';
import type { RecordContext, RecordData } from '../records/context';
import { findMany } from '../records/find';
import { normalizeText } from './read-cell';
import { forEachRecordWithValues } from './records-with-values';

/** Names of a file looked up by search when no title matched them exactly (the rest are reported unknown). */
const MAX_SEARCHES = 1000;
/** Records a search reads: the ones whose title differs from a name only by case are among the first. */
const SEARCH_PAGE = 50;

/**
 * Finds related records by what a spreadsheet calls them: the target's title (a company's name), a user's name or
 * email, or an id, whatever the case and spacing. Names are looked up a chunk at a time (one query per relation field
 * and chunk, then a search for each name that query missed, through the record service, so only records the
 * importer may read are found) and remembered for the rest of the file.
 */
export class RecordLookup {
  readonly #ctx: RecordContext;
  /** Per target object: normalised name → ids of the records with that title. */
  readonly #known = new Map<string, Map<string, string[]>>();
  #users: Map<string, string[]> | undefined;
  /** Names looked up again by search, for the whole file: a file of thousands of unknown names stays cheap. */
  #searchesLeft = MAX_SEARCHES;

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
    const found = (record: RecordData) => {
      const key = normalizeText(String(record[title] ?? ''));
      const ids = known.get(key) ?? [];
      if (!ids.includes(record.id)) ids.push(record.id);
      known.set(key, ids);
    };
    await forEachRecordWithValues(this.#ctx, target, title, missing, found);
    // A spreadsheet's "acme corp" for the stored "Acme Corp": names the exact query missed are searched (the title's
    // full-text index ignores case) and kept where the title is the same text but for case and spacing.
    if (!object.fields.some((f) => f.name === title && f.searchable)) return;
    const stillMissing = missing.filter((n) => known.get(normalizeText(n))!.length === 0);
    for (const name of stillMissing.slice(0, this.#searchesLeft)) {
      this.#searchesLeft -= 1;
      const page = await findMany(this.#ctx, target, { search: name, first: SEARCH_PAGE });
      for (const record of page.records)
        if (normalizeText(String(record[title] ?? '')) === normalizeText(name)) found(record);
    }
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
