import type { MyRecord, NotificationSettings } from '@lar/shared/api';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { myRecordKeys } from './keys';

/** `PUT /api/v1/me/notifications`: whether the learner is emailed each time an organisation views the record. */
export const updateNotifications = (settings: NotificationSettings) =>
  api.put<NotificationSettings>('/v1/me/notifications', settings);

/** Saves the setting and puts it into the cached record, which holds it. */
export function useUpdateNotifications() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateNotifications,
    onSuccess: (settings) => {
      queryClient.setQueryData<MyRecord>(myRecordKeys.record(), (record) =>
        record ? { ...record, learner: { ...record.learner, notifyOnView: settings.notifyOnView } } : record,
      );
    },
  });
}
