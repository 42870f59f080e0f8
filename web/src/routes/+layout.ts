// A single-page app: everything renders in the browser (see svelte.config.js).
export const ssr = false;
export const prerender = false;
export const trailingSlash = 'never';
