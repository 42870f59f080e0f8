import { invGet } from '../http';
import type { Category } from '../types';

/** The tenant's category tree (a flat list with paths), shared by the filters and the editors. */
class Categories {
  list: Category[] = $state([]);
  #loading: Promise<void> | undefined;

  load(force = false): Promise<void> {
    if (force) this.#loading = undefined;
    this.#loading ??= invGet<{ items: Category[] }>('/categories')
      .then((data) => {
        this.list = [...data.items].sort((a, b) => a.path.join('/').localeCompare(b.path.join('/')));
      })
      .catch(() => {
        this.#loading = undefined;
      });
    return this.#loading;
  }

  get options() {
    return this.list.map((category) => ({ value: category.id, label: category.path.join(' / ') }));
  }
}

export const categories = new Categories();
