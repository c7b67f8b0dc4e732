import { Title } from '@mantine/core';

export function NotificationsPage() {
  return <Title order={1}>NotificationsPage</Title>;
}
