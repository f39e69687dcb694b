// Repository text (author names, commit titles, paths) is attacker-controlled:
// anyone can push a commit. Everything that reaches a report goes through here.

const HTML_ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Returns `text` safe to place in HTML element content or a quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => HTML_ENTITIES[char] ?? char);
}

const SCRIPT_JSON_ESCAPES: Record<string, string> = {
  '<': '\\u003c',
  '>': '\\u003e',
  '&': '\\u0026',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
};

/**
 * Returns `value` as JSON for a `<script type="application/json">` block: still valid
 * JSON, but with no `<`, `>` or `&` left, so `</script>` or `<!--` in the data cannot end
 * or re-mode the block, and with U+2028/U+2029 escaped for older JavaScript parsers.
 * `undefined` (which JSON cannot express) becomes `null`.
 */
export function jsonForScript(value: unknown): string {
  const json = JSON.stringify(value) ?? 'null';
  return json.replace(/[<>&\u2028\u2029]/g, (char) => SCRIPT_JSON_ESCAPES[char] ?? char);
}
