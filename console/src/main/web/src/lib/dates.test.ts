import { describe, expect, it } from 'vitest';
import { currentYear, formatDateTime, previousMonth, today } from './dates';

describe('dates in Beijing time', () => {
  it('turns an instant into Beijing wall-clock time', () => {
    expect(formatDateTime('2026-12-02T01:25:24.123456Z')).toBe('2026-12-02 09:25:24');
    expect(formatDateTime('2026-12-31T16:00:00Z')).toBe('2027-01-01 00:00:00');
    expect(formatDateTime('2026-12-02T09:25:24+08:00')).toBe('2026-12-02 09:25:24');
  });
  it('shows a local date-time as it is', () => {
    expect(formatDateTime('2026-12-02T09:25:24.5')).toBe('2026-12-02 09:25:24');
    expect(formatDateTime(undefined)).toBe('—');
  });
  it("takes today, the year and the previous month from Beijing's calendar", () => {
    const newYearInBeijing = new Date('2026-12-31T17:00:00Z'); // 2027-01-01 01:00 in Beijing
    expect(today(newYearInBeijing)).toBe('2027-01-01');
    expect(currentYear(newYearInBeijing)).toBe(2027);
    expect(previousMonth(newYearInBeijing)).toBe('2026-12');
    expect(previousMonth(new Date('2026-07-15T00:00:00Z'))).toBe('2026-06');
  });
});
