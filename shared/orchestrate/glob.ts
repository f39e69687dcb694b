/**
 * Matches repository-relative paths against a glob: `*` and `?` stay within one path
 * segment, `**` spans segments, `{a,b}` alternates. Enough for selectors and expected files.
 */
export function globToRegExp(glob: string): RegExp {
  let out = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*') {
      if (glob[i + 1] === '*') {
        // "**/" matches zero or more whole segments; a trailing "**" matches everything below.
        const slash = glob[i + 2] === '/';
        out += slash ? '(?:.*/)?' : '.*';
        i += slash ? 2 : 1;
      } else out += '[^/]*';
    } else if (c === '?') out += '[^/]';
    else if (c === '{') {
      const close = glob.indexOf('}', i);
      if (close === -1) out += '\\{';
      else {
        out += `(?:${glob.slice(i + 1, close).split(',').map(escape).join('|')})`;
        i = close;
      }
    } else out += escape(c);
  }
  return new RegExp(`^${out}$`);
}

const escape = (text: string) => text.replace(/[.+^${}()|[\]\\*?]/g, '\\$&');

/** True when `pattern` holds glob syntax (otherwise it names one path). */
export const isGlob = (pattern: string) => /[*?{]/.test(pattern);
