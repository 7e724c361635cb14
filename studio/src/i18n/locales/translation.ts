import type { Shape } from '../feature';
import type { en } from '../en';
import type { FEATURES } from '../features';

type Features = typeof FEATURES;

/**
 * A whole studio translation kept in one folder per language (`locales/kk/…`): the shell's strings and every
 * section's, with exactly English's keys. Languages added after the first three live here rather than beside
 * each section, so a translator works in one place.
 */
export interface Translation {
  readonly base: Shape<typeof en>;
  readonly features: { readonly [K in keyof Features]: Shape<Features[K]['en']> };
}

type DeepPartial<T> = { readonly [K in keyof T]?: T[K] extends string ? string : DeepPartial<T[K]> };

/** A translation still being written: missing strings fall back to English. */
export type PartialTranslation = DeepPartial<Translation>;
