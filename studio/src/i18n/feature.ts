/** A translation of `T`: the same keys, any strings. */
export type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };

/**
 * The strings of one studio section (workflows, pipelines, …) in every language, kept beside the section's code
 * and mounted under its own key: `featureText({ en: {...}, ru: {...}, ka: {...} })`. Russian and Georgian must
 * have exactly English's keys (a type error otherwise).
 */
export function featureText<T extends object>(text: { en: T; ru: Shape<T>; ka: Shape<T> }) {
  return text;
}
