import type { Tx } from '@halooid/shared/db/transaction';
import { uuidv7 } from '@halooid/shared/ids';
import { recordActivity } from '../domain/task-activity';

/**
 * Conversation and links on the demo tasks: a few comments (one with a
 * mention) and relations between tasks of the same project, so the task
 * page, its timeline and the dependency view have something to show. Works
 * on whatever tasks the seed wrote: it picks them in project and number order.
 */
const THREADS: readonly (readonly {
  author: number;
  text: (mention: (user: number) => string) => string;
}[])[] = [
  [
    { author: 0, text: () => 'Scoped this down to the must-haves; the rest can follow next cycle.' },
    { author: 1, text: (at) => `Agreed. ${at(2)} can you check the acceptance criteria before we start?` },
    { author: 2, text: () => 'Checked: two edge cases were missing, added them to the description.' },
  ],
  [
    { author: 2, text: () => 'Reproduced it on a clean profile. Happens only after the session expires.' },
    { author: 0, text: (at) => `Thanks! ${at(1)} this touches auth, please pair on the fix.` },
  ],
  [{ author: 1, text: () => 'Blocked until the contract question is settled; parking it for now.' }],
  [
    { author: 0, text: () => 'First draft is in the shared folder.' },
    { author: 2, text: () => 'Left a few comments inline, mostly wording.' },
  ],
];

interface DemoTaskRow {
  id: string;
  project_id: string | null;
}

export async function seedCollaboration(
  tx: Tx,
  tenantId: string,
  users: readonly { id: string; name: string }[],
): Promise<void> {
  if (users.length === 0) return;
  const { rows: tasks } = await tx.query<DemoTaskRow>(
    `select id, project_id from taskodex.tasks where tenant_id = $1 and deleted_at is null
      order by project_id nulls last, sequence, id`,
    [tenantId],
  );
  const person = (index: number) => users[index % users.length] as { id: string; name: string };
  const mention = (index: number) => `@[${person(index).name}](${person(index).id})`;
  const started = Date.now() - 3 * 86_400_000;

  for (const [threadIndex, thread] of THREADS.entries()) {
    const task = tasks[threadIndex * 2];
    if (!task) break;
    for (const [index, entry] of thread.entries()) {
      const at = new Date(started + (threadIndex * 6 + index) * 3_600_000);
      const author = person(entry.author);
      const body = entry.text(mention);
      const mentioned = [...body.matchAll(/\]\(([0-9a-f-]{36})\)/g)].map((match) => match[1]);
      const id = uuidv7(at.getTime());
      await tx.query(
        `insert into taskodex.task_comments (tenant_id, id, task_id, author_id, body, mentioned_user_ids, created_at, updated_at)
         values ($1, $2, $3, $4, $5, $6::uuid[], $7, $7)`,
        [tenantId, id, task.id, author.id, body, mentioned, at],
      );
      await recordActivity(tx, {
        tenantId,
        taskId: task.id,
        actorId: author.id,
        kind: 'comment',
        to: { commentId: id, action: 'added' },
      });
      // The timeline shows the comment when it was written, not when the seed ran.
      await tx.query(
        `update taskodex.task_activity set created_at = $3
          where tenant_id = $1 and task_id = $2 and kind = 'comment' and to_value->>'commentId' = $4`,
        [tenantId, task.id, at, id],
      );
    }
  }

  // Within each project (or among project-less tasks): 1st blocks 2nd, 3rd relates to 4th, 5th duplicates 6th.
  const byProject = new Map<string | null, DemoTaskRow[]>();
  for (const task of tasks) byProject.set(task.project_id, [...(byProject.get(task.project_id) ?? []), task]);
  for (const group of byProject.values()) {
    for (const [offset, type] of [
      [0, 'blocks'],
      [2, 'relates_to'],
      [4, 'duplicates'],
    ] as const) {
      const from = group[offset];
      const to = group[offset + 1];
      if (!from || !to) continue;
      const id = uuidv7();
      await tx.query(
        `insert into taskodex.task_relations (tenant_id, id, task_id, related_task_id, type, created_by)
         values ($1, $2, $3, $4, $5, $6) on conflict do nothing`,
        [tenantId, id, from.id, to.id, type, person(0).id],
      );
      for (const [taskId, seen, other] of [
        [from.id, type, to.id],
        [to.id, type === 'blocks' ? 'blocked_by' : type === 'duplicates' ? 'duplicated_by' : type, from.id],
      ] as const)
        await recordActivity(tx, {
          tenantId,
          taskId,
          actorId: person(0).id,
          kind: 'relation',
          to: { relationId: id, type: seen, taskId: other },
        });
    }
  }
}
