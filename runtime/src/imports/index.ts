export { importRecords, ImportCancelled, type ImportHooks } from './import-records';
export * from './import-types';
export { parseNumber } from './read-cell';
