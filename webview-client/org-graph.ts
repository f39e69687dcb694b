/// <reference lib="dom" />
import cytoscape from 'cytoscape';
import type { OrgReportModel } from '../shared/protocol/org-report';
import { paletteColor } from './charts';
import { BAND_VAR, bandOf, h, themeColor } from './dom';

// The organization's collaboration graph (cytoscape, bundled): people coloured by community,
// repositories by health band. Labels are canvas text, never markup. A tap highlights a
// node's neighbourhood and says what it is; where the report can act (the VS Code
// dashboard), a repository opens its report and a person their repositories.

/** What a tap on a node does besides highlighting it; null in the HTML report. */
export interface GraphActions {
  openRepository(key: string): void;
  openContributor(name: string, email: string): void;
}

let graph: cytoscape.Core | null = null;

/** Destroys the graph of the last rendering. */
export function destroyGraph(): void {
  graph?.destroy();
  graph = null;
}

/** A community's colour; people outside any community share the theme's purple. */
export function communityColor(community: number): string {
  return community >= 0 ? paletteColor(community) : themeColor('charts-purple', '#652d90');
}

/** Draws `network` into `container` once it is in the document; `selection` says what was tapped. */
export function drawGraph(container: HTMLElement, network: OrgReportModel['network'], selection: HTMLElement, actions: GraphActions | null): void {
  requestAnimationFrame(() => {
    if (!container.isConnected) return;
    destroyGraph();
    graph = build(container, network, selection, actions);
    // Says the graph drew (tests and readers can tell an empty box apart).
    container.dataset.nodes = String(graph.nodes().length);
    container.dataset.edges = String(graph.edges().length);
  });
}

// cytoscape puts a <style> element in the head (its container's `position: relative`) unless
// one with this id exists; the webview's CSP (no inline styles) refuses it with a console
// error. media/webview.css gives .graph that rule, and this placeholder stands for the sheet.
const CYTOSCAPE_SHEET_ID = '__________cytoscape_stylesheet';

function markStylesheetPresent(): void {
  if (!document.getElementById(CYTOSCAPE_SHEET_ID)) document.head.append(h('meta', { attrs: { id: CYTOSCAPE_SHEET_ID, name: 'cytoscape-stylesheet' } }));
}

function build(container: HTMLElement, network: OrgReportModel['network'], selection: HTMLElement, actions: GraphActions | null): cytoscape.Core {
  const fg = themeColor('foreground', '#cccccc');
  const muted = themeColor('descriptionForeground', '#888888');
  const edge = themeColor('editorWidget-border', '#888888');
  const background = themeColor('editor-background', '#ffffff');
  const focus = themeColor('focusBorder', '#007fd4');
  markStylesheetPresent();
  const cy = cytoscape({
    container,
    elements: [
      ...network.nodes.map((n) => ({
        group: 'nodes' as const,
        data: { id: n.id, label: n.label, kind: n.kind, size: n.size, key: n.key ?? '', email: n.email ?? '', color: n.kind === 'repository' ? themeColor(...BAND_VAR[bandOf(n.health)]) : communityColor(n.community) },
      })),
      ...network.edges.map((e, i) => ({ group: 'edges' as const, data: { id: `e${i}`, source: e.source, target: e.target, weight: e.weight } })),
    ],
    style: [
      {
        selector: 'node',
        style: {
          label: 'data(label)',
          width: 'data(size)',
          height: 'data(size)',
          'background-color': 'data(color)',
          color: fg,
          'font-size': 10,
          'text-valign': 'bottom',
          'text-margin-y': 3,
          'text-wrap': 'ellipsis',
          'text-max-width': '110px',
          'text-outline-color': background,
          'text-outline-width': 2,
        },
      },
      { selector: 'node[kind = "repository"]', style: { shape: 'round-rectangle', 'border-width': 1, 'border-color': muted, 'font-weight': 'bold', 'font-size': 9, 'min-zoomed-font-size': 8 } },
      { selector: 'edge', style: { width: 'mapData(weight, 0, 4, 0.5, 4)', 'line-color': edge, opacity: 0.7, 'curve-style': 'haystack' } },
      { selector: '.faded', style: { opacity: 0.15 } },
      { selector: 'node:selected', style: { 'border-width': 3, 'border-color': focus } },
    ],
    layout: { name: 'cose', animate: false, randomize: false, nodeRepulsion: () => 9000, idealEdgeLength: () => 60, numIter: 1500, padding: 20 } as cytoscape.LayoutOptions,
    minZoom: 0.2,
    maxZoom: 3,
  });
  cy.on('tap', 'node', (event) => {
    const node = event.target as cytoscape.NodeSingular;
    cy.elements().addClass('faded');
    node.closedNeighborhood().removeClass('faded');
    const label = String(node.data('label'));
    const neighbours = node.neighborhood('node').length;
    if (node.data('kind') === 'repository') {
      const key = String(node.data('key'));
      const opening = actions && key ? ' Opening its report…' : '';
      selection.textContent = `${label}: ${neighbours} ${neighbours === 1 ? 'person' : 'people'} shown.${opening}`;
      if (actions && key) actions.openRepository(key);
    } else {
      selection.textContent = `${label} worked on ${neighbours} of the repositories shown.`;
      if (actions) actions.openContributor(label, String(node.data('email')));
    }
  });
  cy.on('tap', (event) => {
    if (event.target === cy) cy.elements().removeClass('faded');
  });
  return cy;
}
