import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

// The API serves the built app (apps/web/dist) on its own port; `nx serve web` proxies /api to it.
export default defineConfig({
  root: here('.'),
  resolve: {
    // Workspace packages are compiled to CommonJS for Node; the browser build takes their sources.
    alias: { '@coachflow/contracts': here('../../packages/contracts/src/index.ts') },
  },
  build: { outDir: here('dist'), emptyOutDir: true, sourcemap: true },
  server: { proxy: { '/api': 'http://localhost:3000', '/health': 'http://localhost:3000' } },
});
