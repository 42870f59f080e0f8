import * as z from 'zod';

// A department as events carry it: zod only, so the event catalog loads it
// without the organization capability's request schemas or the kernel.

export const DepartmentSnapshot = z.object({
  id: z.uuid(),
  name: z.string(),
  code: z.string().nullable(),
  parentId: z.uuid().nullable(),
  headId: z.uuid().nullable().meta({ description: 'The employee who heads it, if any.' }),
});
export type DepartmentSnapshot = z.infer<typeof DepartmentSnapshot>;

export function departmentSnapshotOf(department: DepartmentSnapshot): DepartmentSnapshot {
  return DepartmentSnapshot.parse(department);
}
