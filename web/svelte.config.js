import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/**
 * A static single-page app: CloudFront (AWS) or the local gateway serve
 * `build/` and answer every unknown path with `index.html`, so `/t/<slug>/…`
 * deep links work. Rendering happens only in the browser (ssr is off in the
 * root layout), which keeps the access token out of any server.
 */
/** @type {import('@sveltejs/kit').Config} */
const config = {
  preprocess: vitePreprocess(),
  kit: {
    adapter: adapter({ pages: 'build', assets: 'build', fallback: 'index.html', strict: true }),
    alias: { $ui: 'src/lib/ui' },
    version: { pollInterval: 0 },
  },
  compilerOptions: { runes: true },
};

export default config;
