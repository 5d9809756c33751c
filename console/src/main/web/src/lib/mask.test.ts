import { describe, expect, it } from 'vitest';
import { looksLikeResidentId, maskResidentId } from './mask';

describe('maskResidentId', () => {
  it('keeps the first 6 and last 4 characters of a resident id', () => {
    expect(maskResidentId('440102199001011234')).toBe('440102********1234');
    expect(maskResidentId('44010219900101123X')).toBe('440102********123X');
  });
  it('masks short identifiers too', () => {
    expect(maskResidentId('12345678')).toBe('12****78');
    expect(maskResidentId('')).toBe('—');
  });
  it('tells ids from names', () => {
    expect(looksLikeResidentId('440102199001011234')).toBe(true);
    expect(looksLikeResidentId('张三')).toBe(false);
  });
});
