// The user's activity timeline, by UTC day, newest first: the days with activity (first and last
// moment) and the events counted on each (the rollups keep counts per day, not each event).
import type { UserDetail } from '../../api/types';

export type TimelineDay = {
  day: string;
  firstAt: string | null;
  lastAt: string | null;
  events: UserDetail['recentEvents'];
};

export function timelineOf(user: Pick<UserDetail, 'activity' | 'recentEvents'>): TimelineDay[] {
  const days = new Map<string, TimelineDay>();
  const dayOf = (day: string) => {
    let entry = days.get(day);
    if (entry === undefined) {
      entry = { day, firstAt: null, lastAt: null, events: [] };
      days.set(day, entry);
    }
    return entry;
  };
  for (const a of user.activity) Object.assign(dayOf(a.day), { firstAt: a.firstAt, lastAt: a.lastAt });
  for (const e of user.recentEvents) dayOf(e.day).events.push(e);
  for (const d of days.values()) d.events.sort((a, b) => b.lastAt.localeCompare(a.lastAt));
  return [...days.values()].sort((a, b) => b.day.localeCompare(a.day));
}
