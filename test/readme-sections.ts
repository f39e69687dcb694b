import { healthFormulaMarkdown } from '../shared/analyses/health';
import { renderToolTable } from '../mcp-server/server/tool-table';
import { impactFormulaMarkdown } from '../shared/achievements/impact';
import { portfolioJsonSchema } from '../shared/achievements/exports/json';
import { recordJsonSchemas } from './record-json-schemas';

/** README sections generated from code, by marker name; `npm run readme` writes them. */
export const readmeSections: Record<string, () => string> = {
  health: healthFormulaMarkdown,
  tools: renderToolTable,
  impact: impactFormulaMarkdown,
};

/** Files generated from code (published schemas); `npm run readme` writes them too. */
export const generatedFiles: Record<string, () => string> = {
  'schemas/portfolio.schema.json': () => `${JSON.stringify(portfolioJsonSchema(), null, 2)}\n`,
  ...recordJsonSchemas,
};
