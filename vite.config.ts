import { defineConfig } from 'vite';

/** The API server's address during `vite` development; production serves the client itself. */
const apiServer = 'http://localhost:8787';

export default defineConfig({
  root: 'client',
  build: {
    outDir: '../dist/client',
    emptyOutDir: true,
    // The letter page chunk carries ProseMirror, Tiptap and Yjs (~540 kB); it loads only on a letter.
    chunkSizeWarningLimit: 700,
  },
  server: {
    proxy: {
      '/api': { target: apiServer, changeOrigin: false },
      '/sync': { target: apiServer, ws: true, changeOrigin: false },
    },
  },
});
