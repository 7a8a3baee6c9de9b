import { dueRangeParams, knownTimeZone, localDay, startOfDay } from './due-range';

describe('due ranges of "my open tasks"', () => {
  const saoPaulo = 'America/Sao_Paulo';
  // 2025-03-10 23:30 in São Paulo = 2025-03-11 02:30 UTC
  const lateEvening = Date.parse('2025-03-11T02:30:00Z');

  it('uses the user’s calendar day, not UTC’s', () => {
    expect(localDay(saoPaulo, lateEvening)).toBe('2025-03-10');
    expect(dueRangeParams('today', saoPaulo, lateEvening)).toEqual({ dueFrom: '2025-03-10T03:00:00.000Z', dueTo: '2025-03-11T02:59:59.999999Z' });
  });

  it('covers seven whole days for week, and overdue is a filter on now', () => {
    expect(dueRangeParams('week', saoPaulo, lateEvening)).toEqual({ dueFrom: '2025-03-10T03:00:00.000Z', dueTo: '2025-03-17T02:59:59.999999Z' });
    expect(dueRangeParams('overdue', saoPaulo, lateEvening)).toEqual({ overdue: 'true' });
  });

  it('handles zones with daylight saving time and falls back on unknown zones', () => {
    // New York switched to EDT (UTC-4) on 2025-03-09.
    expect(new Date(startOfDay('America/New_York', '2025-03-09')).toISOString()).toBe('2025-03-09T05:00:00.000Z');
    expect(new Date(startOfDay('America/New_York', '2025-03-10')).toISOString()).toBe('2025-03-10T04:00:00.000Z');
    expect(knownTimeZone('Mars/Olympus')).toBe(saoPaulo);
    expect(knownTimeZone(null)).toBe(saoPaulo);
    expect(knownTimeZone('Europe/Lisbon')).toBe('Europe/Lisbon');
  });
});
