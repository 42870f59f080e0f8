import { api, unwrap } from '$lib/api';
import { session } from '$lib/auth/session.svelte';
import type { FieldDefinition } from './custom';
import type { RecordType } from './objects';

/**
 * The tenant's custom field definitions per object (active ones, in position
 * order), loaded once per tenant and object. Without
 * customerconnect:settings:read, or before the API exists, the list is empty
 * and the screens show built-in fields only.
 */
class Fields {
  byObject: Partial<Record<RecordType, FieldDefinition[]>> = $state({});
  #tenant: string | undefined;
  #loading = new Map<RecordType, Promise<void>>();

  load(object: RecordType, force = false): Promise<void> {
    const tenant = session.tenant?.id;
    if (!tenant) return Promise.resolve();
    if (this.#tenant !== tenant) {
      this.#tenant = tenant;
      this.#loading.clear();
      this.byObject = {};
    }
    const existing = this.#loading.get(object);
    if (existing && !force) return existing;
    const loading = (async () => {
      try {
        const page = await unwrap(
          api.GET('/v1/customerconnect/fields', { params: { query: { object, limit: 100 } } }),
        );
        const active = page.items.filter((field) => !field.archived).sort((a, b) => a.position - b.position);
        if (this.#tenant === tenant) this.byObject = { ...this.byObject, [object]: active };
      } catch {
        if (this.#tenant === tenant) this.byObject = { ...this.byObject, [object]: [] };
      }
    })();
    this.#loading.set(object, loading);
    return loading;
  }

  of(object: RecordType): FieldDefinition[] {
    return this.byObject[object] ?? [];
  }
}

export const fields = new Fields();
