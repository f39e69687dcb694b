// Well-known automation accounts whose commits are not people's work.
const KNOWN_BOTS = [
  'dependabot',
  'dependabot-preview',
  'renovate',
  'renovate-bot',
  'github-actions',
  'greenkeeper',
  'snyk-bot',
  'codecov',
  'mergify',
  'pre-commit-ci',
  'semantic-release-bot',
  'allcontributors',
  'imgbot',
  'deepsource-autofix',
  'copilot-swe-agent',
  'web-flow',
];

/** True when an author identity belongs to a bot rather than a person. */
export function isBot(name: string, email: string): boolean {
  const n = name.trim().toLowerCase();
  const e = email.trim().toLowerCase();
  if (n.endsWith('[bot]') || e.includes('[bot]@') || /(^|[-_. ])bot$/.test(n)) return true;
  const local = e.split('@')[0] ?? '';
  // GitHub noreply addresses look like 12345+login@users.noreply.github.com.
  const login = local.includes('+') ? local.slice(local.indexOf('+') + 1) : local;
  return KNOWN_BOTS.includes(n) || KNOWN_BOTS.includes(login);
}
