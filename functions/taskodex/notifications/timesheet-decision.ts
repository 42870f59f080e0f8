import type { NotifyHandler } from '@halooid/shared/notifications';
import { taskodexEvents } from '../events';

/** timesheet.approved / timesheet.rejected → the person whose week it is (not when they decided it themselves). */
export const notify: NotifyHandler = async (event, { notifyMember }) => {
  if (event.type === 'timesheet.approved') {
    const data = taskodexEvents.events['timesheet.approved'].schema.parse(event.data);
    await notifyMember(data.userId, {
      title: `Your timesheet for ${data.week} was approved`,
      body: '',
      resource: { type: 'taskodex.timesheet', id: data.week },
    });
    return;
  }
  const data = taskodexEvents.events['timesheet.rejected'].schema.parse(event.data);
  await notifyMember(data.userId, {
    title: `Your timesheet for ${data.week} was rejected`,
    body: data.reason,
    resource: { type: 'taskodex.timesheet', id: data.week },
  });
};
