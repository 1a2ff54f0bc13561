import { esc } from './html';

/**
 * The dashboard's charts as SVG drawn on the server: no script on the page, nothing to download but the
 * page itself (docs/adr/0037-dashboard-rollup-and-svg-charts.md has the comparison with a chart library). Every mark has a
 * <title> (the browser shows it on hover) and data-* attributes with its figures; the table under each
 * chart holds the same figures for reading and copying.
 */

const WIDTH = 720;
const LEFT = 52;
const RIGHT = 12;
const TOP = 14;
const BOTTOM = 30;
const PLOT = WIDTH - LEFT - RIGHT;

export interface Series {
  key: string;
  name: string;
  values: number[];
}

export interface Mark {
  day: string;
  label: string;
}

/** The smallest of 1, 2, 5 × 10^n at or above `value`, so that the axis has round figures. */
const niceCeiling = (value: number) => {
  if (value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  return [1, 2, 5, 10].map((step) => step * power).find((step) => step >= value) as number;
};

const round = (value: number) => Math.round(value * 10) / 10;

/** Scrolls sideways on a narrow screen rather than shrink its labels past reading; focusable to scroll by keyboard. */
const frame = (height: number, labelledBy: string, body: string) =>
  `<div class="chart-scroll" tabindex="0" role="group" aria-labelledby="${labelledBy}"><svg class="chart" viewBox="0 0 ${WIDTH} ${height}" role="img" aria-labelledby="${labelledBy}" preserveAspectRatio="xMidYMid meet">${body}</svg></div>`;

const yAxis = (height: number, max: number, format: (value: number) => string) => {
  const bottom = height - BOTTOM;
  // A count axis up to 1 or 5 would have a half at its middle.
  return (max > 1 && max % 2 ? [0, max] : [0, max / 2, max])
    .map((tick) => {
      const y = round(bottom - (tick / max) * (bottom - TOP));
      return `<line class="grid" x1="${LEFT}" x2="${WIDTH - RIGHT}" y1="${y}" y2="${y}"/><text class="axis" x="${LEFT - 6}" y="${y + 4}" text-anchor="end">${esc(format(tick))}</text>`;
    })
    .join('');
};

/** At most six day labels, evenly spread, the last day always among them. */
const xAxis = (height: number, days: string[]) => {
  const step = Math.max(1, Math.ceil(days.length / 6));
  const slot = PLOT / days.length;
  return days
    .map((day, index) =>
      (days.length - 1 - index) % step === 0
        ? `<text class="axis" x="${round(LEFT + slot * (index + 0.5))}" y="${height - 10}" text-anchor="middle">${esc(day.slice(5))}</text>`
        : '',
    )
    .join('');
};

const revisionMarks = (height: number, days: string[], marks: Mark[]) => {
  const slot = PLOT / days.length;
  return marks
    .map((mark) => {
      const index = days.indexOf(mark.day);
      if (index < 0) return '';
      const x = round(LEFT + slot * index);
      return `<g class="revision-mark" data-day="${esc(mark.day)}"><line x1="${x}" x2="${x}" y1="${TOP - 4}" y2="${height - BOTTOM}"/><text class="mark-label" x="${x + 3}" y="${TOP + 6}">${esc(mark.label)}</text></g>`;
    })
    .join('');
};

/** What a chart with a slot per day is drawn from. */
interface DayChart {
  id: string;
  days: string[];
  marks: Mark[];
}

/** A day chart's height, and the y of its x axis. */
const DAY_HEIGHT = 240;
const DAY_BOTTOM = DAY_HEIGHT - BOTTOM;

/** The axes and the revision marks around what a day chart draws in its plot. */
const dayChart = ({ id, days, marks }: DayChart, max: number, format: (value: number) => string, plot: string) =>
  frame(
    DAY_HEIGHT,
    id,
    yAxis(DAY_HEIGHT, max, format) + plot + xAxis(DAY_HEIGHT, days) + revisionMarks(DAY_HEIGHT, days, marks),
  );

/** Bars per day, the series stacked in order from the bottom. */
export const stackedBars = (options: DayChart & { series: Series[]; format: (value: number) => string }) => {
  const { days, series, format } = options;
  const totals = days.map((_, index) => series.reduce((sum, one) => sum + one.values[index], 0));
  const max = niceCeiling(Math.max(0, ...totals));
  const slot = PLOT / days.length;
  const width = round(Math.max(1, slot * 0.78));
  const bars = days
    .map((day, index) => {
      let base = DAY_BOTTOM;
      return series
        .map((one) => {
          const value = one.values[index];
          if (value === 0) return '';
          const barHeight = (value / max) * (DAY_BOTTOM - TOP);
          base -= barHeight;
          return `<rect class="bar ${esc(one.key)}" x="${round(LEFT + slot * index + (slot - width) / 2)}" y="${round(base)}" width="${width}" height="${round(barHeight)}" data-day="${esc(day)}" data-series="${esc(one.key)}" data-value="${value}"><title>${esc(day)} · ${esc(one.name)}: ${esc(format(value))}</title></rect>`;
        })
        .join('');
    })
    .join('');
  return dayChart(options, max, format, bars);
};

/** One line per series of shares (0 to 1) per day; a day with nothing to share leaves a gap. */
export const shareLines = (
  options: DayChart & {
    series: (Series & { counts: { part: number; whole: number }[] })[];
    percent: (value: number) => string;
  },
) => {
  const { days, series, percent } = options;
  const slot = PLOT / days.length;
  const lines = series
    .map((one, position) => {
      let path = '';
      let drawing = false;
      const points = days
        .map((day, index) => {
          const { part, whole } = one.counts[index];
          if (whole === 0) {
            drawing = false;
            return '';
          }
          const share = part / whole;
          const x = round(LEFT + slot * (index + 0.5));
          const y = round(DAY_BOTTOM - share * (DAY_BOTTOM - TOP));
          path += `${drawing ? 'L' : 'M'}${x} ${y}`;
          drawing = true;
          return `<circle cx="${x}" cy="${y}" r="3" data-day="${esc(day)}" data-series="${esc(one.key)}" data-part="${part}" data-whole="${whole}"><title>${esc(day)} · ${esc(one.name)}: ${esc(percent(share))} (${part}/${whole})</title></circle>`;
        })
        .join('');
      return `<g class="line series-${position % 8}" data-series="${esc(one.key)}"><path d="${path}"/>${points}</g>`;
    })
    .join('');
  return dayChart(options, 1, percent, lines);
};

/** One bar per row (a language, a revision) divided by the shares of its parts. */
export const shareBars = (options: {
  id: string;
  rows: { key: string; name: string; parts: { key: string; name: string; value: number }[] }[];
  percent: (value: number) => string;
}) => {
  const { rows, percent } = options;
  const rowHeight = 30;
  const labelWidth = 150;
  const height = Math.max(1, rows.length) * rowHeight + 8;
  const barWidth = WIDTH - labelWidth - RIGHT;
  const bars = rows
    .map((row, index) => {
      const total = row.parts.reduce((sum, part) => sum + part.value, 0);
      const y = 4 + index * rowHeight;
      let x = labelWidth;
      const parts = row.parts
        .map((part) => {
          if (total === 0 || part.value === 0) return '';
          const width = (part.value / total) * barWidth;
          const rect = `<rect class="bar ${esc(part.key)}" x="${round(x)}" y="${y}" width="${round(width)}" height="${rowHeight - 8}" data-row="${esc(row.key)}" data-series="${esc(part.key)}" data-value="${part.value}"><title>${esc(row.name)} · ${esc(part.name)}: ${esc(percent(part.value / total))} (${part.value})</title></rect>`;
          x += width;
          return rect;
        })
        .join('');
      return `<text class="row-label" x="${labelWidth - 8}" y="${y + rowHeight / 2}" text-anchor="end">${esc(row.name)}</text>${parts}`;
    })
    .join('');
  return frame(height, options.id, bars);
};
