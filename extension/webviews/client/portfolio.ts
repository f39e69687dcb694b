/// <reference lib="dom" />
import type { PortfolioReportModel } from '../../../shared/protocol/portfolio-report';
import { renderPortfolio, type PortfolioActions } from '../../../webview-client/portfolio';
import { onThemeChange } from '../../../webview-client/dom';
import { listen, post, renderError, renderLoading, saveState } from './channel';

// The portfolio webview: host messages in, the shared renderer (webview-client/portfolio.ts,
// the same code the HTML export runs) draws the model, its buttons and links post back.

const root = document.getElementById('app') as HTMLElement;
let current: { model: PortfolioReportModel; actions: PortfolioActions } | null = null;

function actions(canWriteProse: boolean): PortfolioActions {
  return {
    canWriteProse,
    refresh: () => post({ type: 'refresh' }),
    exportPortfolio: () => post({ type: 'exportPortfolio' }),
    writeSelfReview: () => post({ type: 'writeSelfReview' }),
    openExternal: (url) => post({ type: 'openExternal', url }),
  };
}

listen((message) => {
  if (message.type === 'loading') {
    saveState(message.state);
    renderLoading(root, message.title);
  } else if (message.type === 'portfolio') {
    current = { model: message.model, actions: actions(message.canWriteProse) };
    renderPortfolio(root, current.model, current.actions);
  } else if (message.type === 'error') {
    renderError(root, message.message, message.retry);
  }
});

onThemeChange(() => {
  if (current) renderPortfolio(root, current.model, current.actions);
});
