import { defineConfig } from 'vite';

// base './': every asset URL inside the bundle is relative to the file that loads it, so the silo can serve the
// bundle under any prefix (it rewrites the two links in index.html to its own /graphiql/ path when serving the page).
export default defineConfig({
  base: './',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Monaco (GraphiQL's editor) is large by nature; the warning would only repeat that on every build.
    chunkSizeWarningLimit: 6000,
    sourcemap: false,
    rollupOptions: {
      // Radix and framer-motion mark modules "use client" for React Server Components; meaningless in a static bundle.
      onwarn(warning, warn) {
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
  worker: { format: 'es' },
});
