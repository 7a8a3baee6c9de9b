import { DEFAULT_TIME_ZONE } from '../../common/br';
import { MyOpenRange } from './dto/activity-write.dto';

const DAY_MS = 86_400_000;

/** The zone if the runtime knows it, else the tenant default (a bad tb_usuario.fuso_horario must not break a list). */
export function knownTimeZone(tz: string | null | undefined): string {
  if (!tz) return DEFAULT_TIME_ZONE;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return tz;
  } catch {
    return DEFAULT_TIME_ZONE;
  }
}

/** Minutes the zone is ahead of UTC at that instant (-180 for São Paulo). */
function offsetMinutes(tz: string, at: number): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: tz, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
  }).formatToParts(new Date(at));
  const get = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return Math.round((wall - Math.floor(at / 1000) * 1000) / 60_000);
}

/** The instant a calendar day (YYYY-MM-DD) starts in the zone, DST included. */
export function startOfDay(tz: string, day: string): number {
  const [y, m, d] = day.split('-').map(Number);
  const guess = Date.UTC(y, m - 1, d);
  let at = guess - offsetMinutes(tz, guess) * 60_000;
  const corrected = guess - offsetMinutes(tz, at) * 60_000;
  if (corrected !== at) at = corrected;
  return at;
}

/** The calendar day of an instant in the zone. */
export function localDay(tz: string, at: number): string {
  return new Date(at).toLocaleDateString('sv-SE', { timeZone: tz });
}

/**
 * The due-date bounds of "my open tasks", as list parameters (dueFrom/dueTo are inclusive, with microseconds,
 * so nothing due in the last instant of a day falls between two ranges):
 *   today   — due today in the user's zone (those already past today included);
 *   week    — due from the start of today to the end of the 7th day (today + 6);
 *   overdue — due before now (overdue=true).
 */
export function dueRangeParams(range: MyOpenRange, tz: string, now: number): Record<string, string> {
  if (range === 'overdue') return { overdue: 'true' };
  const today = localDay(tz, now);
  const days = range === 'today' ? 1 : 7;
  const from = startOfDay(tz, today);
  const next = startOfDay(tz, new Date(Date.parse(`${today}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10));
  return {
    dueFrom: new Date(from).toISOString(),
    dueTo: new Date(next - 1000).toISOString().replace(/\.\d{3}Z$/, '.999999Z'),
  };
}
