import { describe, expect, it } from 'vitest';
import { detectSpdxId } from './license';

// The first two clauses of both BSD licences, word for word.
const BSD_CLAUSES_1_2 = `Redistribution and use in source and binary forms, with or without
modification, are permitted provided that the following conditions are met:

1. Redistributions of source code must retain the above copyright notice, this
   list of conditions and the following disclaimer.

2. Redistributions in binary form must reproduce the above copyright notice,
   this list of conditions and the following disclaimer in the documentation
   and/or other materials provided with the distribution.`;

// Opening paragraphs of the real licence texts, as they appear in LICENSE files.
const TEXTS = {
  MIT: `MIT License

Copyright (c) 2024 Jane Doe

Permission is hereby granted, free of charge, to any person obtaining a copy
of this software and associated documentation files (the "Software"), to deal
in the Software without restriction, including without limitation the rights
to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
copies of the Software, and to permit persons to whom the Software is
furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all
copies or substantial portions of the Software.`,

  'MIT-0': `MIT No Attribution

Copyright 2024 Jane Doe

Permission is hereby granted, free of charge, to any person obtaining a copy of this
software and associated documentation files (the "Software"), to deal in the Software
without restriction, including without limitation the rights to use, copy, modify,
merge, publish, distribute, sublicense, and/or sell copies of the Software, and to
permit persons to whom the Software is furnished to do so.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED.`,

  'Apache-2.0': `
                                 Apache License
                           Version 2.0, January 2004
                        http://www.apache.org/licenses/

   TERMS AND CONDITIONS FOR USE, REPRODUCTION, AND DISTRIBUTION

   1. Definitions.

      "License" shall mean the terms and conditions for use, reproduction,
      and distribution as defined by Sections 1 through 9 of this document.`,

  'GPL-2.0': `                    GNU GENERAL PUBLIC LICENSE
                       Version 2, June 1991

 Copyright (C) 1989, 1991 Free Software Foundation, Inc.,
 51 Franklin Street, Fifth Floor, Boston, MA 02110-1301 USA
 Everyone is permitted to copy and distribute verbatim copies
 of this license document, but changing it is not allowed.

                            Preamble

  The licenses for most software are designed to take away your
freedom to share and change it.  By contrast, the GNU General Public
License is intended to guarantee your freedom to share and change free
software--to make sure the software is free for all its users.`,

  'GPL-3.0': `                    GNU GENERAL PUBLIC LICENSE
                       Version 3, 29 June 2007

 Copyright (C) 2007 Free Software Foundation, Inc. <https://fsf.org/>
 Everyone is permitted to copy and distribute verbatim copies
 of this license document, but changing it is not allowed.

                            Preamble

  The GNU General Public License is a free, copyleft license for
software and other kinds of works.`,

  'LGPL-2.1': `                  GNU LESSER GENERAL PUBLIC LICENSE
                       Version 2.1, February 1999

 Copyright (C) 1991, 1999 Free Software Foundation, Inc.
 51 Franklin Street, Fifth Floor, Boston, MA  02110-1301  USA
 Everyone is permitted to copy and distribute verbatim copies
 of this license document, but changing it is not allowed.

[This is the first released version of the Lesser GPL.  It also counts
 as the successor of the GNU Library Public License, version 2, hence
 the version number 2.1.]`,

  'LGPL-3.0': `                   GNU LESSER GENERAL PUBLIC LICENSE
                       Version 3, 29 June 2007

 Copyright (C) 2007 Free Software Foundation, Inc. <https://fsf.org/>
 Everyone is permitted to copy and distribute verbatim copies
 of this license document, but changing it is not allowed.

  This version of the GNU Lesser General Public License incorporates
the terms and conditions of version 3 of the GNU General Public
License, supplemented by the additional permissions listed below.`,

  'AGPL-3.0': `                    GNU AFFERO GENERAL PUBLIC LICENSE
                       Version 3, 19 November 2007

 Copyright (C) 2007 Free Software Foundation, Inc. <https://fsf.org/>
 Everyone is permitted to copy and distribute verbatim copies
 of this license document, but changing it is not allowed.

                            Preamble

  The GNU Affero General Public License is a free, copyleft license for
software and other kinds of works, specifically designed to ensure
cooperation with the community in the case of network server software.`,

  'BSD-2-Clause': `BSD 2-Clause License

Copyright (c) 2024, Jane Doe

${BSD_CLAUSES_1_2}

THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS"`,

  'BSD-3-Clause': `BSD 3-Clause License

Copyright (c) 2024, Jane Doe

${BSD_CLAUSES_1_2}

3. Neither the name of the copyright holder nor the names of its
   contributors may be used to endorse or promote products derived from
   this software without specific prior written permission.`,

  'MPL-2.0': `Mozilla Public License Version 2.0
==================================

1. Definitions
--------------

1.1. "Contributor"
    means each individual or legal entity that creates, contributes to
    the creation of, or owns Covered Software.`,

  ISC: `ISC License

Copyright (c) 2024, Jane Doe

Permission to use, copy, modify, and/or distribute this software for any
purpose with or without fee is hereby granted, provided that the above
copyright notice and this permission notice appear in all copies.`,

  Unlicense: `This is free and unencumbered software released into the public domain.

Anyone is free to copy, modify, publish, use, compile, sell, or
distribute this software, either in source code form or as a compiled
binary, for any purpose, commercial or non-commercial, and by any
means.`,

  'CC0-1.0': `Creative Commons Legal Code

CC0 1.0 Universal

    CREATIVE COMMONS CORPORATION IS NOT A LAW FIRM AND DOES NOT PROVIDE
    LEGAL SERVICES. DISTRIBUTION OF THIS DOCUMENT DOES NOT CREATE AN
    ATTORNEY-CLIENT RELATIONSHIP.`,

  'EPL-2.0': `Eclipse Public License - v 2.0

    THE ACCOMPANYING PROGRAM IS PROVIDED UNDER THE TERMS OF THIS ECLIPSE
    PUBLIC LICENSE ("AGREEMENT"). ANY USE, REPRODUCTION OR DISTRIBUTION
    OF THE PROGRAM CONSTITUTES RECIPIENT'S ACCEPTANCE OF THIS AGREEMENT.`,

  'BSL-1.0': `Boost Software License - Version 1.0 - August 17th, 2003

Permission is hereby granted, free of charge, to any person or organization
obtaining a copy of the software and accompanying documentation covered by
this license (the "Software") to use, reproduce, display, distribute,
execute, and transmit the Software, and to prepare derivative works of the
Software, and to permit third-parties to whom the Software is furnished to
do so, all subject to the following:`,

  Zlib: `zlib License

(C) 2024 Jane Doe

This software is provided 'as-is', without any express or implied
warranty.  In no event will the authors be held liable for any damages
arising from the use of this software.

Permission is granted to anyone to use this software for any purpose,
including commercial applications, and to alter it and redistribute it
freely, subject to the following restrictions:`,
} satisfies Record<string, string>;

