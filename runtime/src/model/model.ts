/**
 * The resolved metadata model of one workspace: plain, frozen data that every other module interprets
 * (DESIGN.md decision 1). It is what a manifest becomes after validation, plus the physical names the
 * migrator chose (tables, columns, junction tables), which never appear in a manifest.
 *
 * Terminology: an *object* is an entity type (Deal) stored in one table; a *field* is one attribute
 * stored in zero (to-many relations), one or two (currency) columns; *system fields* exist on every object.
 */

/** A label in one language, or per locale: `{ en: "Deal", ka: "გარიგება" }`. */
export type Label = string | Readonly<Record<string, string>>;

export interface SelectOption {
  readonly value: string;
  readonly label: Label;
  readonly color?: string | undefined;
}

/** Type-specific settings as the manifest gave them (validated); field types read them with their defaults. */
export type FieldSettings = Readonly<Record<string, unknown>>;

export interface FieldDef {
  readonly name: string;
  readonly type: string;
  /** As the manifest gave it; `fieldLabel` derives one from the name when absent. */
  readonly label?: Label | undefined;
  readonly description?: string | undefined;
  readonly required: boolean;
  readonly unique: boolean;
  readonly indexed: boolean;
  readonly searchable: boolean;
  readonly default?: unknown;
  readonly settings: FieldSettings;
  /** Stable physical identity (names its indexes, junction table, trash); never changes on rename. */
  readonly key: string;
  /** Physical columns, main column first; empty for to-many relations. */
  readonly columns: readonly string[];
  /** Physical junction table of a many-to-many relation. */
  readonly junctionTable?: string | undefined;
  /** System fields (id, createdAt, …) are on every object and cannot be changed. */
  readonly system: boolean;
}

export interface ObjectDef {
  readonly name: string;
  readonly pluralName: string;
  readonly label?: Label | undefined;
  readonly labelPlural?: Label | undefined;
  readonly description?: string | undefined;
  readonly titleField?: string | undefined;
  /** Stable physical identity; never changes on rename. */
  readonly key: string;
  /** Physical table in the workspace schema. */
  readonly table: string;
  readonly fields: readonly FieldDef[];
  /** Checked on every create and update (validation/); absent when the object has none. */
  readonly validationRules?: readonly ValidationRuleDef[] | undefined;
  /** How the object's record form groups its fields; absent: every field in one section, in field order. */
  readonly layout?: FormLayoutDef | undefined;
  /** How a record of this object converts into records of others (a lead into a company, contact and deal). */
  readonly conversion?: ConversionDef | undefined;
}

/**
 * A conversion: the records one record becomes, made (or picked) in order in one transaction, then the
 * source record is updated. Terminology: the *source* is the record converted; a *target* is one record
 * it becomes, named by its `key`; a *reference* is a mapped value `$<key>` (the id of an earlier target)
 * or `$source` (the source's id); any other mapped value names a field of the source.
 */
export interface ConversionDef {
  readonly targets: readonly ConversionTargetDef[];
  /** Written to the source once the targets exist; a source that already has these values is converted. */
  readonly update: Readonly<Record<string, unknown>>;
}

/** The mapped value naming the source record's own id. */
export const SOURCE_REFERENCE = '$source';

export interface ConversionTargetDef {
  /** An API name, unique in the conversion; `$<key>` refers to this target's record. */
  readonly key: string;
  readonly object: string;
  readonly label?: Label | undefined;
  /** True: the person converting may skip this target. */
  readonly optional?: boolean | undefined;
  /** Target field → a source field name, `$<key>` or `$source`. */
  readonly fields: Readonly<Record<string, string>>;
  /** A target field whose value (as mapped from the source) finds existing records to use instead. */
  readonly match?: string | undefined;
}

/**
 * A record form's layout: sections in order, each a grid of fields. Terminology: a *placed* field is one
 * some section lists (each at most once); the others are *unplaced* and left out of the form.
 */
export interface FormLayoutDef {
  readonly sections: readonly LayoutSectionDef[];
}

export interface LayoutSectionDef {
  /** An API name, unique in the layout. */
  readonly name: string;
  readonly label?: Label | undefined;
  /** Grid columns at full width (forms fall back to one column on phones). */
  readonly columns: 1 | 2 | 3;
  /** Field names in display order, row by row. */
  readonly fields: readonly string[];
  /** The section shows only while the record meets this condition (the one condition language, mongo spelling). */
  readonly visibleWhen?: Readonly<Record<string, unknown>> | undefined;
}

/**
 * A validation rule: what every record of an object must satisfy when it is written, as a condition (the
 * one condition language, stating what a VALID record meets) or as a script (a function body run in the
 * QuickJS sandbox that returns true, false or a message). Exactly one of `condition` and `script` is set.
 */
