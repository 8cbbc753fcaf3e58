import { AppError } from '../util/errors';

/** The most memory a plugin may declare: 16 MiB (256 pages of 64 KiB). */
export const MAX_PLUGIN_MEMORY_PAGES = 256;
/** The documented size limit of a plugin (mockforge-cloud-api.md §Marketplace: plugins 10 MB). */
export const MAX_PLUGIN_BYTES = 10 * 1024 * 1024;

const MAGIC = [0x00, 0x61, 0x73, 0x6d];

/**
 * Checks that bytes are a plugin MockDeck can run before anything keeps or runs them:
 * WebAssembly (the `\0asm` magic and a module the engine compiles), no imports at all (a
 * plugin gets no host function: no clock, no files, no network — only its input), the ABI's
 * exports (memory, alloc, handle), and a memory with a declared maximum of at most 16 MiB,
 * so a plugin that grabs memory fails its own call instead of the process.
 */
export function checkPluginWasm(bytes: Uint8Array<ArrayBuffer>, name: string): WebAssembly.Module {
  if (bytes.byteLength > MAX_PLUGIN_BYTES) {
    throw invalid(name, `it is ${bytes.byteLength} bytes, more than the 10 MB a plugin may be`);
  }
  if (bytes.byteLength < 8 || MAGIC.some((b, i) => bytes[i] !== b)) {
    throw invalid(name, 'it is not WebAssembly (a .wasm file starts with the bytes \\0asm)');
  }
  let module: WebAssembly.Module;
  try {
    module = new WebAssembly.Module(bytes);
  } catch (e) {
    throw invalid(name, `WebAssembly refuses it: ${(e as Error).message}`);
  }
  const imports = WebAssembly.Module.imports(module);
  if (imports.length > 0) {
    const first = imports[0]!;
    throw invalid(
      name,
      `it imports ${first.module}.${first.name}${imports.length > 1 ? ` and ${imports.length - 1} more` : ''}; MockDeck gives plugins no host functions`,
    );
  }
  const exports = new Map(WebAssembly.Module.exports(module).map((e) => [e.name, e.kind]));
  for (const [exp, kind] of [
    ['memory', 'memory'],
    ['alloc', 'function'],
    ['handle', 'function'],
  ] as const) {
    if (exports.get(exp) !== kind) throw invalid(name, `it does not export the ${kind} "${exp}" the plugin ABI needs`);
  }
  const max = memoryMaximum(bytes);
  if (max === null || max > MAX_PLUGIN_MEMORY_PAGES) {
    throw invalid(
      name,
      max === null
        ? 'its memory declares no maximum'
        : `its memory may grow to ${max} pages (${(max * 64) / 1024} MiB)`,
      `declare (memory ${'<min>'} ${MAX_PLUGIN_MEMORY_PAGES}) or less: plugins get at most 16 MiB`,
    );
  }
  return module;
}

function invalid(name: string, why: string, hint = 'see docs/plugins.md for the plugin ABI'): AppError {
  return new AppError('VALIDATION_ERROR', `plugin "${name}" cannot be used: ${why}`, { hint });
}

/**
 * The declared maximum of the module's own memory, in pages, read from its memory section
 * (id 5); null when there is none. The JS API does not expose it, hence this small reader.
 */
export function memoryMaximum(bytes: Uint8Array): number | null {
  let at = 8;
  const leb = (): number => {
    let result = 0;
    let shift = 0;
    for (;;) {
      const b = bytes[at++];
      if (b === undefined) throw new Error('truncated module');
      result += (b & 0x7f) * 2 ** shift;
      if ((b & 0x80) === 0) return result;
      shift += 7;
    }
  };
  while (at < bytes.length) {
    const id = bytes[at++];
    const size = leb();
    if (id === 5) {
      const count = leb();
      if (count === 0) return null;
      const flags = leb();
      leb(); // minimum
      return flags & 1 ? leb() : null;
    }
    at += size;
  }
  return null;
}
