import { en } from '../../en';
import { FEATURES } from '../../features';
import { kk } from '.';
import {
  formatDate,
  formatDay,
  formatMoney,
  formatNumber,
  formatPercent,
  relativeDays,
} from '../../../workspace/format';

/** Every string of a resource by its dotted path (`objects.new.title` → 'New object'). */
function strings(resource: object, prefix = ''): Map<string, string> {
  const found = new Map<string, string>();
  for (const [key, value] of Object.entries(resource)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') found.set(path, value);
    else for (const [inner, text] of strings(value as object, path)) found.set(inner, text);
  }
  return found;
}

const placeholders = (text: string) => [...text.matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1]).sort();

const english = strings({ ...en, ...Object.fromEntries(Object.entries(FEATURES).map(([k, t]) => [k, t.en])) });
const kazakh = strings({ ...kk.base, ...kk.features });

// The type `Translation` already demands English's keys; this checks what a type cannot: the strings.
describe('the Kazakh translation', () => {
  it('has every English string, and no other', () => {
    expect([...kazakh.keys()].sort()).toEqual([...english.keys()].sort());
  });

  it('keeps every {{placeholder}} of the English string', () => {
    const wrong = [...english].filter(([path, text]) => {
      const translated = kazakh.get(path) ?? '';
      return placeholders(translated).join() !== placeholders(text).join();
    });
    expect(wrong.map(([path]) => path)).toEqual([]);
  });

  it('is translated: no empty string where English has text, and few strings left in English', () => {
    const empty = [...english].filter(([path, text]) => text !== '' && kazakh.get(path) === '');
    expect(empty.map(([path]) => path)).toEqual([]);
    // Words outside placeholders that stay as they are in any language: the product's name, URL, JSON.
    const words = (text: string) => text.replace(/{{\s*\w+\s*}}/g, '');
    const same = [...english].filter(([path, text]) => /[a-z]{3}/i.test(words(text)) && kazakh.get(path) === text);
    expect(same.map(([path]) => path).sort()).toEqual(
      [
        'app.name',
        'fieldTypes.json',
        'fieldTypes.url',
        'flow.keys.url',
        'flow.settings.json',
        'views.export.csv',
        'views.export.xlsx',
      ].sort(),
    );
  });

  it('writes Kazakh in Cyrillic with its own letters (ә, і, ң, ғ, ү, ұ, қ, ө, һ)', () => {
    const all = [...kazakh.values()].join(' ');
    expect(all).toMatch(/[әіңғүұқө]/);
    // Latin-script Kazakh look-alikes would be a mixed-script typo: a Cyrillic word with a Latin letter inside.
    const mixed = [...kazakh].filter(([, text]) => /[а-яәіңғүұқөһ][a-z]|[a-z][а-яәіңғүұқөһ]/i.test(text));
    expect(mixed.map(([path]) => path)).toEqual([]);
  });
});

// Node's full ICU has Kazakh data (Debian's chromium does not: see test/browser/locale-kk.test.ts).
describe('the workspace formats in Kazakh', () => {
  const spaces = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

  it('writes numbers, money and percents with space groups and a decimal comma', () => {
    expect(spaces(formatNumber(1234567.5, 'kk'))).toBe('1 234 567,5');
    expect(spaces(formatMoney({ amount: 1234567.5, currency: 'KZT' }, 'kk'))).toBe('1 234 567,50 ₸');
    expect(spaces(formatMoney({ amount: 1234567, currency: 'EUR' }, 'kk', { notation: 'compact' }))).toBe('1,2 млн €');
    expect(spaces(formatMoney({ amount: 12.5, currency: 'XYZ1' }, 'kk'))).toBe('12,5 XYZ1');
    expect(spaces(formatPercent(12.5, 'kk'))).toBe('12,5%');
  });

  it('writes dates with the year first and Kazakh month and day names', () => {
    expect(spaces(formatDate('2026-12-01', 'kk'))).toBe('2026 ж. 01 жел.');
    expect(spaces(formatDay(new Date(2026, 11, 1), 'kk', true))).toBe('2026 ж. 1 желтоқсан, сейсенбі');
    expect(relativeDays(-1, 'kk')).toBe('кеше');
    expect(spaces(relativeDays(3, 'kk'))).toBe('3 күннен кейін');
  });
});
