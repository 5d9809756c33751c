/**
 * Dates and times as the bureau reads them: in Beijing time (Asia/Shanghai), the zone of the platform's own clocks and
 * of the national interface, whatever zone the browser is in.
 */
export const BUREAU_ZONE = 'Asia/Shanghai';

const PARTS = new Intl.DateTimeFormat('en-CA', {
  timeZone: BUREAU_ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
});

/** An instant's Beijing wall-clock parts. */
function beijing(at: Date): Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', string> {
  const parts = Object.fromEntries(PARTS.formatToParts(at).map((p) => [p.type, p.value]));
  return { year: parts.year, month: parts.month, day: parts.day, hour: parts.hour, minute: parts.minute, second: parts.second };
}

/** Today's date as yyyy-MM-dd in Beijing. */
export function today(now: Date = new Date()): string {
  const p = beijing(now);
  return `${p.year}-${p.month}-${p.day}`;
}

/** This year in Beijing. */
export function currentYear(now: Date = new Date()): number {
  return Number(beijing(now).year);
}

/** yyyy-MM of the previous month in Beijing (monthly exports are for ended months). */
export function previousMonth(now: Date = new Date()): string {
  const p = beijing(now);
  const year = Number(p.year);
  const month = Number(p.month);
  return month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`;
}

/**
 * A service's date-time as yyyy-MM-dd HH:mm:ss in Beijing: an instant (ending in Z or an offset such as +08:00) is
 * turned into Beijing's wall clock; a local date-time (no zone: the services' local times are Beijing's) is shown as
 * it is, without fractions of a second. "—" when absent.
 */
export function formatDateTime(value?: string): string {
  if (!value) return '—';
  if (/(Z|[+-]\d{2}:?\d{2})$/.test(value)) {
    const at = new Date(value);
    if (!Number.isNaN(at.getTime())) {
      const p = beijing(at);
      return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second}`;
    }
  }
  return value.replace('T', ' ').replace(/\.\d+/, '');
}
