export interface PackageTarget {
  platform: 'linux' | 'darwin' | 'win32';
  arch: 'x64' | 'arm64';
  vecPackage: string;
  file: string;
  format: 'elf' | 'macho' | 'pe';
}
export declare const TARGETS: Record<'linux-x64' | 'linux-arm64' | 'darwin-x64' | 'darwin-arm64' | 'win32-x64', PackageTarget>;
export declare function binaryKind(bytes: Uint8Array): { format: 'elf' | 'macho' | 'pe' | 'unknown'; arch: string };
export declare function wrongBinary(target: keyof typeof TARGETS, bytes: Uint8Array): string | null;
