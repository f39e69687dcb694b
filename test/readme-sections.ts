import { healthFormulaMarkdown } from '../shared/analyses/health';
import { renderToolTable } from '../mcp-server/server/tool-table';

/** README sections generated from code, by marker name; `npm run readme` writes them. */
export const readmeSections: Record<string, () => string> = {
  health: healthFormulaMarkdown,
  tools: renderToolTable,
};