export interface ValidationRuleDef {
  readonly name: string;
  readonly label?: Label | undefined;
  /** What a refused write says (`validation rule "discountLimit" failed: <message>`). */
  readonly message: string;
  /** Fields the error is reported on, as written; absent: the fields the condition reads (none for a script). */
  readonly fields?: readonly string[] | undefined;
  readonly condition?: Readonly<Record<string, unknown>> | undefined;
  readonly script?: string | undefined;
  /** False turns the rule off; it is still checked when the manifest is applied. */
  readonly active: boolean;
}

export interface StageDef {
  readonly name: string;
  readonly label?: Label | undefined;
  readonly probability: number;
  readonly won?: boolean | undefined;
  readonly lost?: boolean | undefined;
  readonly color?: string | undefined;
}

export interface PipelineDef {
  readonly object: string;
  readonly field: string;
  readonly label?: Label | undefined;
  readonly stages: readonly StageDef[];
}

export interface Model {
  readonly workspace: string;
  /** The PostgreSQL schema holding this workspace's records. */
  readonly schema: string;
  readonly revision: number;
  readonly objects: readonly ObjectDef[];
  readonly pipelines: readonly PipelineDef[];
  /** Kept and exported as given; validated by the workflow and permission modules. */
  readonly workflows: readonly unknown[];
  readonly roles: readonly unknown[];
}

/** Names every object has; a manifest may not declare them. */
export const SYSTEM_FIELD_NAMES = ['id', 'createdAt', 'updatedAt', 'createdBy', 'owner', 'deletedAt'] as const;
/** Names that would clash with the filter language (`and`, `or`, `not`). */
export const RESERVED_FIELD_NAMES: readonly string[] = [...SYSTEM_FIELD_NAMES, 'and', 'or', 'not'];
/** Object names taken by built-in objects. */
export const RESERVED_OBJECT_NAMES: readonly string[] = [
  // Built-in objects and the API's own root fields (`createField`, `teams`, `me`…) must not collide with
  // the names generated for objects (`create<Object>`, `<plural>`).
  'user',
  'users',
  'workspace',
  'revision',
  'revisions',
  'query',
  'mutation',
  'object',
  'objects',
  'field',
  'fields',
  'team',
  'teams',
  'role',
  'roles',
  'pipeline',
  'pipelines',
  // The designer's root fields (`fieldTypes`, `checkFormula`).
  'fieldType',
  'fieldTypes',
  'checkFormula',
  'me',
  'apiKey',
  'apiKeys',
  'manifest',
  'exportManifest',
  'metadataRevision',
  'auditLog',
  'recordShare',
  'recordShares',
  // Workflow root fields (`workflows`, `createWorkflow`, `approvals`, `notifications`…).
  'workflow',
  'workflows',
  'workflowRun',
  'workflowRuns',
  'workflowStepTypes',
  'manualWorkflows',
  'approval',
  'approvals',
  // The approvals inbox (`myApprovals`, its `PendingApproval` and `ApprovalRecord` types).
  'myApproval',
  'myApprovals',
  'pendingApproval',
  'pendingApprovals',
  'approvalRecord',
  'approvalRecords',
  'notification',
  'notifications',
  // The record page's timeline (`recordHistory`, its `HistoryEntry` type).
  'recordHistory',
  'recordHistories',
  'historyEntry',
  'historyEntries',
  // Record conversion's root fields (`conversionPreview`, `convertRecord`).
  'conversionPreview',
  'conversionPreviews',
];

/** The built-in user object relations may point at (`{ type: "relation", target: "user" }`). */
export const USER_OBJECT = 'user';

export function findObject(model: Pick<Model, 'objects'>, name: string): ObjectDef | undefined {
  return model.objects.find((o) => o.name === name);
}

export function findField(object: ObjectDef, name: string): FieldDef | undefined {
  return object.fields.find((f) => f.name === name);
}

/** Text of a label in a locale, falling back to English, then to any translation. */
export function labelText(label: Label, locale = 'en'): string {
  if (typeof label === 'string') return label;
  return label[locale] ?? label.en ?? Object.values(label)[0] ?? '';
}

/** "closeDate" → "Close date": the label of a field or object that has none. */
export function humanize(name: string): string {
  const words = name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function fieldLabel(field: FieldDef, locale = 'en'): string {
  return field.label ? labelText(field.label, locale) : humanize(field.name);
}

export function objectLabel(object: ObjectDef, locale = 'en'): string {
  return object.label ? labelText(object.label, locale) : humanize(object.name);
}
