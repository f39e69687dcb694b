/// <reference lib="dom" />
import type { PanelState, ToHost, ToWebview } from '../protocol';
import { checkMessage } from './message-shape';
import { h } from '../../../webview-client/dom';

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const api = acquireVsCodeApi();

export function post(message: ToHost): void {
  api.postMessage(message);
}

export function saveState(state: PanelState): void {
  api.setState(state);
}

/**
 * Listens for host messages (validated against the protocol by the host; checked here by shape).
 * A malformed message leaves the page as it is and shows a notice, so the view stays consistent.
 */
export function listen(handle: (message: ToWebview) => void): void {
  window.addEventListener('message', (event: MessageEvent) => {
    const parsed = checkMessage(event.data);
    if (parsed.ok) {
      clearNotice();
      handle(parsed.message);
    } else {
      showNotice(`RepoScout ${parsed.problem}. The view shows the last good data; use Refresh to reload it.`);
    }
  });
  post({ type: 'ready' });
}

function showNotice(text: string): void {
  let notice = document.getElementById('notice');
  if (!notice) {
    notice = h('div', { class: 'notice', role: 'status', attrs: { id: 'notice' } });
    document.body.prepend(notice);
  }
  notice.textContent = text;
}

function clearNotice(): void {
  document.getElementById('notice')?.remove();
}

export function renderLoading(root: HTMLElement, title: string): void {
  // Keep what is shown (a refresh should not flash); mark it busy instead.
  if (root.childElementCount === 0 || root.querySelector('.placeholder')) {
    root.replaceChildren(h('p', { class: 'placeholder muted' }, title));
  }
  root.setAttribute('aria-busy', 'true');
}

export function renderError(root: HTMLElement, message: string, retry: boolean): void {
  root.removeAttribute('aria-busy');
  root.replaceChildren(
    h(
      'div',
      { class: 'error-box', role: 'alert' },
      h('h2', {}, 'RepoScout could not load this view'),
      h('p', {}, message),
      retry ? h('button', { class: 'primary', onClick: () => post({ type: 'refresh' }) }, 'Retry') : null,
    ),
  );
}
