import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [sveltekit()],
  server: {
    // `npm run dev` talks to a running backend (`npm start`, http://localhost:3000 unless OSL_API_URL
    // says otherwise): the real API, its demo data and accounts, so nothing here can drift from it.
    proxy: { '/api': process.env.OSL_API_URL ?? 'http://localhost:3000' },
  },
  build: {
    // The page chunk carries tree-shaken ECharts (~0.55 MB, ~0.2 MB gzipped), served locally.
    chunkSizeWarningLimit: 800,
  },
  test: {
    include: ['src/**/*.spec.ts'],
    environment: 'node',
  },
});
