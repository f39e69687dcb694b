/// <reference lib="dom" />
import type { OrgReportModel } from '../../../shared/protocol/org-report';
import { renderOrgReport, type OrgReportActions } from '../../../webview-client/org-report';
import { onThemeChange } from '../../../webview-client/dom';
import { listen, post, renderError, renderLoading, saveState } from './channel';

// The dashboard webview: host messages in, the shared renderer (webview-client/org-report.ts,
// the same code the HTML organization report runs) draws the model, its links post back.

const root = document.getElementById('app') as HTMLElement;
let current: OrgReportModel | null = null;

const actions: OrgReportActions = {
  refresh: () => post({ type: 'refresh' }),
  openRepository: (key) => post({ type: 'openRepository', key }),
  openContributor: (name, email) => post({ type: 'openContributor', name, email }),
  openExternal: (url) => post({ type: 'openExternal', url }),
};

listen((message) => {
  if (message.type === 'loading') {
    saveState(message.state);
    renderLoading(root, message.title);
  } else if (message.type === 'dashboard') {
    current = message.model;
    saveState({ kind: 'dashboard', owner: message.model.owner.login });
    renderOrgReport(root, message.model, actions);
  } else if (message.type === 'error') {
    renderError(root, message.message, message.retry);
  }
});

onThemeChange(() => {
  if (current) renderOrgReport(root, current, actions);
});
