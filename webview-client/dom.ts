/// <reference lib="dom" />
// DOM helpers for the webviews. Text goes in through textContent only: repository data
// (names, commit subjects, paths) can never become markup.

type Child = Node | string | number | null | undefined | false;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: { class?: string; title?: string; role?: string; ariaLabel?: string; dataset?: Record<string, string>; onClick?: (event: MouseEvent) => void; attrs?: Record<string, string> } = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (props.class) el.className = props.class;
  if (props.title) el.title = props.title;
  if (props.role) el.setAttribute('role', props.role);
  if (props.ariaLabel) el.setAttribute('aria-label', props.ariaLabel);
  for (const [k, v] of Object.entries(props.dataset ?? {})) el.dataset[k] = v;
  for (const [k, v] of Object.entries(props.attrs ?? {})) el.setAttribute(k, v);
  if (props.onClick) el.addEventListener('click', props.onClick as EventListener);
  append(el, children);
  return el;
}

export function append(parent: Node, children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : child);
  }
}

/** A button-like link that posts a message; keyboard accessible. */
export function link(label: string, onActivate: () => void, title?: string): HTMLButtonElement {
  return h('button', { class: 'link', title: title ?? label, onClick: (e) => (e.preventDefault(), onActivate()) }, label);
}

export function section(title: string, id: string, ...children: Child[]): HTMLElement {
  return h('section', { class: 'card', attrs: { 'aria-labelledby': `${id}-title`, id } }, h('h2', { attrs: { id: `${id}-title` } }, title), ...children);
}

export function table(headers: string[], rows: Child[][], options: { numeric?: number[]; caption?: string } = {}): HTMLTableElement {
  const numeric = new Set(options.numeric ?? []);
  return h(
    'table',
    {},
    options.caption ? h('caption', { class: 'sr-only' }, options.caption) : null,
    h('thead', {}, h('tr', {}, ...headers.map((label, i) => h('th', { class: numeric.has(i) ? 'num' : '', attrs: { scope: 'col' } }, label)))),
    h('tbody', {}, ...rows.map((cells) => h('tr', {}, ...cells.map((c, i) => h('td', { class: numeric.has(i) ? 'num' : '' }, c))))),
  );
}

/** Label and value pairs (the engine's worded facts) as a definition list. */
export function facts(items: { label: string; value: string }[]): HTMLDListElement {
  return h('dl', { class: 'facts' }, ...items.flatMap((f) => [h('dt', {}, f.label), h('dd', {}, f.value)]));
}

/** Theme colour from VS Code's CSS variables, with a fallback for tests outside VS Code. */
export function themeColor(name: string, fallback: string): string {
  const value = getComputedStyle(document.body).getPropertyValue(`--vscode-${name}`).trim();
  return value || fallback;
}

export const fmt = new Intl.NumberFormat(undefined);
const oneDecimal = new Intl.NumberFormat(undefined, { minimumFractionDigits: 1, maximumFractionDigits: 1 });

export function date(iso: string | null): string {
  return iso ? iso.slice(0, 10) : '—';
}

/** A byte count in B, KB or MB (1024-based), as the Markdown report writes sizes. */
export function bytes(n: number): string {
  if (n < 1024) return `${fmt.format(n)} B`;
  return n < 1024 * 1024 ? `${oneDecimal.format(n / 1024)} KB` : `${oneDecimal.format(n / (1024 * 1024))} MB`;
}

export function percent(share: number | null): string {
  return share === null ? 'n/a' : `${Math.round(share * 100)}%`;
}

/** Re-renders when the colour theme changes (VS Code switches the body's class). */
export function onThemeChange(render: () => void): void {
  let last = document.body.className;
  new MutationObserver(() => {
    if (document.body.className !== last) {
      last = document.body.className;
      render();
    }
  }).observe(document.body, { attributes: true, attributeFilter: ['class'] });
}

export function bandOf(score: number | null): 'good' | 'fair' | 'weak' | 'poor' | 'unknown' {
  if (score === null) return 'unknown';
  if (score >= 80) return 'good';
  if (score >= 65) return 'fair';
  if (score >= 50) return 'weak';
  return 'poor';
}

export const BAND_VAR: Record<ReturnType<typeof bandOf>, [string, string]> = {
  good: ['charts-green', '#388a34'],
  fair: ['charts-blue', '#1a85ff'],
  weak: ['charts-yellow', '#bf8803'],
  poor: ['charts-red', '#e51400'],
  unknown: ['disabledForeground', '#888888'],
};
