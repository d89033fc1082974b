import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';

export default defineConfig({
  base: './',
  // Archipel's tags are custom elements, not Vue components.
  plugins: [vue({ template: { compilerOptions: { isCustomElement: (tag) => tag.includes('-') } } })],
  // `npm run dev` beside the reference server (`npm start` in the repository, port 8080) reaches its API as /api.
  server: { proxy: { '/api': 'http://127.0.0.1:8080' } },
});
