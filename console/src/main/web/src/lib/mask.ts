/**
 * A resident id (居民身份证号, 18 characters) is shown in lists with only its first 6 (region) and
 * last 4 characters: 440102********1234. Shorter identifiers keep their first and last quarter.
 */
export function maskResidentId(id: string | null | undefined): string {
  if (!id) return '—';
  const s = String(id);
  if (s.length >= 11) {
    return s.slice(0, 6) + '*'.repeat(s.length - 10) + s.slice(-4);
  }
  if (s.length <= 2) return '*'.repeat(s.length);
  const keep = Math.max(1, Math.floor(s.length / 4));
  return s.slice(0, keep) + '*'.repeat(s.length - 2 * keep) + s.slice(-keep);
}

/** Whether a search text looks like a resident id (digits, possibly ending in X) rather than a name. */
export function looksLikeResidentId(text: string): boolean {
  return /^\d{6,17}[\dXx]?$/.test(text.trim());
}
