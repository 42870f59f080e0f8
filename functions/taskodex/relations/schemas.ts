import * as z from 'zod';

/** How a relation reads from one task; each has its reverse on the other task. */
export const RELATION_TYPES = ['blocks', 'blocked_by', 'relates_to', 'duplicates', 'duplicated_by'] as const;
export type RelationType = (typeof RELATION_TYPES)[number];
export const RelationType = z.enum(RELATION_TYPES);

/** Stored direction: one row per relation, read both ways. */
export type StoredRelationType = 'blocks' | 'duplicates' | 'relates_to';

export const REVERSE: Record<RelationType, RelationType> = {
  blocks: 'blocked_by',
  blocked_by: 'blocks',
  duplicates: 'duplicated_by',
  duplicated_by: 'duplicates',
  relates_to: 'relates_to',
};

export const RelatedTaskSummary = z.object({
  id: z.uuid(),
  identifier: z.string(),
  title: z.string(),
  status: z.string(),
  statusGroup: z.string(),
});

export const Relation = z.object({
  id: z
    .uuid()
    .meta({ description: 'The same id on both tasks: deleting it from either side removes both views.' }),
  type: RelationType.meta({
    description: 'Read from the task in the path: it `blocks` / is `blocked_by` … `taskId`.',
  }),
  taskId: z.uuid().meta({ description: 'The other task.' }),
  task: RelatedTaskSummary,
  createdBy: z.uuid(),
  createdAt: z.iso.datetime(),
});
export type Relation = z.infer<typeof Relation>;

export const RelationsList = z.object({ items: z.array(Relation) });

export const TaskRelationsParams = z.strictObject({ taskId: z.uuid() });
export const RelationParams = z.strictObject({ taskId: z.uuid(), relationId: z.uuid() });

export const CreateRelationBody = z.strictObject({
  type: RelationType,
  taskId: z
    .uuid()
    .meta({ description: 'The other task; both must be visible to you and not the same task.' }),
});
export type CreateRelationInput = z.output<typeof CreateRelationBody>;
