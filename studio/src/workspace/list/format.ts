/**
 * The list's own value forms (autonumbers, addresses); money, numbers, percents and dates are the workspace's,
 * in ../format. Pure functions, so cells and exports of the screen agree.
 */

/** `TCK-00042`: the autonumber's prefix and padding. */
export function formatAutonumber(value: number, settings: unknown): string {
  const { prefix = '', padding = 0 } = (settings ?? {}) as { prefix?: string; padding?: number };
  return `${prefix}${String(value).padStart(padding, '0')}`;
}

export function formatAddress(value: Record<string, unknown>): string {
  return ['street', 'city', 'region', 'postalCode', 'country']
    .map((key) => value[key])
    .filter((part): part is string => typeof part === 'string' && part !== '')
    .join(', ');
}
