// Requests closed before and after their deadline per week, as an SVG bar chart drawn on the
// server: no script, readable in any browser, and with a table of the same numbers beside it
// for screen readers and for anyone who wants the figures.
import { html, type Html } from '../../../markup/html';
import type { WeekBar } from '../../use-cases/dashboard-figures';
import type { ConsoleText } from './console-text';

const BAR = 28;
const GAP = 12;
const HEIGHT = 160;
const AXIS = 30;

/** The chart, one stacked bar per week: on time below, late above. */
export function weekChart(t: ConsoleText, weeks: readonly WeekBar[]): Html {
  if (weeks.length === 0) return html`<p class="notice">${t.noneClosed}</p>`;
  const max = Math.max(1, ...weeks.map((w) => w.onTime + w.late));
  const scale = (n: number) => Math.round((n / max) * (HEIGHT - 20));
  const width = weeks.length * (BAR + GAP) + GAP;
  const bars = weeks.map((w, i) => {
    const x = GAP + i * (BAR + GAP);
    const onH = scale(w.onTime);
    const lateH = scale(w.late);
    return html`<g><title>${w.week}: ${w.onTime} ${t.onTime}, ${w.late} ${t.late}</title>
<rect class="on-time" x="${x}" y="${HEIGHT - onH}" width="${BAR}" height="${onH}"></rect>
<rect class="late" x="${x}" y="${HEIGHT - onH - lateH}" width="${BAR}" height="${lateH}"></rect>
<text x="${x + BAR / 2}" y="${HEIGHT + 14}" text-anchor="middle">${w.week.slice(5)}</text></g>`;
  });
  return html`<figure class="chart">
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${HEIGHT + AXIS}" width="${width}" height="${HEIGHT + AXIS}" role="img" aria-labelledby="chart-title">
<title id="chart-title">${t.chartTitle}</title>
<line x1="0" y1="${HEIGHT}" x2="${width}" y2="${HEIGHT}" stroke="currentColor"></line>
${bars}
</svg>
<figcaption><span class="badge done">${t.onTime}</span> <span class="badge late">${t.late}</span></figcaption>
</figure>
<details><summary>${t.chartTitle}</summary><div class="table-wrap"><table id="weeks">
<thead><tr><th scope="col">${t.weekOf}</th><th scope="col">${t.onTime}</th><th scope="col">${t.late}</th></tr></thead>
<tbody>${weeks.map((w) => html`<tr><th scope="row">${w.week}</th><td>${w.onTime}</td><td>${w.late}</td></tr>`)}</tbody></table></div></details>`;
}
