/**
 * Money is shown exactly as the API gives it: no arithmetic, no floating point. The amount's decimal
 * text is padded to two decimals (fen) and its integer part grouped by thousands. An amount with more
 * than two decimals is shown with all its decimals (never rounded away) so that a mistake is visible.
 */
export function formatMoney(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  let text: string;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return '—';
    // JSON numbers such as 1234.5 are printed by JS without loss for amounts that fit in a double.
    text = numberToPlainString(value);
  } else if (typeof value === 'string') {
    text = value.trim();
  } else {
    return String(value);
  }
  const match = /^([+-]?)(\d*)(?:\.(\d*))?$/.exec(text);
  if (!match) return text;
  const [, sign, intRaw, fracRaw = ''] = match;
  const intPart = (intRaw.replace(/^0+(?=\d)/, '') || '0').replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const frac = fracRaw.length >= 2 ? fracRaw : fracRaw.padEnd(2, '0');
  const negative = sign === '-' && /[1-9]/.test(intRaw + fracRaw);
  return `${negative ? '-' : ''}${intPart}.${frac}`;
}

/** The amount with the yuan sign's word, e.g. "1,234.50 元". */
export function formatYuan(value: unknown): string {
  const text = formatMoney(value);
  return text === '—' ? text : `${text} 元`;
}

function numberToPlainString(n: number): string {
  const s = String(n);
  if (!/e/i.test(s)) return s;
  // Exponent form (very large or very small); expand it without arithmetic on the digits.
  const [mantissa, expText] = s.toLowerCase().split('e');
  const exp = Number(expText);
  const negative = mantissa.startsWith('-');
  const digits = mantissa.replace('-', '');
  const [i, f = ''] = digits.split('.');
  let all = i + f;
  let point = i.length + exp;
  if (point <= 0) {
    all = '0'.repeat(1 - point) + all;
    point = 1;
  } else if (point > all.length) {
    all = all + '0'.repeat(point - all.length);
  }
  const out = all.slice(0, point) + (point < all.length ? '.' + all.slice(point) : '');
  return (negative ? '-' : '') + out;
}

/**
 * A percentage as the services give it (a scale-2 decimal, as text or a JSON number such as 25 for 25.00), shown with
 * two decimals and a percent sign, e.g. "98.86%"; like money, never rounded here ("—" when absent).
 */
export function formatPercent(value: unknown): string {
  const text = formatMoney(value);
  return text === '—' ? text : `${text}%`;
}
