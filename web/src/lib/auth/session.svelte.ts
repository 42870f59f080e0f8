import { type Api, createApi, unwrap } from '$lib/api/client';
import { ApiError } from '$lib/api/problem';
import type { paths } from '$lib/api/schema';
import { tokenGroups } from './token-groups';

type Me = paths['/v1/me']['get']['responses']['200']['content']['application/json'];
export type User = Me['user'];
export type Membership = Me['tenants'][number];
/** MFA_SETUP: a workspace requires MFA the user has not set up; they enrol before signing in. */
export type Challenge = 'NEW_PASSWORD_REQUIRED' | 'SOFTWARE_TOKEN_MFA' | 'MFA_SETUP';

export type SignInResult =
  | { kind: 'signed-in' }
  | { kind: 'challenge'; challenge: Challenge; session: string; email: string };

/** Refresh this long before the access token expires. */
const REFRESH_MARGIN_MS = 60_000;
const LAST_TENANT_KEY = 'halooid.lastTenant';
/**
 * Set while this browser holds a session. The refresh cookie is httpOnly, so
 * the page cannot see it; without this hint every visit of a signed-out user
 * would make a refresh call bound to fail (a 401 in the console).
 */
const SESSION_HINT_KEY = 'halooid.session';

function storage(action: (store: Storage) => unknown): string | null {
  try {
    const result = action(localStorage);
    return typeof result === 'string' ? result : null;
  } catch {
    return null; // storage disabled: the URL and the cookie still work
  }
}

/**
 * The signed-in user, in memory only. The access token never touches
 * storage (XSS cannot lift it from there); the refresh token lives in an
 * httpOnly cookie the page cannot read. A reload restores the session with
 * one cookie refresh, and a timer refreshes silently before expiry.
 * Each tab keeps its own current tenant, taken from its URL.
 */
class Session {
  status: 'unknown' | 'signed-in' | 'signed-out' = $state('unknown');
  user: User | undefined = $state();
  tenants: Membership[] = $state([]);
  /** The tenant of the current page (`/t/<slug>`), and the user's permissions there. */
  tenant: Membership | undefined = $state();
  permissions: string[] = $state([]);
  /** In the user pool's `operators` group: the page offers the operator console (the server decides). */
  operator = $state(false);

  #accessToken: string | undefined;
  #refreshTimer: ReturnType<typeof setTimeout> | undefined;
  #refreshing: Promise<string | undefined> | undefined;
  #restoring: Promise<boolean> | undefined;
  /** The client every screen uses (`import { api } from '$lib/api'`). */
  readonly api: Api;

  constructor() {
    this.api = createApi({
      accessToken: () => this.#accessToken,
      tenantId: () => this.tenant?.id,
      refresh: () => this.refresh(),
    });
  }

  can(permission: string): boolean {
    return this.permissions.includes(permission) || this.permissions.includes('*');
  }

  canAny(prefix: string): boolean {
    return this.permissions.some((permission) => permission === '*' || permission.startsWith(prefix));
  }

  async signIn(email: string, password: string): Promise<SignInResult> {
    const outcome = await unwrap(this.api.POST('/v1/auth/login', { body: { email, password } }));
    return this.#afterSignIn(outcome, email);
  }

  async answerChallenge(
    answer:
      | { challenge: 'SOFTWARE_TOKEN_MFA' | 'MFA_SETUP'; email: string; session: string; code: string }
      | { challenge: 'NEW_PASSWORD_REQUIRED'; email: string; session: string; newPassword: string },
  ): Promise<SignInResult> {
    const outcome = await unwrap(this.api.POST('/v1/auth/challenge', { body: answer }));
    return this.#afterSignIn(outcome, answer.email);
  }

  /** The authenticator secret for an MFA_SETUP challenge (then answer it with a code). */
  startMfaEnrolment(email: string, session: string): Promise<{ secretCode: string; otpauthUri: string }> {
    return unwrap(this.api.POST('/v1/auth/challenge/totp-setup', { body: { email, session } }));
  }

