import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

export default defineConfig({
  base: './',
  plugins: [svelte()],
  // `npm run dev` beside the reference server (`npm start` in the repository, port 8080) reaches its API as /api.
  server: { proxy: { '/api': 'http://127.0.0.1:8080' } },
});