describe('detectSpdxId', () => {
  describe('bad input / edge cases', () => {
    it.each<[string, unknown, string | null]>([
      ['empty text', '', null],
      ['whitespace only', ' \n\t ', null],
      ['not a string', undefined as unknown as string, null],
      ['prose that is no licence', 'All rights reserved. Do not copy.', null],
      ['only the word MIT', 'MIT', null],
      ['an empty SPDX line', 'SPDX-License-Identifier:   \n', null],
      ['an SPDX line with junk', 'SPDX-License-Identifier: <b>nope</b>', null],
      ['a broken SPDX line falls back to the text', `SPDX-License-Identifier: !!\n${TEXTS.MIT}`, 'MIT'],
      ['GPL-3.0 text names AGPL in section 13', `${TEXTS['GPL-3.0']}\n13. Use with the GNU Affero General Public License.\nlicensed under version 3 of the GNU Affero General Public License into a single combined work`, 'GPL-3.0'],
      ['GPL-3.0 text ends by pointing at the LGPL', `${TEXTS['GPL-3.0']}\nconsider it more useful to permit linking proprietary applications with the library. If this is what you want to do, use the GNU Lesser General Public License instead of this License.`, 'GPL-3.0'],
      ['LGPL-2.1 refers to the ordinary GPL version 2', `${TEXTS['LGPL-2.1']}\nso that they refer to the ordinary GNU General Public License, version 2, instead of to this License.`, 'LGPL-2.1'],
      ['Windows line endings and a BOM', `\uFEFF${TEXTS.ISC.replace(/\n/g, '\r\n')}`, 'ISC'],
      ['upper-case and reflowed', TEXTS.MIT.toUpperCase().replace(/\n/g, ' '), 'MIT'],
      ['markdown and comment markers', TEXTS['BSD-3-Clause'].split('\n').map((l) => `# ${l}`).join('\n'), 'BSD-3-Clause'],
    ])('%s', (_name, text, expected) => {
      expect(detectSpdxId(text as string)).toBe(expected);
    });
  });

  describe('behaviour', () => {
    it.each(Object.entries(TEXTS))('recognises %s from its opening paragraphs', (id, text) => {
      expect(detectSpdxId(text)).toBe(id);
    });

    it.each([
      ['SPDX-License-Identifier: MIT', 'MIT'],
      ['// SPDX-License-Identifier: Apache-2.0 OR MIT', 'Apache-2.0 OR MIT'],
      ['/* SPDX-License-Identifier: GPL-2.0-or-later WITH Linux-syscall-note */', 'GPL-2.0-or-later WITH Linux-syscall-note'],
      ['<!-- spdx-license-identifier: (MIT OR Apache-2.0) -->', '(MIT OR Apache-2.0)'],
      ['Copyright 2024 Jane\n# SPDX-License-Identifier: LicenseRef-Proprietary\n', 'LicenseRef-Proprietary'],
      [`SPDX-License-Identifier: BSD-2-Clause\n${TEXTS['GPL-3.0']}`, 'BSD-2-Clause'],
    ])('explicit identifier %j -> %j', (text, expected) => {
      expect(detectSpdxId(text)).toBe(expected);
    });

    it.each([
      ['either version 3 of the License, or', 'under the terms of the GNU General Public License as published by\nthe Free Software Foundation, either version 3 of the License, or\n(at your option) any later version.', 'GPL-3.0'],
      ['version 2 notice', 'under the terms of the GNU General Public License as published by\nthe Free Software Foundation; either version 2 of the License, or', 'GPL-2.0'],
      ['lesser 2.1 notice', 'under the terms of the GNU Lesser General Public License as published by the Free Software Foundation; either version 2.1 of the License', 'LGPL-2.1'],
      ['affero notice', 'under the terms of the GNU Affero General Public License as published by the Free Software Foundation, either version 3 of the License', 'AGPL-3.0'],
      ['apache header', 'Licensed under the Apache License, Version 2.0 (the "License");\nyou may not use this file except in compliance with the License.', 'Apache-2.0'],
      ['mpl header', 'This Source Code Form is subject to the terms of the Mozilla Public\nLicense, v. 2.0. If a copy of the MPL was not distributed with this\nfile, You can obtain one at http://mozilla.org/MPL/2.0/.', 'MPL-2.0'],
    ])('recognises the standard notice: %s', (_name, text, expected) => {
      expect(detectSpdxId(text)).toBe(expected);
    });

    it('tells 0BSD from ISC by the missing proviso', () => {
      const zeroBsd = 'Permission to use, copy, modify, and/or distribute this software for any\npurpose with or without fee is hereby granted.\n\nTHE SOFTWARE IS PROVIDED "AS IS" AND THE AUTHOR DISCLAIMS ALL WARRANTIES';
      expect(detectSpdxId(zeroBsd)).toBe('0BSD');
    });

    it('tells BSD-4-Clause by its advertising clause', () => {
      const bsd4 = `${TEXTS['BSD-3-Clause']}\n4. All advertising materials mentioning features or use of this software must display the following acknowledgement`;
      expect(detectSpdxId(bsd4)).toBe('BSD-4-Clause');
    });
  });
});
