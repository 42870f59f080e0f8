import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [sveltekit()],
  build: { target: 'es2022', reportCompressedSize: false },
  // `npm run dev -w web` (vite's dev server with hot reload) proxies the API
  // to the platform started by the root `npm run dev` on :3000.
  server: {
    port: 5173,
    proxy: { '/v1': 'http://localhost:3000', '/dev': 'http://localhost:3000' },
  },
});
