/**
 * What a board is made of, worked out from metadata alone (no React, no requests) so that it can be read and
 * tested on its own.
 *
 * Terminology: a *column* is an open stage of the pipeline (neither won nor lost), shown in pipeline order; a
 * *closing zone* is a won or lost stage, shown as a drop target at the bottom of the board; the *amount field*
 * is the money (else number) field whose sums the column headers show.
 */
import type { WorkspaceField, WorkspaceObject } from '../record-api';
import { namedType, relationTarget } from '../record-api';
import type { WorkspacePipeline, WorkspaceStage } from '../use-workspace-model';

/** The pipelines of an object, and the one `?field=` names (the first when it names none). */
export function choosePipeline(
  pipelines: readonly WorkspacePipeline[],
  object: string,
  field: string | null,
): { readonly all: readonly WorkspacePipeline[]; readonly chosen: WorkspacePipeline | undefined } {
  const all = pipelines.filter((p) => p.object === object);
  return { all, chosen: all.find((p) => p.field === field) ?? all[0] };
}

/** The first currency field of the object, else its first number field (fields the user may read). */
export function amountFieldOf(object: WorkspaceObject): WorkspaceField | undefined {
  const readable = object.fields.filter((f) => f.graphqlType !== null);
  return readable.find((f) => f.type === 'currency') ?? readable.find((f) => f.type === 'number');
}

export const isClosing = (stage: WorkspaceStage): boolean => stage.won || stage.lost;

export const openStages = (pipeline: WorkspacePipeline): readonly WorkspaceStage[] =>
  pipeline.stages.filter((s) => !isClosing(s));

export const closingStages = (pipeline: WorkspacePipeline): readonly WorkspaceStage[] =>
  pipeline.stages.filter(isClosing);

/** One currency's part of a stage's sum (`currency` null for a plain number field). */
export interface StageSum {
  readonly currency: string | null;
  readonly sum: number;
  /** `sum × stage probability / 100` */
  readonly weighted: number;
}

export interface StageTotals {
  readonly count: number;
  /** Per currency, largest first; amounts of different currencies are never added together. */
  readonly sums: readonly StageSum[];
}

export const NO_TOTALS: StageTotals = { count: 0, sums: [] };

/** A group of `<plural>Aggregate` as the board asks for it: by stage, and for money also by currency. */
export interface AggregateGroup {
  readonly key: Readonly<Record<string, unknown>>;
  readonly count: number;
  readonly sum?: Readonly<Record<string, number | null>>;
}

/**
 * The totals of every stage, from the groups of one aggregate query grouped by the stage field (and by the
 * amount field when it is money, which groups by currency code).
 */
export function stageTotals(
  groups: readonly AggregateGroup[],
  pipeline: WorkspacePipeline,
  amount: WorkspaceField | undefined,
): ReadonlyMap<string, StageTotals> {
  const totals = new Map<string, { count: number; sums: Map<string | null, number> }>();
  for (const group of groups) {
    const stage = group.key[pipeline.field];
    if (typeof stage !== 'string') continue;
    const entry = totals.get(stage) ?? { count: 0, sums: new Map<string | null, number>() };
    entry.count += group.count;
    const sum = amount ? group.sum?.[amount.name] : null;
    if (amount && typeof sum === 'number') {
      const code = amount.type === 'currency' ? group.key[amount.name] : null;
      const currency = typeof code === 'string' ? code : null;
      entry.sums.set(currency, (entry.sums.get(currency) ?? 0) + sum);
    }
    totals.set(stage, entry);
  }
  const probability = new Map(pipeline.stages.map((s) => [s.name, s.probability]));
  return new Map(
    [...totals].map(([stage, { count, sums }]) => [
      stage,
      {
        count,
        sums: [...sums]
          .map(([currency, sum]) => ({ currency, sum, weighted: (sum * (probability.get(stage) ?? 0)) / 100 }))
          .sort((a, b) => b.sum - a.sum),
      },
    ]),
  );
}

/** The groupBy of the board's aggregate query. */
export function totalsGroupBy(pipeline: WorkspacePipeline, amount: WorkspaceField | undefined) {
  return amount?.type === 'currency'
    ? [{ field: pipeline.field }, { field: amount.name }]
    : [{ field: pipeline.field }];
}

/**
 * What a card shows besides its title and amount: the first to-one relation to another record (a deal's
 * company) and the owner, when the user may read them.
 */
export function cardRelations(object: WorkspaceObject): readonly WorkspaceField[] {
  const toOne = object.fields.filter(
    (f) =>
      f.graphqlType !== null && !namedType(f.graphqlType).endsWith('Connection') && relationTarget(f) !== undefined,
  );
  const related = toOne.find((f) => !f.system && relationTarget(f) !== 'user');
  const owner = toOne.find((f) => f.name === 'owner');
  return [related, owner].filter((f): f is WorkspaceField => f !== undefined);
}

/** The names of the fields a card needs: the title, the stage, the amount, the relations, the order field. */
export function cardFieldNames(
  object: WorkspaceObject,
  pipeline: WorkspacePipeline,
  amount: WorkspaceField | undefined,
): readonly string[] {
  return [
    object.titleField,
    pipeline.field,
    amount?.name,
    'updatedAt',
    ...cardRelations(object).map((f) => f.name),
  ].filter((n): n is string => typeof n === 'string');
}

/** The default currency of a money field (`settings.currency`), for quick-create. */
export function defaultCurrency(field: WorkspaceField): string | undefined {
  const code = (field.settings as { currency?: unknown } | null)?.currency;
  return typeof code === 'string' ? code : undefined;
}
