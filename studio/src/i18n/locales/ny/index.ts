import type { PartialTranslation } from '../translation';

export const ny: PartialTranslation = { base: {}, features: {} };
