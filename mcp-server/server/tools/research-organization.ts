import { researchOrganization } from '../../../shared/research/org-research';
import { notResearched, organizationHeadline, ownerRows } from '../organizations';
import { defineTool } from '../tool';
import { textAnswer } from '../untrusted';
import { researchOrganizationContract } from '../../../shared/protocol/tools/research-organization';

export const researchOrganizationTool = defineTool({
  ...researchOrganizationContract,
  async run(args, { catalog, github, signal }) {
    const host = github.host();
    const found = catalog.organization(args.owner, host);
    if (found.state === 'unknown') throw notResearched(found, args.owner, host);
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
