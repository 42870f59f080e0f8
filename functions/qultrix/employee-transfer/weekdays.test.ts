import { describe, expect, it } from 'vitest';
import { weekdaysOf, weekdaysText } from './weekdays';

describe('weekday cells', () => {
  it('writes ISO weekdays as short names and reads names, short names or numbers back', () => {
    expect(weekdaysText([1, 2, 3, 4, 5])).toBe('Mon;Tue;Wed;Thu;Fri');
    expect(weekdaysOf('Mon;Tue;Wed;Thu;Fri')).toEqual([1, 2, 3, 4, 5]);
    expect(weekdaysOf('monday, SATURDAY')).toEqual([1, 6]);
    expect(weekdaysOf('1;7')).toEqual([1, 7]);
    expect(weekdaysOf('')).toEqual([]);
  });

  it('refuses what is not a weekday', () => {
    for (const bad of ['8', '0', 'Mo', 'Monkey', 'Funday', '1.5'])
      expect(weekdaysOf(bad), bad).toBeUndefined();
  });
});
