/**
 * Money is shown exactly as the API gives it: no arithmetic, no floating point. The amount's decimal
 * text is padded to two decimals (fen) and its integer part grouped by thousands. An amount with more
 * than two decimals is shown with all its decimals (never rounded away) so that a mistake is visible.
 */
export function formatMoney(value: unknown): string {
  const d = decimal(value);
  if ('shown' in d) return d.shown;
  const intPart = (d.int.replace(/^0+(?=\d)/, '') || '0').replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const frac = d.frac.length >= 2 ? d.frac : d.frac.padEnd(2, '0');
  const negative = d.sign === '-' && /[1-9]/.test(d.int + d.frac);
  return `${negative ? '-' : ''}${intPart}.${frac}`;
}

/**
 * A JSON number or decimal text as its text and decimal parts (sign, integer digits, fraction digits), with no
 * arithmetic; or, for anything that is not a decimal, what to show instead ("—" when absent, else the text itself).
 */
function decimal(value: unknown): { text: string; sign: string; int: string; frac: string } | { shown: string } {
  if (value === null || value === undefined || value === '') return { shown: '—' };
  let text: string;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return { shown: '—' };
    // JSON numbers such as 1234.5 are printed by JS without loss for amounts that fit in a double.
    text = numberToPlainString(value);
  } else if (typeof value === 'string') {
    text = value.trim();
  } else {
    return { shown: String(value) };
  }
  const match = /^([+-]?)(\d*)(?:\.(\d*))?$/.exec(text);
  if (!match) return { shown: text };
  return { text, sign: match[1], int: match[2], frac: match[3] ?? '' };
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

/**
 * An amount as staff type it into a money field: yuan in ASCII digits with at most two decimals, no sign, no
 * thousands separators ("1200", "1200.5", "1200.00"). Anything else ("abc", "12.345", "1,000", "-1", full-width
 * digits) is refused with a message rather than guessed at.
 */
export const MONEY_INPUT = /^\d+(\.\d{1,2})?$/;

export function isMoneyInput(text: unknown): boolean {
  return typeof text === 'string' && MONEY_INPUT.test(text.trim());
}

/**
 * A fraction as the services give it (e.g. a payment ratio 0.6, as a JSON number or decimal text) as a percentage
 * with two decimals ("60.00%"): the decimal point is moved two places in the number's text, never multiplied in
 * floating point (0.07 × 100 would be 7.000000000000001), and like money never rounded ("—" when absent).
 */
export function formatFractionAsPercent(value: unknown): string {
  const d = decimal(value);
  if ('shown' in d) return d.shown;
  if (d.int === '' && d.frac === '') return d.text;
  const frac = d.frac.padEnd(2, '0');
  const shifted = `${d.sign}${d.int}${frac.slice(0, 2)}${frac.length > 2 ? `.${frac.slice(2)}` : ''}`;
  return formatPercent(shifted);
}
