import { Alert, Button, Group, type MantineColor, Modal, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { problemMessage } from '#web/api/problem';

export interface ConfirmDialogProps {
  opened: boolean;
  onClose: () => void;
  /** The question the dialog asks; it also names the dialog for assistive technology. */
  title: string;
  /** What confirming does, and any input it needs. */
  children: ReactNode;
  /** The last attempt's error (a mutation's), shown above the buttons; null or undefined shows none. */
  error?: unknown;
  /** The button that closes the dialog and changes nothing. */
  cancelLabel: string;
  confirmLabel: string;
  confirmColor?: MantineColor;
  /** While the input is not yet enough to confirm. */
  confirmDisabled?: boolean;
  /** While the confirmed action runs. */
  confirming: boolean;
  onConfirm: () => void;
}

/** A modal that asks before an action: what it does, its error if it failed, "not now" and "do it". */
export function ConfirmDialog({
  opened,
  onClose,
  title,
  children,
  error,
  cancelLabel,
  confirmLabel,
  confirmColor,
  confirmDisabled = false,
  confirming,
  onConfirm,
}: ConfirmDialogProps) {
  return (
    <Modal opened={opened} onClose={onClose} title={title}>
      <Stack>
        {children}
        {error != null && <Alert color="red">{problemMessage(error)}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {cancelLabel}
          </Button>
          <Button color={confirmColor} disabled={confirmDisabled} loading={confirming} onClick={onConfirm}>
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
