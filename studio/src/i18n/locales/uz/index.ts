import type { PartialTranslation } from '../translation';

export const uz: PartialTranslation = { base: {}, features: {} };
