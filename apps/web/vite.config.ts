import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const apiOrigin = `http://localhost:${process.env['API_PORT'] ?? 3000}`;

// The API serves the built app (apps/web/dist) on its own port; `nx serve web` proxies /api to it.
export default defineConfig({
  root: here('.'),
  resolve: {
    // Workspace packages are compiled to CommonJS for Node; the browser build takes their sources.
    alias: {
      '#web': here('src'),
      // Subpath exports first: an alias also matches "<name>/…", which would point inside index.ts.
      '@coachflow/contracts/task-kinds': here('../../packages/contracts/src/task-kinds.ts'),
      '@coachflow/contracts': here('../../packages/contracts/src/index.ts'),
      '@coachflow/domain': here('../../packages/domain/src/index.ts'),
      '@coachflow/forms': here('../../packages/forms/src/index.ts'),
    },
  },
  build: {
    outDir: here('dist'),
    emptyOutDir: true,
    sourcemap: true,
    rollupOptions: {
      onwarn(warning, warn) {
        // Mantine marks its modules "use client" for server components; a browser bundle has no use for it.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
  server: { proxy: { '/api': apiOrigin, '/health': apiOrigin } },
});
