import type { ValidatorType } from '@rjsf/utils';
import { customizeValidator, type CustomValidatorOptionsType } from '@rjsf/validator-ajv8';
import localizeRu from 'ajv-i18n/localize/ru';

/**
 * The JSON Schema validators of the studio's generated forms, with ajv's messages in the user's language
 * (ajv-i18n has Russian; it has no Georgian yet, so Georgian forms read ajv's English messages).
 */
const LOCALIZERS: Record<string, typeof localizeRu> = { ru: localizeRu };

const cache = new Map<string, ValidatorType>();

export function schemaValidator(language: string, options: CustomValidatorOptionsType = {}, kind = 'default') {
  const key = `${kind}:${language}`;
  let validator = cache.get(key);
  if (!validator) {
    validator = customizeValidator(options, LOCALIZERS[language]);
    cache.set(key, validator);
  }
  return validator;
}
