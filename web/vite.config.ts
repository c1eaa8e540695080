import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/** The dashboard: web/ built to dist/web, which `entente serve` serves. */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  build: {
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    reportCompressedSize: true,
  },
});
