import { z } from 'zod';
import { researchOrganization } from '../../../shared/research/org-research';
import { notResearched, organizationHeadline, ownerInput, ownerRows } from '../organizations';
import { defineTool } from '../tool';
import { textAnswer } from '../untrusted';

const input = z.strictObject({
  owner: ownerInput,
  windowMonths: z.number().int().min(1).max(240).default(12).describe('Recent window, in months, for bus factor, activity and health.'),
});

// Headline figures only: get_organization reads the rest.
const n = () => z.number();
const output = z.object({
  owner: z.string(),
  analyzedAt: z.string(),
  windowMonths: n(),
  repositories: n(),
  ranked: n(),
  medianHealth: n().nullable(),
  grades: z.object({ A: n(), B: n(), C: n(), D: n(), F: n() }),
});

export const researchOrganizationTool = defineTool({
  name: 'research_organization',
  toolset: 'research',
  title: 'Research a GitHub organization',
  description:
    "Recompute and store the research of a GitHub organization or user from what ingest_github stored (offline, no GitHub requests): each repository's health and bus factor, the health distribution, languages, activity, collaboration network, topics and citations. " +
    'Call it to change windowMonths, or after ingest_github ran with research false (by default it researches after fetching). Returns the headline figures; read details with get_organization and the other get_ tools.',
  input,
  output,
  hints: { readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: false },
  async run(args, { catalog, github, signal, enabledTools }) {
    const host = github.host();
    const found = catalog.organization(args.owner, host);
    if (found.state === 'unknown') throw notResearched(found, args.owner, enabledTools);
    const research = await catalog.exclusive(signal, async () => researchOrganization(catalog.store, args.owner, { host, windowMonths: args.windowMonths }));
    const structured = {
      owner: research.owner.login,
      analyzedAt: research.analyzedAt,
      windowMonths: research.options.windowMonths,
      repositories: research.totals.repositories,
      ranked: research.totals.ranked,
      medianHealth: research.health.median,
      grades: research.health.grades,
    };
    const text = textAnswer(`Researched: ${organizationHeadline(research)}`, ownerRows(research), [
      'Next: get_organization (sections such as "worst" and "health"), get_collaboration_network, get_topics, get_citations, or list_repositories with this owner.',
    ]);
    return { structured, text };
  },
});
