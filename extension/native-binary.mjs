// What a native binary is for, read from its header: the check that a platform package holds
// the sqlite-vec build for its target (an ELF for Linux, Mach-O for macOS, PE for Windows, and
// the right CPU). No dependencies: used by the packager and its tests.

/** VS Code targets RepoScout packages for, with the sqlite-vec package and binary each needs. */
export const TARGETS = {
  'linux-x64': { platform: 'linux', arch: 'x64', vecPackage: 'sqlite-vec-linux-x64', file: 'vec0.so', format: 'elf' },
  'linux-arm64': { platform: 'linux', arch: 'arm64', vecPackage: 'sqlite-vec-linux-arm64', file: 'vec0.so', format: 'elf' },
  'darwin-x64': { platform: 'darwin', arch: 'x64', vecPackage: 'sqlite-vec-darwin-x64', file: 'vec0.dylib', format: 'macho' },
  'darwin-arm64': { platform: 'darwin', arch: 'arm64', vecPackage: 'sqlite-vec-darwin-arm64', file: 'vec0.dylib', format: 'macho' },
  'win32-x64': { platform: 'win32', arch: 'x64', vecPackage: 'sqlite-vec-windows-x64', file: 'vec0.dll', format: 'pe' },
};

/** @returns {{ format: 'elf' | 'macho' | 'pe' | 'unknown', arch: string }} */
export function binaryKind(bytes) {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.length >= 20 && buf.readUInt32BE(0) === 0x7f454c46) {
    // e_machine, in the file's byte order (EI_DATA 1 = little-endian).
    const machine = buf[5] === 1 ? buf.readUInt16LE(18) : buf.readUInt16BE(18);
    return { format: 'elf', arch: { 0x3e: 'x64', 0xb7: 'arm64', 0x03: 'ia32', 0x28: 'arm' }[machine] ?? `machine 0x${machine.toString(16)}` };
  }
  if (buf.length >= 8 && buf.readUInt32LE(0) === 0xfeedfacf) {
    const cpu = buf.readUInt32LE(4);
    return { format: 'macho', arch: { 0x01000007: 'x64', 0x0100000c: 'arm64' }[cpu] ?? `cputype 0x${cpu.toString(16)}` };
  }
  if (buf.length >= 64 && buf.readUInt16LE(0) === 0x5a4d) {
    const pe = buf.readUInt32LE(0x3c);
    if (pe + 6 <= buf.length && buf.readUInt32LE(pe) === 0x00004550) {
      const machine = buf.readUInt16LE(pe + 4);
      return { format: 'pe', arch: { 0x8664: 'x64', 0xaa64: 'arm64', 0x14c: 'ia32' }[machine] ?? `machine 0x${machine.toString(16)}` };
    }
  }
  return { format: 'unknown', arch: 'unknown' };
}

/** Null when `bytes` is the binary `target` needs, else what is wrong. */
export function wrongBinary(target, bytes) {
  const want = TARGETS[target];
  const got = binaryKind(bytes);
  if (got.format === want.format && got.arch === want.arch) return null;
  return `expected a ${want.format} ${want.arch} binary for ${target}, found ${got.format} ${got.arch}`;
}