  async #afterSignIn(
    outcome: { accessToken: string; expiresIn: number } | { challenge: Challenge; session: string },
    email: string,
  ): Promise<SignInResult> {
    if ('challenge' in outcome)
      return { kind: 'challenge', challenge: outcome.challenge, session: outcome.session, email };
    this.#setToken(outcome.accessToken, outcome.expiresIn);
    storage((store) => store.setItem(SESSION_HINT_KEY, '1'));
    await this.loadMe();
    this.status = 'signed-in';
    return { kind: 'signed-in' };
  }

  /** On app start: is there a session behind the refresh cookie? Runs once; later calls share it. */
  restore(): Promise<boolean> {
    if (this.status !== 'unknown') return Promise.resolve(this.status === 'signed-in');
    this.#restoring ??= (async () => {
      const token = storage((store) => store.getItem(SESSION_HINT_KEY)) ? await this.refresh() : undefined;
      if (!token) {
        this.#clear();
        return false;
      }
      try {
        await this.loadMe();
        this.status = 'signed-in';
        return true;
      } catch {
        this.#clear();
        return false;
      } finally {
        this.#restoring = undefined;
      }
    })();
    return this.#restoring;
  }

  /** A new access token from the refresh cookie; one request however many callers. */
  refresh(): Promise<string | undefined> {
    this.#refreshing ??= (async () => {
      try {
        const { data } = await this.api.POST('/v1/auth/refresh', { body: {} });
        if (!data) {
          if (this.status === 'signed-in') this.#clear();
          return undefined;
        }
        this.#setToken(data.accessToken, data.expiresIn);
        return data.accessToken;
      } catch {
        return undefined;
      } finally {
        this.#refreshing = undefined;
      }
    })();
    return this.#refreshing;
  }

  /** Who the user is, their tenants, and their permissions in the current tenant. */
  async loadMe(): Promise<void> {
    const me = await unwrap(this.api.GET('/v1/me'));
    this.user = me.user;
    this.tenants = me.tenants;
    if (this.tenant) {
      this.tenant = me.tenants.find((tenant) => tenant.id === this.tenant?.id);
      this.permissions = this.tenant ? me.permissions : [];
    }
  }

  /** Makes the tenant with this slug current (from the URL); false when the user is not a member. */
  async selectTenant(slug: string): Promise<boolean> {
    const tenant = this.tenants.find((candidate) => candidate.slug === slug);
    if (!tenant) return false;
    if (this.tenant?.id === tenant.id && this.permissions.length > 0) return true;
    this.tenant = tenant;
    this.permissions = [];
    storage((store) => store.setItem(LAST_TENANT_KEY, slug));
    await this.loadMe();
    return this.tenant !== undefined;
  }

  /** The tenant to open after sign-in: the last used one if still a member, else the first. */
  homeTenant(): Membership | undefined {
    const last = storage((store) => store.getItem(LAST_TENANT_KEY));
    return this.tenants.find((tenant) => tenant.slug === last) ?? this.tenants[0];
  }

  /**
   * Revokes this browser's refresh cookie and, with the access token sent
   * along, this session's access token on the server (the authorizer refuses
   * it within seconds instead of at its expiry).
   */
  async signOut(): Promise<void> {
    const token = this.#accessToken;
    const headers = token ? { Authorization: `Bearer ${token}` } : undefined;
    await this.api.POST('/v1/auth/logout', { body: {}, headers }).catch(() => undefined);
    this.#clear();
  }

  #setToken(token: string, expiresIn: number) {
    this.#accessToken = token;
    this.operator = tokenGroups(token).includes('operators');
    clearTimeout(this.#refreshTimer);
    const delay = Math.max(expiresIn * 1000 - REFRESH_MARGIN_MS, 5_000);
    this.#refreshTimer = setTimeout(() => void this.refresh(), delay);
  }

  #clear() {
    storage((store) => store.removeItem(SESSION_HINT_KEY));
    clearTimeout(this.#refreshTimer);
    this.#accessToken = undefined;
    this.operator = false;
    this.user = undefined;
    this.tenants = [];
    this.tenant = undefined;
    this.permissions = [];
    this.status = 'signed-out';
  }
}

export const session = new Session();
export { ApiError };
