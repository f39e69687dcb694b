/// <reference lib="dom" />
import { h } from './dom';

// The start of every self-contained HTML page's script (webview-client/*-page.ts): the engine
// wrote the page's model as an inert JSON block (`#data`) after parsing it with the contract,
// so zod stays out of the page's bundle; the page renders it into `#app` with the renderer the
// VS Code webview runs, without actions, and ends with a footer.

/** What a page shows (`noun`), the model its data should be, and how to write the page again. */
export interface DataPage {
  noun: string;
  model: string;
  again: string;
}

/**
 * Renders `#data` into `#app` with `render`, which returns the footer's text. A page whose data
 * was edited by hand or cut short says so instead of staying blank.
 */
export function mountDataPage<T>(page: DataPage, render: (root: HTMLElement, model: T) => string): void {
  const root = document.getElementById('app') as HTMLElement;
  try {
    const model = JSON.parse(document.getElementById('data')?.textContent ?? 'null') as T;
    const footer = render(root, model);
    root.append(h('footer', { class: 'muted small' }, footer));
  } catch (error) {
    // A page that carries a text version for readers without scripts (shared/reports/html-page.ts),
    // hidden where scripts run, shows it under the notice.
    const textVersion = document.getElementById('text-version');
    if (textVersion) document.documentElement.classList.remove('js');
    const follows = textVersion ? ' Its text version follows.' : '';
    root.replaceChildren(
      h('div', { class: 'error-box', role: 'alert' }, h('h2', {}, `This ${page.noun} cannot be shown`), h('p', {}, `Its data is not ${page.model} (${error instanceof Error ? error.message : String(error)}); ${page.again}.${follows}`)),
    );
  }
}
