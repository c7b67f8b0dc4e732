import { Title } from '@mantine/core';

export function CyclePage() {
  return <Title order={1}>CyclePage</Title>;
}
