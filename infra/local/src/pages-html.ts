import { DEMO_TENANTS } from './demo-data';

const escapeHtml = (text: string) =>
  text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

const STYLE = `<style>
  :root { color-scheme: light dark; font-family: system-ui, sans-serif; }
  body { max-width: 60rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.5; }
  code { background: color-mix(in srgb, currentColor 10%, transparent); padding: 0.1rem 0.3rem; border-radius: 4px; }
  table { border-collapse: collapse; width: 100%; } td, th { text-align: left; padding: 0.3rem 0.5rem; border-bottom: 1px solid #8884; }
  .method { font-weight: 700; font-family: monospace; }
</style>`;

/** Shown at `/` until the web app is built. */
export function landingPage(demoPassword: string): string {
  const logins = DEMO_TENANTS.flatMap((tenant) =>
    tenant.users.map(
      (user) =>
        `<tr><td>${escapeHtml(tenant.name)}</td><td><code>${escapeHtml(user.email)}</code></td><td>${user.role}</td></tr>`,
    ),
  ).join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Halooid (local)</title>${STYLE}</head><body>
  <h1>Halooid is running locally</h1>
  <p>The API is under <code>/v1</code>. Start with <a href="/v1/health">/v1/health</a>, the <a href="/docs">API docs</a>
  or the <a href="/v1/openapi.json">OpenAPI document</a>. Emails the platform would send appear at <a href="/dev/mailbox">/dev/mailbox</a>.</p>
  <h2>Demo logins</h2><p>Password <code>${escapeHtml(demoPassword)}</code> for each.</p>
  <table><tr><th>Tenant</th><th>Email</th><th>Role</th></tr>${logins}</table>
  </body></html>`;
}

interface OpenApiLike {
  info: { title: string; version: string };
  paths: Record<string, Record<string, unknown>>;
}

/** A readable list of every operation, generated from the same OpenAPI document clients use. */
export function docsPage(document: OpenApiLike): string {
  const rows = Object.entries(document.paths)
    .flatMap(([pathName, item]) =>
      Object.entries(item).map(([method, operation]) => {
        const op = operation as { summary?: string; 'x-permission'?: string; operationId?: string };
        return `<tr><td class="method">${method.toUpperCase()}</td><td><code>${escapeHtml(pathName)}</code></td><td>${escapeHtml(
          op.summary ?? '',
        )}</td><td><code>${escapeHtml(op['x-permission'] ?? '')}</code></td></tr>`;
      }),
    )
    .join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(document.info.title)}</title>${STYLE}</head><body>
  <h1>${escapeHtml(document.info.title)} <small>${escapeHtml(document.info.version)}</small></h1>
  <p>Machine-readable: <a href="/v1/openapi.json">/v1/openapi.json</a> (OpenAPI 3.1). Sign in with <code>POST /v1/auth/login</code>,
  then send <code>Authorization: Bearer &lt;accessToken&gt;</code> and <code>X-Tenant-Id: &lt;tenant id&gt;</code>.</p>
  <table><tr><th>Method</th><th>Path</th><th>Summary</th><th>Permission</th></tr>${rows}</table>
  </body></html>`;
}
