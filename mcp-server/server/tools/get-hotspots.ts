import { identityOf } from '../repository-view';
import { defineTool } from '../tool';
import { quote, textAnswer } from '../untrusted';
import { getHotspotsContract } from '../../../shared/protocol/tools/get-hotspots';

export const getHotspotsTool = defineTool({
  ...getHotspotsContract,
  run(args, { catalog }) {
    const { row, research } = catalog.resolve(args.repository);
    const prefix = args.pathPrefix?.replace(/^\.?\//, '');
    const hotspots = research.hotspots.filter((h) => prefix === undefined || h.path.startsWith(prefix)).slice(0, args.limit);
    const structured = { repository: identityOf(row), windowMonths: research.options.windowMonths, windowStart: research.options.windowStart, hotspots };
    const headline =
      row.source === 'github'
        ? 'Hotspots need the file-level history of a local clone; GitHub research has none. Analyse a local clone of this repository to see them.'
        : hotspots.length === 0
        ? `No hotspot${prefix === undefined ? '' : ' under that prefix'} among the top ${research.hotspots.length} files by churn since ${research.options.windowStart.slice(0, 10)}.`
        : `${hotspots.length} files by churn since ${research.options.windowStart.slice(0, 10)} (last ${research.options.windowMonths} months):`;
    const rows = hotspots.map((h) => `${quote(h.path, 400)} churn ${h.churn} (+${h.additions}/-${h.deletions}) in ${h.commits} commits by ${h.authors} authors`);
    return { structured, text: textAnswer(headline, rows) };
  },
});
