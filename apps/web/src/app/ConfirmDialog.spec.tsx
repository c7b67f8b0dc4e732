import { MantineProvider, Text } from '@mantine/core';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ApiProblem } from '#web/api/problem';
import { ConfirmDialog, type ConfirmDialogProps } from './ConfirmDialog';

function renderDialog(props: Partial<ConfirmDialogProps> = {}) {
  const onClose = jest.fn();
  const onConfirm = jest.fn();
  render(
    <MantineProvider>
      <ConfirmDialog
        opened
        onClose={onClose}
        title="Delete this thing?"
        cancelLabel="Keep it"
        confirmLabel="Delete thing"
        confirmColor="red"
        confirming={false}
        onConfirm={onConfirm}
        {...props}
      >
        <Text>It goes at once.</Text>
      </ConfirmDialog>
    </MantineProvider>,
  );
  return { onClose, onConfirm };
}

describe('ConfirmDialog', () => {
  it('is a dialog named by its question, saying what confirming does', async () => {
    renderDialog();
    const dialog = await screen.findByRole('dialog', { name: 'Delete this thing?' });
    expect(dialog).toHaveTextContent('It goes at once.');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('closes on the cancel button and confirms on the other', async () => {
    const user = userEvent.setup();
    const { onClose, onConfirm } = renderDialog();
    await user.click(await screen.findByRole('button', { name: 'Keep it' }));
    expect(onClose).toHaveBeenCalledTimes(1);
    expect(onConfirm).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'Delete thing' }));
    expect(onConfirm).toHaveBeenCalledTimes(1);
  });

  it('shows the last attempt’s problem, and holds the confirm button while the input is not enough', async () => {
    const user = userEvent.setup();
    const { onConfirm } = renderDialog({
      error: new ApiProblem(409, 'Conflict', 'Someone changed it meanwhile.', []),
      confirmDisabled: true,
    });
    expect(await screen.findByText('Someone changed it meanwhile.')).toBeInTheDocument();
    const confirm = screen.getByRole('button', { name: 'Delete thing' });
    expect(confirm).toBeDisabled();
    await user.click(confirm);
    expect(onConfirm).not.toHaveBeenCalled();
  });
});
