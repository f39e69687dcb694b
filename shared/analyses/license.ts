/** A licence recognised by phrases in normalised text (see `normalise`). */
interface LicenceRule {
  /** Returns the SPDX id when the text is this licence, else null. */
  match: (text: string) => string | null;
}

// An explicit identifier wins over any text; REUSE and many headers carry one.
const SPDX_LINE = /SPDX-License-Identifier:[ \t]*([^\r\n]*)/gi;
const SPDX_EXPRESSION = /^[A-Za-z0-9(][A-Za-z0-9.+:\-() ]*$/;

const GNU_NOTICE = /(affero |lesser |library )?general public license as published by the free software foundation (?:either )?version (3|2 1|2) /;
const GNU_NOTICE_IDS: Record<string, string> = {
  '3': 'GPL-3.0', '2': 'GPL-2.0',
  'affero 3': 'AGPL-3.0',
  'lesser 3': 'LGPL-3.0', 'lesser 2 1': 'LGPL-2.1', 'library 2': 'LGPL-2.0', 'library 2 1': 'LGPL-2.1',
};

function phrase(id: string, words: string): LicenceRule {
  return { match: (text) => (text.includes(` ${words} `) ? id : null) };
}

function pattern(id: string, re: RegExp): LicenceRule {
  return { match: (text) => (re.test(text) ? id : null) };
}

// Order matters. The GNU licences name each other in their bodies (GPL-3.0 section 13
// mentions "version 3 of the GNU Affero General Public License"; LGPL-2.1 refers to "the
// ordinary GNU General Public License, version 2"), so they are matched by their title
// lines ("<name> version <n>"), most specific family first, and only then by the
// "as published by the Free Software Foundation; either version N" notice.
const RULES: LicenceRule[] = [
  phrase('AGPL-3.0', 'gnu affero general public license version 3'),
  phrase('LGPL-3.0', 'gnu lesser general public license version 3'),
  phrase('LGPL-2.1', 'gnu lesser general public license version 2 1'),
  phrase('LGPL-2.0', 'gnu library general public license version 2'),
  phrase('GPL-3.0', 'gnu general public license version 3'),
  phrase('GPL-2.0', 'gnu general public license version 2'),
  {
    match: (text) => {
      const m = GNU_NOTICE.exec(text);
      return m ? (GNU_NOTICE_IDS[`${m[1] ?? ''}${m[2]}`] ?? null) : null;
    },
  },
  phrase('Apache-2.0', 'apache license version 2 0'),
  pattern('MPL-2.0', / mozilla public license (?:version |v )?2 0 /),
  pattern('EPL-2.0', / eclipse public license (?:version |v )?2 0 /),
  phrase('BSL-1.0', 'boost software license version 1 0'),
  phrase('CC0-1.0', 'cc0 1 0'),
  phrase('Unlicense', 'this is free and unencumbered software released into the public domain'),
  {
    // MIT-0 is MIT without the "subject to the following conditions" clause.
    match: (text) => {
      if (!text.includes(' permission is hereby granted free of charge to any person obtaining a copy of this software ')) return null;
      return text.includes(' furnished to do so the software is provided as is ') ? 'MIT-0' : 'MIT';
    },
  },
  {
    // 0BSD is ISC without the "provided that the above copyright notice ..." proviso.
    match: (text) => {
      if (!/ permission to use copy modify and (?:or )?distribute this software for any purpose with or without fee is hereby granted /.test(text)) return null;
      return text.includes(' is hereby granted the software is provided as is ') ? '0BSD' : 'ISC';
    },
  },
  {
    // BSD-4 adds the advertising clause to BSD-3, which adds the endorsement clause to BSD-2.
    match: (text) => {
      if (!text.includes(' redistribution and use in source and binary forms with or without modification are permitted provided that ')) return null;
      if (text.includes(' all advertising materials mentioning features or use of this software must display ')) return 'BSD-4-Clause';
      if (text.includes(' used to endorse or promote products derived from this software ')) return 'BSD-3-Clause';
      return 'BSD-2-Clause';
    },
  },
  phrase('Zlib', 'permission is granted to anyone to use this software for any purpose including commercial applications and to alter it and redistribute it freely'),
];

/** Lower case, every run of non-alphanumerics one space, padded so phrases can match whole words. */
function normalise(text: string): string {
  return ` ${text.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim()} `;
}

/** The expression on the first well-formed `SPDX-License-Identifier:` line, or null. */
function spdxLine(text: string): string | null {
  for (const m of text.matchAll(SPDX_LINE)) {
    // Drop comment closers that share the line: "/* SPDX-License-Identifier: MIT */", "<!-- ... -->".
    const value = (m[1] ?? '').replace(/(\*\/|-->|#\}).*$/, '').replace(/\s+/g, ' ').trim();
    if (value.length > 0 && value.length <= 200 && SPDX_EXPRESSION.test(value)) return value;
  }
  return null;
}

/**
 * The SPDX id of a licence text (an explicit `SPDX-License-Identifier:` expression as written,
 * else one of the known licences recognised by key phrases), or null when none is recognised.
 * Plain ids such as "GPL-3.0" are returned for texts, since a text alone does not say "-only" or "-or-later".
 */
export function detectSpdxId(text: string): string | null {
  if (typeof text !== 'string' || text.trim() === '') return null;
  const explicit = spdxLine(text);
  if (explicit) return explicit;
  const normalised = normalise(text);
  for (const rule of RULES) {
    const id = rule.match(normalised);
    if (id) return id;
  }
  return null;
}
