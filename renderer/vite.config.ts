import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * The web build of the renderer: the same UI the Electron window loads, served by the test
 * harness next to the loopback web bridge. base './' keeps every asset URL relative so the
 * bundle works from any static root and from file:// alike.
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../out/renderer-web', import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
    // CodeMirror and its languages make one ~1 MB chunk; splitting buys nothing for a local app.
    chunkSizeWarningLimit: 2000,
  },
});
