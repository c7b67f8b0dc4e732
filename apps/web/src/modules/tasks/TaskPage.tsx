import { Title } from '@mantine/core';

export function TaskPage() {
  return <Title order={1}>TaskPage</Title>;
}
