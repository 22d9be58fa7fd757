import { z } from 'zod';
import { IdSchema } from './common.js';

/** In-app notifications, rendered in the reader's language. */
export const NotificationDto = z.object({
  id: z.number().int(),
  type: z.string().describe('e.g. daily_report.returned, reminder.report_missing, reminder.pending_verifications, supervision.note'),
  title: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  readAt: z.string().nullable(),
  createdAt: z.string(),
});
export type NotificationDto = z.infer<typeof NotificationDto>;

export const NotificationListQuery = z.object({
  unreadOnly: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
  beforeId: IdSchema.optional().describe('Older than this id (paging)'),
  limit: z.coerce.number().int().min(1).max(100).default(30),
});
export const NotificationListResponse = z.object({
  notifications: z.array(NotificationDto),
  unreadCount: z.number().int(),
});
export const NotificationResponse = z.object({ notification: NotificationDto });
export const ReadAllResponse = z.object({ updated: z.number().int() });
