import { describe, expect, it } from 'vitest';
import { formatMoney, formatYuan, formatPercent } from './money';

describe('formatMoney', () => {
  it('pads to two decimals and groups thousands', () => {
    expect(formatMoney('1234567.5')).toBe('1,234,567.50');
    expect(formatMoney(1234.56)).toBe('1,234.56');
    expect(formatMoney(0)).toBe('0.00');
    expect(formatMoney('12')).toBe('12.00');
    expect(formatMoney('999.99')).toBe('999.99');
  });
  it('keeps the sign and never rounds', () => {
    expect(formatMoney('-1000.1')).toBe('-1,000.10');
    expect(formatMoney('-0.00')).toBe('0.00');
    expect(formatMoney('0.005')).toBe('0.005');
  });
  it('handles huge values exactly as text', () => {
    expect(formatMoney('123456789012345678.91')).toBe('123,456,789,012,345,678.91');
    expect(formatMoney(1e21)).toBe('1,000,000,000,000,000,000,000.00');
  });
  it('shows a dash for missing values', () => {
    expect(formatMoney(null)).toBe('—');
    expect(formatMoney(undefined)).toBe('—');
    expect(formatYuan('5')).toBe('5.00 元');
  });
});

describe('formatPercent', () => {
  it('shows a percentage with two decimals, from a JSON number or text', () => {
    expect(formatPercent(25)).toBe('25.00%');
    expect(formatPercent(98.86)).toBe('98.86%');
    expect(formatPercent('77.5')).toBe('77.50%');
    expect(formatPercent(0)).toBe('0.00%');
    expect(formatPercent(undefined)).toBe('—');
  });
});
