/**
 * Stratum's runtime: the engine without HTTP. The server, the CLI, plugins and tests use only what this
 * file exports (DESIGN.md "Layout").
 */
export * from './errors';
export { type Db, type QueryResult, run, countingDb } from './db/db';
export { openDatabase, type DatabaseConfig } from './db/open-database';
export { openPostgres } from './db/postgres-db';
export { openPglite } from './db/pglite-db';
export { sql, ident, raw, join, compile, type Fragment } from './sql/sql';

export * from './model/model';
export { WORKSPACE_NAME } from './model/physical-names';
export { SYSTEM_FIELDS, allFields } from './model/system-fields';
export { conditionTarget } from './model/condition-targets';

export { type FieldType, type ColumnSpec, type ConvertResult, type GraphQLTypeNames } from './fields/field-type';
export { createFieldTypeRegistry, CORE_FIELD_TYPES, type FieldTypeRegistry } from './fields/registry';
export { settingsSchema } from './fields/settings-schema';
export { selectOptions, optionValues } from './fields/choice-types';
export { relationKind, relationSettings, type RelationSettings } from './fields/relation-type';
export { minorUnits } from './fields/number-types';
export { fieldValueType, isComputed as isComputedField } from './formulas/computed-fields';
export { RESULT_TYPES, ROLLUP_FUNCTIONS, type ResultType, type RollupFunction } from './formulas/expression';
export { checkFormula, type FormulaCheck, type FormulaDraft, type FormulaProblem } from './formulas/check-formula';
export { syncStoredRollups } from './formulas/stored-rollups';

export { parseManifest } from './manifest/parse-manifest';
export { type Manifest, type ObjectSpec, type FieldSpec, NAME_PATTERN } from './manifest/manifest';

export { bootstrapMetaSchema, META_SCHEMA } from './metadata/bootstrap';
export { ensureWorkspace, loadModel, currentRevision, emptyModel, DEFAULT_WORKSPACE } from './metadata/workspace';

export { applyManifest, applyParsedManifest, type ApplyOptions, type ApplyResult } from './migrator/apply';
export { diffModel } from './migrator/diff';
export { exportManifest } from './migrator/export';
export { describeChange, isDestructive, type Change, type Plan } from './migrator/plan';
export { listRevisions, revertRevision, type Revision } from './migrator/revisions';
export { purgeTrash } from './migrator/purge';

export * from './conditions';

export { type RecordContext, type Actor, type RecordData, SYSTEM_ACTOR } from './records/context';
export {
  findMany,
  findOne,
  countRecords,
  DEFAULT_PAGE_SIZE,
  MAX_PAGE_SIZE,
  type FindManyOptions,
  type Page,
} from './records/find';
export { type OrderBy, type Direction } from './records/order';
export { createMany, createRecord, updateMany, updateRecord, type UpdateItem } from './records/write';
export { deleteRecord, restoreRecord, destroyRecord } from './records/lifecycle';
export { deleteMany } from './records/delete-many';
export { convertRecord, type ConversionChoice, type ConversionResult, type ConvertedTarget } from './records/convert';
export { conversionPreview, type ConversionPreview, type TargetPreview } from './records/conversion-preview';
export { loadByIds, loadRelated } from './records/relations';
export { recordHistory, type HistoryEntry } from './records/history';
export { stageDurations, type StageDuration, type StageDurationOptions } from './records/stage-durations';
export { loadSampleData, type SampleData } from './records/sample-data';
export { checkValidationRules } from './validation/check-validation-rules';
export { closeDefaultScriptRunner } from './validation/default-runner';
export {
  aggregate,
  GRANULARITIES,
  type AggregateOptions,
  type AggregateGroup,
  type GroupBy,
  type Granularity,
} from './records/aggregate';
export {
  editModel,
  createObject,
  updateObject,
  deleteObject,
  createField,
  updateField,
  deleteField,
  saveRole,
  deleteRole,
  savePipeline,
  deletePipeline,
} from './migrator/model-edits';
export { buildAccess, type Access } from './access/access';
export { ACTIONS, ADMIN_ROLE, roleSchema, type Action, type RoleDef, type RuleDef } from './access/role';
export { type UserValues, SAMPLE_USER } from './access/user-values';
export {
  shareRecord,
  unshareRecord,
  recordShares,
  type Share,
  type ShareAccess,
  type ShareWith,
} from './records/sharing';
export {
  workflowSchema,
  findWorkflow,
  triggerSchema,
  stepSchema,
  type WorkflowDef,
  type TriggerDef,
  type StepDef,
} from './workflows/definition';
export { memberAccess } from './access/member-access';
export * from './workflows';
export * from './notifications/notifications';
export * from './scripts';

export { listViews, findView, saveView, deleteView, managesViews, type SavedView } from './views/views';
export { type ViewInput, type ViewSort } from './views/view-input';
export * from './imports';
