import DataLoader from 'dataloader';
import {
  isComputedField,
  loadByIds,
  loadRelated,
  relationSettings,
  type FieldDef,
  type FindManyOptions,
  type Page,
  type RecordContext,
  type RecordData,
} from '@stratum/runtime';

export interface UserRow {
  readonly id: string;
  readonly email: string;
  readonly name: string;
}

/**
 * Per-request batch loaders (DataLoader): every relation on a page is fetched with one query per relation
 * kind, whatever the page size. New for each request, so nothing is cached across users.
 */
export class Loaders {
  readonly #ctx: RecordContext;
  readonly #records = new Map<string, DataLoader<string, RecordData | null>>();
  readonly #related = new Map<string, DataLoader<string, Page>>();
  #users?: DataLoader<string, UserRow | null>;

  constructor(ctx: RecordContext) {
    this.#ctx = ctx;
  }

  /**
   * Live records of an object by id (many-to-one relations), with the computed fields in `computed` (all of
   * them when absent): one loader per object and set of computed fields, so a query that shows none of a
   * company's formulas computes none.
   */
  record(object: string, computed?: Iterable<string>): DataLoader<string, RecordData | null> {
    const names = computed && this.#computedAmong(object, computed);
    const key = `${object}:${names ? names.join(',') : '*'}`;
    let loader = this.#records.get(key);
    if (!loader) {
      loader = new DataLoader(async (ids) => {
        const found = await loadByIds(this.#ctx, object, ids, names);
        return ids.map((id) => found.get(id) ?? null);
      });
      this.#records.set(key, loader);
    }
    return loader;
  }

  /**
   * Pages of a to-many relation for many parents, one loader per distinct set of arguments (`computed` counts
   * by the computed fields it names, as for `record`).
   */
  related(
    object: string,
    field: string,
    options: Omit<FindManyOptions, 'search' | 'deleted'>,
  ): DataLoader<string, Page> {
    const relation = this.#fieldsOf(object).find((f) => f.name === field);
    const args =
      options.computed && relation
        ? { ...options, computed: this.#computedAmong(relationSettings(relation).target, options.computed) }
        : options;
    const key = `${object}.${field}:${JSON.stringify(args)}`;
    let loader = this.#related.get(key);
    if (!loader) {
      loader = new DataLoader(async (parents) => {
        const pages = await loadRelated(this.#ctx, object, field, parents, args);
        return parents.map((id) => pages.get(id)!);
      });
      this.#related.set(key, loader);
    }
    return loader;
  }

  /**
   * The computed fields of `object` among `selected`, sorted: the only names that change what a read computes,
   * so selections that differ in stored fields share one loader and one query.
   */
  #computedAmong(object: string, selected: Iterable<string>): string[] {
    const fields = this.#fieldsOf(object);
    return [...selected]
      .filter((name) => fields.some((f) => f.name === name && isComputedField(this.#ctx.types, f)))
      .sort();
  }

  #fieldsOf(object: string): readonly FieldDef[] {
    return this.#ctx.model.objects.find((o) => o.name === object)?.fields ?? [];
  }

  users(): DataLoader<string, UserRow | null> {
    this.#users ??= new DataLoader(async (ids) => {
      const { rows } = await this.#ctx.db.query<UserRow>(
        'SELECT id, email, name FROM stratum.users WHERE id = ANY($1::uuid[])',
        [ids],
      );
      const byId = new Map(rows.map((r) => [r.id, r]));
      return ids.map((id) => byId.get(id) ?? null);
    });
    return this.#users;
  }
}
