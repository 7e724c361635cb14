import { en } from '../../en';
import { FEATURES } from '../../features';
import { ny } from '.';

type Tree = { readonly [key: string]: string | Tree };

/** Every string of a resource by its dotted key path. */
function strings(tree: Tree, prefix = ''): Map<string, string> {
  return new Map(
    Object.entries(tree).flatMap(([key, value]) => {
      const path = prefix ? `${prefix}.${key}` : key;
      return typeof value === 'string' ? [[path, value] as const] : [...strings(value, path)];
    }),
  );
}

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

const english = new Map([
  ...strings(en),
  ...Object.entries(FEATURES).flatMap(([feature, text]) => [...strings(text.en as Tree, feature)]),
]);
const chichewa = new Map([...strings(ny.base as Tree), ...strings(ny.features as unknown as Tree)]);

describe('the Chichewa translation', () => {
  test('has every English string, and only those', () => {
    expect(english.size).toBeGreaterThan(900);
    expect([...english.keys()].filter((key) => !chichewa.has(key))).toEqual([]);
    expect([...chichewa.keys()].filter((key) => !english.has(key))).toEqual([]);
  });

  test('keeps every {{placeholder}} of the English string', () => {
    const differ = [...english].filter(([key, text]) => {
      const translated = chichewa.get(key);
      return translated !== undefined && placeholders(translated).join() !== placeholders(text).join();
    });
    expect(differ.map(([key]) => key)).toEqual([]);
  });

  test('leaves no string empty that English fills', () => {
    expect([...english].filter(([key, text]) => text !== '' && chichewa.get(key) === '').map(([key]) => key)).toEqual(
      [],
    );
  });
});
