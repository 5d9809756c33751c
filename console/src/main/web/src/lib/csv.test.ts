import { describe, expect, it } from 'vitest';
import { parseCsv, toCsv } from './csv';

describe('toCsv', () => {
  it('writes a header and quotes where needed', () => {
    const csv = toCsv([{ a: '1,234.50', b: 'x' }], [
      { title: '金额', value: (r) => r.a },
      { title: 'B', value: (r) => r.b },
    ]);
    expect(csv).toBe('金额,B\r\n"1,234.50",x');
    expect(parseCsv(csv)).toEqual([{ 金额: '1,234.50', B: 'x' }]);
  });
});
