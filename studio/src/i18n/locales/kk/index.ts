import type { PartialTranslation } from '../translation';

export const kk: PartialTranslation = { base: {}, features: {} };
