import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import { buildMetaCsp } from './main/window/csp';

const root = import.meta.dirname;
const CSP_META = /<meta\s+http-equiv=["']Content-Security-Policy["'][^>]*>/gis;

/**
 * The Electron build's index.html carries the app's own strict policy (no web bridge: the
 * window talks through the preload). In dev the meta tag is removed and main sends the
 * policy as a header instead, with the dev server's HMR socket and React Refresh allowed.
 */
function electronCsp(): Plugin {
  let serving = false;
  return {
    name: 'mockdeck-electron-csp',
    configResolved(config) {
      serving = config.command === 'serve';
    },
    transformIndexHtml(html) {
      const stripped = html.replace(CSP_META, '');
      if (serving) return stripped;
      const meta = `<meta http-equiv="Content-Security-Policy" content="${buildMetaCsp()}" />`;
      return stripped.replace(/<head([^>]*)>/i, `<head$1>\n    ${meta}`);
    },
  };
}

export default defineConfig({
  main: {
    build: {
      outDir: resolve(root, 'out/main'),
      // better-sqlite3, keytar, fastify… stay in node_modules: native addons cannot be bundled.
      // keytar is an optionalDependency (electron-vite externalizes only `dependencies`),
      // loaded at run time by main/core/secrets/load-keytar.ts, which explains its absence.
      externalizeDeps: { include: ['keytar'] },
      rollupOptions: {
        input: {
          index: resolve(root, 'main/index.ts'),
          // Request logs are written on a worker thread; it loads ./log-writer.worker.js.
          'log-writer.worker': resolve(root, 'main/core/server/log-writer.worker.ts'),
          // Big project imports are written on a worker thread; it loads ./tree-write.worker.js.
          'tree-write.worker': resolve(root, 'main/core/catalog/tree-write.worker.ts'),
          // Plugins run on worker threads; the runner loads ./plugin-host.worker.js.
          'plugin-host.worker': resolve(root, 'main/core/plugins/plugin-host.worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: resolve(root, 'out/preload'),
      // A sandboxed preload can require nothing but electron: bundle zod and shared/ into it.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(root, 'preload/index.ts') },
        external: ['electron'],
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(root, 'renderer'),
    base: './',
    plugins: [react(), electronCsp()],
    // 127.0.0.1 rather than localhost: the CSP names the HMR socket by this host.
    server: { host: '127.0.0.1', strictPort: false },
    build: {
      outDir: resolve(root, 'out/renderer'),
      chunkSizeWarningLimit: 2000,
      rollupOptions: { input: { index: resolve(root, 'renderer/index.html') } },
    },
  },
});
