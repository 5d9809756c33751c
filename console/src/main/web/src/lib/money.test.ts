import { describe, expect, it } from 'vitest';
import { formatFractionAsPercent, formatMoney, formatYuan, formatPercent, isMoneyInput } from './money';

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

describe('formatFractionAsPercent', () => {
  it('moves the decimal point two places on the text', () => {
    expect(formatFractionAsPercent(0.6)).toBe('60.00%');
    expect(formatFractionAsPercent(0.07)).toBe('7.00%');
    expect(formatFractionAsPercent('0.575')).toBe('57.50%');
    expect(formatFractionAsPercent(1)).toBe('100.00%');
    expect(formatFractionAsPercent('0.12345')).toBe('12.345%');
    expect(formatFractionAsPercent(0)).toBe('0.00%');
    expect(formatFractionAsPercent('.5')).toBe('50.00%');
    expect(formatFractionAsPercent(1e-7)).toBe('0.00001%');
  });
  it('shows a dash for missing values and anything else as given', () => {
    expect(formatFractionAsPercent(undefined)).toBe('—');
    expect(formatFractionAsPercent(null)).toBe('—');
    expect(formatFractionAsPercent('n/a')).toBe('n/a');
  });
});

describe('isMoneyInput', () => {
  it('takes yuan with at most two decimals', () => {
    for (const ok of ['0', '1200', '1200.5', '1200.00', ' 6000 ']) expect(isMoneyInput(ok), ok).toBe(true);
  });
  it('refuses anything else', () => {
    for (const bad of ['abc', '12.345', '1,000', '-1', '１２', '', '.5', '1.', '1e3', undefined]) expect(isMoneyInput(bad), String(bad)).toBe(false);
  });
});
