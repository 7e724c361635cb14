import {
  formatAmount,
  formatDate,
  formatDateTime,
  formatMoney,
  formatNumber,
  formatPercent,
  formatWhen,
  intlLocales,
  moneyOf,
  relativeDays,
  relativeTime,
} from './format';
import { formatCompact } from './board/money';

// Intl may separate a currency sign from the number with a (narrow) no-break space: compare with plain spaces.
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('money', () => {
  test('in its currency, in the user’s language', () => {
    expect(formatMoney({ amount: 1234.5, currency: 'USD' }, 'en')).toBe('$1,234.50');
    expect(plain(formatMoney({ amount: 1234.5, currency: 'EUR' }, 'ru'))).toBe('1 234,50 €');
  });

  test('without a currency: the plain number; with an unknown code: the number and the code', () => {
    expect(formatMoney({ amount: 1234.5, currency: null }, 'en')).toBe('1,234.5');
    expect(formatMoney({ amount: 1234.5, currency: 'XX1' }, 'en')).toBe('1,234.5 XX1');
  });

  test('an amount and a code held apart read the same', () => {
    expect(formatAmount(1234567.89, 'EUR', 'en')).toBe('€1,234,567.89');
    expect(formatAmount(1234.5, null, 'en')).toBe('1,234.5');
  });

  test('the board’s compact totals are built on it', () => {
    expect(formatCompact('en', 1_234_567, 'USD')).toBe('$1.2M');
    expect(formatCompact('en', 0, null)).toBe('0');
    expect(formatCompact('en', 1500, 'XX1')).toBe('1.5K XX1');
  });

  test('moneyOf reads a number or the API’s `{ amount, currency }`, and nothing else', () => {
    expect(moneyOf(12)).toEqual({ amount: 12, currency: null });
    expect(moneyOf({ amount: 5, currency: 'GEL' })).toEqual({ amount: 5, currency: 'GEL' });
    expect(moneyOf({ amount: 5 })).toEqual({ amount: 5, currency: null });
    expect(moneyOf({ amount: '5' })).toBeNull();
    expect(moneyOf(null)).toBeNull();
    expect(moneyOf('5')).toBeNull();
  });
});

describe('numbers and percents', () => {
  test('numbers keep their digits (up to 6 after the point)', () => {
    expect(formatNumber(1234.5, 'en')).toBe('1,234.5');
    expect(formatNumber(0.1234567, 'en')).toBe('0.123457');
    expect(plain(formatNumber(1234.5, 'ru'))).toBe('1 234,5');
  });

  test('percent fields hold 0–100', () => {
    expect(formatPercent(12.5, 'en')).toBe('12.5%');
    expect(formatPercent(100, 'en')).toBe('100%');
  });
});

describe('dates', () => {
  test('a date is a calendar day: it never moves by a time zone', () => {
    expect(formatDate('2026-12-01', 'en')).toBe('Dec 1, 2026');
    expect(formatDate('2026-12-01T23:30:00-05:00', 'en')).toBe('Dec 1, 2026');
    expect(formatDate('soon', 'en')).toBe('soon');
  });

  test('an instant shows its local date and time', () => {
    const at = '2026-12-01T10:15:00Z';
    const local = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(at));
    expect(formatDateTime(at, 'en')).toBe(local);
    expect(formatDateTime('soon', 'en')).toBe('soon');
  });

  test('formatWhen: a date field as a date, a date-time field as an instant', () => {
    expect(formatWhen('2026-12-01', 'en')).toBe('Dec 1, 2026');
    expect(formatWhen('2026-12-01T10:15:00Z', 'en')).toBe(formatDateTime('2026-12-01T10:15:00Z', 'en'));
  });
});

describe('relative time', () => {
  const now = new Date('2026-12-01T12:00:00Z');
  const ago = (seconds: number) => new Date(now.getTime() - seconds * 1000).toISOString();

  test('in the largest unit that fits', () => {
    expect(relativeTime(ago(30), 'en', now)).toBe('30 seconds ago');
    expect(relativeTime(ago(5 * 60), 'en', now)).toBe('5 minutes ago');
    expect(relativeTime(ago(3 * 3600), 'en', now)).toBe('3 hours ago');
    expect(relativeTime(ago(2 * 86_400), 'en', now)).toBe('2 days ago');
    expect(relativeTime(ago(8 * 86_400), 'en', now)).toBe('last week');
    expect(relativeTime(ago(400 * 86_400), 'en', now)).toBe('last year');
    expect(relativeTime(ago(-2 * 86_400), 'en', now.getTime())).toBe('in 2 days');
    expect(relativeTime(ago(0), 'en', now)).toBe('now');
  });

  test('days, with the language’s words and plural forms', () => {
    expect(relativeDays(-1, 'en')).toBe('yesterday');
    expect(relativeDays(-3, 'en')).toBe('3 days ago');
    expect(relativeDays(-5, 'ru')).toBe('5 дней назад');
  });
});

describe('languages Intl does not know', () => {
  test('Chichewa asks for Malawian English after it; other languages are asked for as they are', () => {
    expect(intlLocales('ny')).toEqual(['ny', 'en-MW']);
    expect(intlLocales('ka')).toEqual(['ka']);
    expect(intlLocales('en')).toEqual(['en']);
  });

  test('Chichewa reads day-month dates and Malawian kwacha, not en-US', () => {
    expect(new Intl.DateTimeFormat(intlLocales('ny')).resolvedOptions().locale).toBe('en-MW');
    expect(formatDate('2026-12-01', 'ny')).toBe('1 Dec 2026');
    expect(plain(formatMoney({ amount: 1234.5, currency: 'MWK' }, 'ny'))).toBe('MK 1,234.50');
    expect(formatNumber(1234.5, 'ny')).toBe('1,234.5');
    expect(relativeDays(-1, 'ny')).toBe('yesterday');
  });
});
