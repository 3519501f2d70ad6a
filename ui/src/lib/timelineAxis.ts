// The time axis: "nice" tick dates for any window from decades to days
// (d3-time's utcTicks: years, months, weeks, days, hours as the window
// needs) and labels as coarse as each tick allows ("2015", "Mar", "17 Mar").
//
// d3-time and d3-time-format rather than d3-scale: d3-scale pulls in
// d3-color, whose module code assigns `prototype.constructor`, which throws
// under Tauri's `freezePrototype` and left the window blank.

import { utcDay, utcMonth, utcTicks, utcYear } from 'd3-time';
import { utcFormat } from 'd3-time-format';

export type Tick = { t: number; label: string };

const formatYear = utcFormat('%Y');
const formatMonth = utcFormat('%b');
const formatDay = utcFormat('%-d %b');
const formatHour = utcFormat('%H:%M');

/** The label of a tick: the coarsest unit it starts (a year, a month, a day). */
export function tickLabel(date: Date): string {
  if (utcYear(date) >= date) return formatYear(date);
  if (utcMonth(date) >= date) return formatMonth(date);
  if (utcDay(date) >= date) return formatDay(date);
  return formatHour(date);
}

/** About `count` ticks across [from, to] (ms UTC). */
export function axisTicks(from: number, to: number, count: number): Tick[] {
  return utcTicks(new Date(from), new Date(to), Math.max(2, count)).map((d) => ({ t: d.getTime(), label: tickLabel(d) }));
}

