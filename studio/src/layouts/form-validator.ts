import { schemaValidator } from '../components/schema-validator';

/**
 * The validator of record forms: ajv with the formats Stratum's field types name in their JSON Schema
 * (runtime/src/fields/*-types.ts) besides the standard ones. Phone numbers, money, percentages, addresses and
 * relations are checked by the server when the record is written; here they only must not be "unknown".
 */
const customFormats = {
  phone: () => true,
  percent: () => true,
  currency: () => true,
  address: () => true,
  relation: () => true,
};

export const recordFormValidator = (language: string) => schemaValidator(language, { customFormats }, 'record');
