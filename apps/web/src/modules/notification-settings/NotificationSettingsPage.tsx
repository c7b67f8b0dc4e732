import { Alert, Loader, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { problemMessage } from '#web/api/problem';
import { NotificationSettingsForm } from './NotificationSettingsForm';
import { useNotificationPreferences, useSaveNotificationPreferences } from './useNotificationPreferences';

/** The caller's own mail preferences, saved as a whole with a confirmation. */
export function NotificationSettingsPage() {
  const preferences = useNotificationPreferences();
  const save = useSaveNotificationPreferences();

  return (
    <Stack gap="md" maw={640}>
      <Title order={1}>Notification settings</Title>
      <Text c="dimmed">
        Choose which emails you get, when your weekly digest arrives, and when to stay quiet.
      </Text>
      {preferences.isPending && <Loader size="sm" aria-label="Loading notification settings" />}
      {preferences.isError && (
        <Alert color="red" title="Notification settings could not be loaded">
          {problemMessage(preferences.error)}
        </Alert>
      )}
      {preferences.isSuccess && (
        <NotificationSettingsForm
          saved={preferences.data}
          saving={save.isPending}
          onSave={(next) =>
            save.mutate(next, {
              onSuccess: () =>
                notifications.show({
                  color: 'green',
                  title: 'Saved',
                  message: 'Your notification settings are saved.',
                }),
              onError: (error) =>
                notifications.show({ color: 'red', title: 'Not saved', message: problemMessage(error) }),
            })
          }
        />
      )}
    </Stack>
  );
}
