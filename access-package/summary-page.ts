// index.html of an access package: what the subject finds where, readable without any
// tool. Every value from a store is escaped by the `html` tag, so a record cannot carry
// markup or script into the page; the page loads nothing from anywhere.
import { html, type Html } from '../markup/html';
import type { PackageRecord, SpoolSummary } from './spool';

export interface SummaryInput {
  requestId: string;
  createdAt: Date;
  /** Every category of every store searched, with its records (count 0 included). */
  categories: SpoolSummary[];
  /** The zip entry names of a category's JSON and CSV files. */
  filesOf: (s: SpoolSummary) => { json: string; csv: string };
}

const STYLE = 'body{font-family:sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}table{border-collapse:collapse;margin:.5rem 0 1.5rem}td,th{border:1px solid #999;padding:.2rem .5rem;text-align:left;vertical-align:top}';

function previewTable(s: SpoolSummary): Html {
  if (s.count === 0) return html`<p>无记录 / No records.</p>`;
  const cell = (v: PackageRecord[string] | undefined) => (v === null || v === undefined ? '' : String(v));
  return html`<table><thead><tr>${s.columns.map((c) => html`<th>${c}</th>`)}</tr></thead><tbody>${s.preview.map(
    (r) => html`<tr>${s.columns.map((c) => html`<td>${cell(r[c])}</td>`)}</tr>`,
  )}</tbody></table>${s.count > s.preview.length ? html`<p>前 ${s.preview.length} 条，共 ${s.count} 条 / The first ${s.preview.length} of ${s.count} records; the files hold all of them.</p>` : ''}`;
}

/** The summary page as a complete HTML document. */
export function summaryPage(p: SummaryInput): string {
  const total = p.categories.reduce((n, s) => n + s.count, 0);
  const rows = p.categories.map((s) => {
    const f = p.filesOf(s);
    return html`<tr><td>${s.store}</td><td>${s.category}</td><td>${s.count}</td><td>${s.count > 0 ? html`<a href="${f.json}">${f.json}</a><br><a href="${f.csv}">${f.csv}</a>` : '—'}</td></tr>`;
  });
  const sections = p.categories.map((s) => html`<h3>${s.store} / ${s.category} (${s.count})</h3>${previewTable(s)}`);
  return html`<!doctype html>
<html lang="zh"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'"><title>您的个人信息副本 / Copy of your personal information</title><style>${STYLE}</style></head>
<body>
<h1>您的个人信息副本 / Copy of your personal information</h1>
<p>请求编号 / Request reference: <strong>${p.requestId}</strong></p>
<p>生成时间 / Made on: ${p.createdAt.toISOString()}</p>
<p>共 ${total} 条记录 / ${total} records in all. 每一类别均附 JSON（机器可读）和 CSV（表格）文件 / Each category comes as JSON (machine-readable) and CSV (for spreadsheets).</p>
<h2>系统与类别 / Systems and categories</h2>
<table><thead><tr><th>系统 / System</th><th>类别 / Category</th><th>记录数 / Records</th><th>文件 / Files</th></tr></thead><tbody>${rows}</tbody></table>
<h2>内容预览 / What the files hold</h2>
${sections}
</body></html>
`.markup;
}
