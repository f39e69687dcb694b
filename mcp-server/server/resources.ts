import { ResourceTemplate, type McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { McpError } from '@modelcontextprotocol/sdk/types.js';
import { isRepoScoutError } from '../../shared/errors';
import { renderRepositoryMarkdown } from '../../shared/reports/markdown';
import type { Catalog } from './catalog';

// JSON-RPC code the MCP specification gives "resource not found".
const RESOURCE_NOT_FOUND = -32002;
const MAX_COMPLETIONS = 50;

export const REPOSITORY_REPORT_TEMPLATE = 'reposcout://repository/{key}/report';

/** The report URI of a stored repository; the key is percent-encoded into one path segment. */
export function repositoryReportUri(key: string): string {
  return `reposcout://repository/${encodeURIComponent(key)}/report`;
}

/**
 * Reports as resources. Repository reports are listed and readable by URI template.
 * An organization report (reposcout://organization/{owner}/report) arrives with GitHub
 * ingestion; until the engine can research an organization it is not offered.
 */
export function registerResources(server: McpServer, catalog: Catalog, canAnalyze: boolean): void {
  server.registerResource(
    'repository-report',
    new ResourceTemplate(REPOSITORY_REPORT_TEMPLATE, {
      list: () => ({
        resources: catalog.entries().flatMap(({ row, research }) =>
          research === null
            ? []
            : [
                {
                  uri: repositoryReportUri(row.key),
                  name: `${row.name} report`,
                  title: `RepoScout report: ${row.name}`,
                  description: `Research report of ${row.key}: health ${research.health.score}/100 (${research.health.grade}), analysed ${research.repository.analyzedAt.slice(0, 10)}.`,
                  mimeType: 'text/markdown',
                },
              ],
        ),
      }),
      complete: {
        key: (value) => {
          const needle = value.toLowerCase();
          return catalog
            .entries()
            .filter(({ row, research }) => research !== null && (row.key.toLowerCase().includes(needle) || row.name.toLowerCase().includes(needle)))
            .slice(0, MAX_COMPLETIONS)
            .map(({ row }) => row.key);
        },
      },
    }),
    {
      title: 'Repository research report',
      description:
        'The full research report of one stored repository as Markdown: health breakdown, activity, contributors, bus factor, hotspots, languages, community files, pull requests, releases. The key is the repository key from list_repositories, percent-encoded.',
      mimeType: 'text/markdown',
    },
    (uri, variables) => {
      const raw = Array.isArray(variables.key) ? variables.key.join(',') : (variables.key ?? '');
      let key: string;
      try {
        key = decodeURIComponent(raw);
      } catch {
        throw new McpError(RESOURCE_NOT_FOUND, `The key in ${uri.href} is not valid percent-encoding; build the URI with encodeURIComponent(key).`);
      }
      try {
        const { research } = catalog.resolve(key, { canAnalyze });
        return { contents: [{ uri: uri.href, mimeType: 'text/markdown', text: renderRepositoryMarkdown(research) }] };
      } catch (error) {
        if (isRepoScoutError(error)) throw new McpError(RESOURCE_NOT_FOUND, error.message);
        throw error;
      }
    },
  );
}
