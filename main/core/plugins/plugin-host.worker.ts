/**
 * Runs plugin calls (plugin-runner.ts) on its own thread: a plugin that loops is stopped by
 * terminating this thread, which the server's thread survives. Each call gets a fresh
 * instance (no state shared between requests) and no imports (no host capability at all).
 * No imports from the app either: the thread starts fast and holds nothing a plugin could reach.
 */
import { parentPort } from 'node:worker_threads';

type Message =
  | { type: 'load'; key: string; bytes: Uint8Array<ArrayBuffer> }
  | { type: 'call'; id: number; key: string; input: string; maxOutput: number };

const modules = new Map<string, WebAssembly.Module>();
const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

parentPort!.on('message', (m: Message) => {
  if (m.type === 'load') {
    modules.set(m.key, new WebAssembly.Module(m.bytes));
    return;
  }
  try {
    parentPort!.postMessage({ id: m.id, ok: true, output: run(m.key, m.input, m.maxOutput) });
  } catch (e) {
    parentPort!.postMessage({ id: m.id, ok: false, error: (e as Error).message || String(e) });
  }
});

function run(key: string, text: string, maxOutput: number): string {
  const module = modules.get(key);
  if (!module) throw new Error('the plugin is not loaded');
  const instance = new WebAssembly.Instance(module, {});
  const { memory, alloc, handle } = instance.exports as {
    memory: WebAssembly.Memory;
    alloc: (len: number) => number;
    handle: (ptr: number, len: number) => bigint | number;
  };
  const input = encoder.encode(text);
  const ptr = alloc(input.length) >>> 0;
  if (ptr + input.length > memory.buffer.byteLength)
    throw new Error(`alloc(${input.length}) returned ${ptr}, outside its memory`);
  new Uint8Array(memory.buffer, ptr, input.length).set(input);
  const packed = BigInt.asUintN(64, BigInt(handle(ptr, input.length)));
  const outPtr = Number(packed >> 32n);
  const outLen = Number(packed & 0xffffffffn);
  if (outLen > maxOutput) throw new Error(`its output is ${outLen} bytes, more than ${maxOutput}`);
  if (outPtr + outLen > memory.buffer.byteLength) throw new Error('handle returned an output outside its memory');
  return decoder.decode(new Uint8Array(memory.buffer, outPtr, outLen));
}

// The runner starts a call's time budget only once the thread is up (loading it is not the plugin's time).
parentPort!.postMessage({ type: 'ready' });
