/**
 * A link target taken from data (a PR's URL from GitHub): only an absolute http(s) URL,
 * normalised by the URL parser (which percent-encodes spaces, quotes and angle brackets),
 * or null so the caller prints plain text instead of a link.
 */
export function safeLinkTarget(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
  } catch {
    return null;
  }
}
