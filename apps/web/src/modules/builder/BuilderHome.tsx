import { Stack, Text, Title } from '@mantine/core';

/** Placeholder for the no-code builder (issue 14), which replaces this page. */
export function BuilderHome() {
  return (
    <Stack>
      <Title order={1}>Builder</Title>
      <Text>
        Rubrics, forms and playbooks will be designed here. Until the builder arrives, use the API at{' '}
        <a href="/api/docs">/api/docs</a>.
      </Text>
    </Stack>
  );
}
