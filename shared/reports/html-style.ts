// The report's stylesheet. Colours are CSS variables so the charts (which read them at
// draw time) follow the same light or dark scheme as the tables.

/** Returns the inline stylesheet of the HTML report, light and dark via prefers-color-scheme. */
export function reportCss(): string {
  return REPORT_CSS;
}

const REPORT_CSS = `
:root {
  color-scheme: light dark;
  --bg: #f6f7f9; --surface: #ffffff; --text: #1d2330; --muted: #5b6472; --border: #e2e5ea;
  --grid: rgba(29, 35, 48, 0.08); --track: #e6e9ef; --row: #f9fafb;
  --accent: #3b6fd8; --accent-2: #e07b39;
  --good: #1f8a4c; --warn: #b7791f; --bad: #c53030;
  /* The badge keeps one set of grade colours: white text reads on them in both schemes. */
  --grade-a: #1f8a4c; --grade-b: #2a7f75; --grade-c: #a86b12; --grade-d: #b8501a; --grade-f: #c53030;
  --c1: #3b6fd8; --c2: #e07b39; --c3: #2f9e77; --c4: #9b59b6; --c5: #d4a21a; --c6: #d9507a; --c7: #3aa3c2; --c8: #8a94a6;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #12151b; --surface: #1b1f27; --text: #e6e9ef; --muted: #9aa3b2; --border: #2c323d;
    --grid: rgba(230, 233, 239, 0.09); --track: #2c323d; --row: #1f242d;
    --accent: #6b9bff; --accent-2: #f0a066;
    --good: #3fbf75; --warn: #e0a53a; --bad: #f06a6a;
  }
}
* { box-sizing: border-box; }
body {
  margin: 0; background: var(--bg); color: var(--text);
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans CJK SC", sans-serif;
}
header.top, main, footer { max-width: 1120px; margin: 0 auto; padding: 0 24px; }
header.top { display: flex; align-items: center; justify-content: space-between; gap: 24px; padding-top: 32px; padding-bottom: 16px; }
.eyebrow { margin: 0; color: var(--muted); font-size: 13px; letter-spacing: 0.06em; text-transform: uppercase; }
h1 { margin: 2px 0 6px; font-size: 28px; line-height: 1.2; overflow-wrap: anywhere; }
.meta { margin: 0; color: var(--muted); font-size: 14px; overflow-wrap: anywhere; }
.badge {
  flex: none; display: flex; flex-direction: column; align-items: center; justify-content: center;
  width: 104px; height: 104px; border-radius: 50%; color: #fff; background: var(--grade);
  box-shadow: 0 4px 14px rgba(0, 0, 0, 0.15);
}
.badge .score { font-size: 34px; font-weight: 700; line-height: 1; }
.badge .grade { font-size: 13px; font-weight: 600; opacity: 0.92; margin-top: 4px; }
.grade-A { --grade: var(--grade-a); } .grade-B { --grade: var(--grade-b); } .grade-C { --grade: var(--grade-c); }
.grade-D { --grade: var(--grade-d); } .grade-F { --grade: var(--grade-f); }
.notice {
  margin: 0 0 16px; padding: 10px 14px; border-radius: 8px; font-size: 14px;
  background: color-mix(in srgb, var(--warn) 14%, var(--surface)); border: 1px solid color-mix(in srgb, var(--warn) 45%, var(--border));
}
.stats { display: grid; grid-template-columns: repeat(auto-fit, minmax(150px, 1fr)); gap: 12px; margin-bottom: 16px; }
.stat { background: var(--surface); border: 1px solid var(--border); border-radius: 10px; padding: 12px 14px; }
.stat .value { display: block; font-size: 24px; font-weight: 650; font-variant-numeric: tabular-nums; }
.stat .label { color: var(--muted); font-size: 13px; }
section.card { background: var(--surface); border: 1px solid var(--border); border-radius: 12px; padding: 20px 22px; margin-bottom: 16px; }
section.card h2 { margin: 0 0 12px; font-size: 19px; }
section.card h3 { margin: 18px 0 8px; font-size: 15px; color: var(--muted); font-weight: 600; }
.split { display: grid; grid-template-columns: repeat(auto-fit, minmax(320px, 1fr)); gap: 20px; align-items: start; }
.split.chart-first { grid-template-columns: minmax(280px, 420px) 1fr; }
@media (max-width: 760px) { .split.chart-first { grid-template-columns: 1fr; } }
.chart { position: relative; height: 280px; margin: 8px 0 16px; }
.chart.short { height: 240px; }
/* One bar per health component, each labelled: 12 components at about 26px each. */
.chart.health { height: 320px; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; margin: 0 0 12px; font-size: 14px; }
dl.facts dt { color: var(--muted); }
dl.facts dd { margin: 0; overflow-wrap: anywhere; }
p.note { color: var(--muted); font-size: 14px; margin: 0 0 12px; }
.table-wrap { overflow-x: auto; }
table { width: 100%; border-collapse: collapse; font-size: 14px; }
th, td { padding: 7px 10px; text-align: left; vertical-align: top; border-bottom: 1px solid var(--border); }
th { color: var(--muted); font-weight: 600; font-size: 13px; white-space: nowrap; }
tbody tr:nth-child(even) { background: var(--row); }
td.text { overflow-wrap: anywhere; }
td.number, th.number { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.status, th.status { text-align: center; width: 4em; }
td.status.yes { color: var(--good); font-weight: 700; }
td.status.no { color: var(--bad); font-weight: 700; }
td.date, th.date { white-space: nowrap; }
td.na { color: var(--muted); font-style: italic; white-space: normal; width: 12em; }
footer { color: var(--muted); font-size: 13px; padding-top: 8px; padding-bottom: 32px; }
`;
