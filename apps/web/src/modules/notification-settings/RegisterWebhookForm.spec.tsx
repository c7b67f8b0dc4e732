import { MantineProvider } from '@mantine/core';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { RegisterWebhookForm, type WebhookRegistration } from './RegisterWebhookForm';

function renderForm() {
  const onRegister = jest.fn<void, [WebhookRegistration]>();
  render(
    <MantineProvider>
      <RegisterWebhookForm registering={false} onRegister={onRegister} />
    </MantineProvider>,
  );
  return onRegister;
}

describe('RegisterWebhookForm', () => {
  it('asks for at least one event before registering', async () => {
    const user = userEvent.setup();
    const onRegister = renderForm();
    await user.type(screen.getByLabelText(/Endpoint URL/), 'https://hooks.example.com/a');
    await user.click(screen.getByRole('button', { name: 'Register webhook' }));
    expect(onRegister).not.toHaveBeenCalled();
    expect(screen.getByText('Choose at least one event.')).toBeInTheDocument();
  });

  it('registers the URL with the chosen events, in Slack format when switched on', async () => {
    const user = userEvent.setup();
    const onRegister = renderForm();
    await user.type(screen.getByLabelText(/Endpoint URL/), 'https://hooks.example.com/a');
    await user.click(screen.getByRole('checkbox', { name: 'Escalation raised' }));
    await user.click(screen.getByRole('checkbox', { name: 'Commitment missed' }));
    await user.click(screen.getByRole('switch', { name: /Slack format/ }));
    await user.click(screen.getByRole('button', { name: 'Register webhook' }));
    expect(onRegister).toHaveBeenCalledWith({
      url: 'https://hooks.example.com/a',
      eventTypes: ['EscalationRaised', 'CommitmentMissed'],
      format: 'slack',
    });
  });
});
