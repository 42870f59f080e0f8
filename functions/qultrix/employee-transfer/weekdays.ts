/** ISO weekdays in CSV cells: the export writes `Mon;Tue;…`, the import also takes `1;2;…` and full names. */
const SHORT = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
const FULL = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;

export function weekdaysText(days: readonly number[]): string {
  return days.map((day) => (SHORT[day - 1] ?? String(day)).replace(/^./, (c) => c.toUpperCase())).join(';');
}

/**
 * The ISO weekdays of a cell, or undefined when a piece is not a weekday
 * (the schema then judges duplicates). "Monday", "mon" and "1" are Monday.
 */
export function weekdaysOf(cell: string): number[] | undefined {
  const days: number[] = [];
  for (const piece of cell.split(/[;,\s]+/).filter(Boolean)) {
    const lower = piece.toLowerCase();
    const index = /^[1-7]$/.test(piece)
      ? Number(piece) - 1
      : Math.max(SHORT.indexOf(lower as never), FULL.indexOf(lower as never));
    if (index < 0) return undefined;
    days.push(index + 1);
  }
  return days;
}
