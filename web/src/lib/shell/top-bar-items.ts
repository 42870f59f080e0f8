import type { Component } from 'svelte';

/**
 * Components a product puts in the top bar (Taskodex: the running timer).
 * Each is loaded lazily, so the shell's first load stays small, and shown
 * only when the user holds a permission with the prefix.
 */
export interface TopBarItem {
  id: string;
  prefix: string;
  load: () => Promise<{ default: Component }>;
}

export const TOP_BAR_ITEMS: readonly TopBarItem[] = [
  { id: 'taskodex-timer', prefix: 'taskodex:time:', load: () => import('$lib/taskodex/TopBarTimer.svelte') },
];
