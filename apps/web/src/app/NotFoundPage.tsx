import { Anchor, Stack, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';

export function NotFoundPage() {
  return (
    <Stack p="xl" maw={560} mx="auto">
      <Title order={1}>Page not found</Title>
      <Text>This address does not lead anywhere in Coachflow.</Text>
      <Anchor component={Link} to="/">
        Go to your inbox
      </Anchor>
    </Stack>
  );
}
