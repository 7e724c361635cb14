import { overscanByPace } from './overscan-by-pace';

const range = (startIndex: number, endIndex: number) => ({ startIndex, endIndex, overscan: 4, count: 1000 });

describe('overscanByPace: overscan rows while the view moves slowly, none while it flings', () => {
  test('the first view and a view moved a row or two get the overscan on both sides, within the count', () => {
    const extract = overscanByPace();
    expect(extract(range(0, 16))).toEqual([...Array(21).keys()]);
    expect(extract(range(2, 18))).toEqual([...Array(23).keys()]);
  });

  test('a view moved further than the overscan gets none; a slow move after it gets it back', () => {
    const extract = overscanByPace();
    extract(range(100, 116));
    const flung = extract(range(400, 416));
    expect(flung[0]).toBe(400);
    expect(flung.at(-1)).toBe(416);
    const slow = extract(range(401, 417));
    expect(slow[0]).toBe(397);
    expect(slow.at(-1)).toBe(421);
  });

  test('the end of the list bounds the overscan', () => {
    const extract = overscanByPace();
    expect(extract({ startIndex: 990, endIndex: 999, overscan: 4, count: 1000 }).at(-1)).toBe(999);
  });
});
