import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [sveltekit()],
  server: {
    // `npm run dev` talks to a backend (or scripts/mock-api.mjs) on port 3000.
    proxy: { '/api': 'http://localhost:3000' }
  },
  build: {
    // The page chunk carries tree-shaken ECharts (~0.55 MB, ~0.2 MB gzipped), served locally.
    chunkSizeWarningLimit: 800
  },
  test: {
    include: ['src/**/*.spec.ts'],
    environment: 'node'
  }
});
