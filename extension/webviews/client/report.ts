/// <reference lib="dom" />
import type { ReportModel } from '../../../shared/protocol/report';
import { renderReport, type ReportActions } from '../../../webview-client/report';
import { onThemeChange } from '../../../webview-client/dom';
import { listen, post, renderError, renderLoading, saveState } from './channel';

// The report webview: host messages in, the shared renderer (webview-client/report.ts, the
// same code the HTML report runs) draws the model, its links and buttons post back.

const root = document.getElementById('app') as HTMLElement;
let current: ReportModel | null = null;

const actions: ReportActions = {
  refresh: () => post({ type: 'refresh' }),
  reanalyze: (key) => post({ type: 'reanalyze', key }),
  openMarkdown: (key) => post({ type: 'openMarkdown', key }),
  openDashboard: (owner) => post({ type: 'openDashboard', owner }),
  openContributor: (name, email) => post({ type: 'openContributor', name, email }),
  openFile: (key, path) => post({ type: 'openFile', key, path }),
  openExternal: (url) => post({ type: 'openExternal', url }),
};

listen((message) => {
  if (message.type === 'loading') {
    saveState(message.state);
    renderLoading(root, message.title);
  } else if (message.type === 'report') {
    current = message.model;
    saveState({ kind: 'report', key: message.model.repository.key });
    renderReport(root, message.model, actions);
  } else if (message.type === 'error') {
    renderError(root, message.message, message.retry);
  }
});

onThemeChange(() => {
  if (current) renderReport(root, current, actions);
});
