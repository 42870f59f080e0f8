import { api } from '$lib/api';
import { session } from '$lib/auth/session.svelte';
import { toast } from '$lib/ui';
import { dateLabel, isoDate } from './format';
import { directory } from './members.svelte';
import type { Absence, TaskWarning } from './types';

/**
 * Who is away (approved time off, as Taskodex learns it from Qultrix), for
 * the "Away" badge by an assignee. A screen loads the days it shows in one
 * call; without the route (or on failure) nobody is shown as away.
 */
class Availability {
  absences: Absence[] = $state([]);
  #key: string | undefined;

  /** Absences overlapping [from, to] (at most 93 days, as the API allows); repeated calls for the same range are free. */
  async load(from: string, to: string = from): Promise<void> {
    const key = `${session.tenant?.id}:${from}:${to}`;
    if (this.#key === key) return;
    this.#key = key;
    try {
      const { data } = await api.GET('/v1/taskodex/absences', {
        params: { query: { from, to, limit: 100 } },
      });
      if (this.#key === key) this.absences = data?.items ?? [];
      if (!data && this.#key === key) this.#key = undefined;
    } catch {
      // The badge is a hint: a failed read shows nobody away, and the next screen asks again.
      if (this.#key === key) this.#key = undefined;
    }
  }

  /** The absence that makes someone away on a day (today by default), if any. */
  awayOn(userId: string | null | undefined, day: string = isoDate(new Date())): Absence | undefined {
    if (!userId) return undefined;
    return this.absences.find(
      (absence) => absence.userId === userId && absence.from <= day && absence.to >= day,
    );
  }
}

export const availability = new Availability();

/** "Dana is away 21 Dec 2026 – 24 Dec 2026 (the task is due then)." */
export function warningText(warning: TaskWarning): string {
  const range =
    warning.from === warning.to
      ? dateLabel(warning.from)
      : `${dateLabel(warning.from)} – ${dateLabel(warning.to)}`;
  return `${directory.name(warning.userId)} is away ${range}, when the task is due. It was saved all the same.`;
}

/** Says each warning a write answered with (the write itself succeeded). */
export function announceWarnings(result: { warnings?: TaskWarning[] | undefined }): void {
  for (const warning of result.warnings ?? []) toast.info(warningText(warning), { timeout: 8000 });
}
