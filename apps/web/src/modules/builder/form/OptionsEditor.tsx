import { ActionIcon, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { SortableList } from '../shared/SortableList';

/** A choice's options: add, rename, reorder (drag or arrows), remove. */
export function OptionsEditor(props: {
  options: string[];
  error?: string;
  onChange: (options: string[], group?: string) => void;
}) {
  const { options } = props;
  // Rows are keyed by position: an option's text is what is being edited.
  const rows = options.map((option, index) => ({ id: `option-${index}`, option, index }));
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500}>
        Options
      </Text>
      <SortableList
        items={rows}
        idOf={(row) => row.id}
        labelOf={(row) => row.option || `option ${row.index + 1}`}
        noun="options"
        onMove={(from, to) => {
          const next = [...options];
          const [moved] = next.splice(from, 1);
          next.splice(to, 0, moved!);
          props.onChange(next);
        }}
        renderItem={(row, controls) => (
          <Group gap={4} wrap="nowrap" mb={4}>
            {controls.handle}
            <TextInput
              aria-label={`Option ${row.index + 1}`}
              value={row.option}
              style={{ flex: 1 }}
              onChange={(event) =>
                props.onChange(
                  options.map((option, index) => (index === row.index ? event.currentTarget.value : option)),
                  `option-${row.index}`,
                )
              }
            />
            <ActionIcon
              variant="subtle"
              color="red"
              aria-label={`Remove option ${row.option || row.index + 1}`}
              disabled={options.length <= 1}
              onClick={() => props.onChange(options.filter((_, index) => index !== row.index))}
            >
              <IconTrash size={16} />
            </ActionIcon>
          </Group>
        )}
      />
      {props.error && (
        <Text size="xs" c="red.8" role="alert">
          {props.error}
        </Text>
      )}
      <Button
        variant="light"
        size="xs"
        onClick={() => props.onChange([...options, `Option ${options.length + 1}`])}
      >
        Add option
      </Button>
    </Stack>
  );
}
