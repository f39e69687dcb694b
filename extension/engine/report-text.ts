/**
 * The report inside a resource's fenced data section. The fence and markers tell agents the text
 * is data; a person reading the preview wants the report itself. Other text is returned as is.
 */
export function unfenceReport(text: string): string {
  const lines = text.split('\n');
  const fence = /^(`{3,})markdown$/.exec(lines[1] ?? '')?.[1];
  if (!fence || !lines[0]?.startsWith('<<<') || lines.at(-2) !== fence || !lines.at(-1)?.startsWith('<<<')) return text;
  return `${lines.slice(2, -2).join('\n')}\n`;
}
