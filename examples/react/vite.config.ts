import { defineConfig } from 'vite';

// React 19 needs no plugin here: Vite compiles the JSX, and React sets custom elements' properties itself.
export default defineConfig({
  base: './',
  oxc: { jsx: { runtime: 'automatic' } },
  // `npm run dev` beside the reference server (`npm start` in the repository, port 8080) reaches its API as /api.
  server: { proxy: { '/api': 'http://127.0.0.1:8080' } },
});
