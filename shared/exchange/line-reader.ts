/** One line of a byte stream: its text, or how long it was when it exceeded the cap. */
export type CappedLine = { lineNo: number; text: string } | { lineNo: number; tooLongBytes: number };

/**
 * Splits a stream into lines ("\n" or "\r\n") without ever holding more than `maxLineBytes`
 * of one line: a longer line is counted and dropped as it streams past, and comes out as
 * `tooLongBytes`. Lines are decoded as UTF-8 once complete.
 */
export async function* readCappedLines(stream: AsyncIterable<Buffer | string>, maxLineBytes: number): AsyncGenerator<CappedLine> {
  let parts: Buffer[] = [];
  let lineBytes = 0;
  let tooLong = false;
  let lineNo = 0;
  const take = (piece: Buffer) => {
    lineBytes += piece.length;
    if (tooLong) return;
    if (lineBytes > maxLineBytes) {
      tooLong = true;
      parts = [];
    } else if (piece.length > 0) {
      // A copy: a view would pin the whole chunk it came from until the line ends.
      parts.push(Buffer.from(piece));
    }
  };
  const finish = (): CappedLine => {
    lineNo += 1;
    const line: CappedLine = tooLong ? { lineNo, tooLongBytes: lineBytes } : { lineNo, text: Buffer.concat(parts).toString('utf8').replace(/\r$/, '') };
    parts = [];
    lineBytes = 0;
    tooLong = false;
    return line;
  };
  for await (const raw of stream) {
    const chunk = typeof raw === 'string' ? Buffer.from(raw, 'utf8') : raw;
    let start = 0;
    for (let nl = chunk.indexOf(10, start); nl >= 0; nl = chunk.indexOf(10, start)) {
      take(chunk.subarray(start, nl));
      yield finish();
      start = nl + 1;
    }
    if (start < chunk.length) take(chunk.subarray(start));
  }
  if (lineBytes > 0 || tooLong) yield finish();
}
