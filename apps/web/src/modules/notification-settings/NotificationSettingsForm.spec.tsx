import { MantineProvider } from '@mantine/core';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { browserTimeZone, NotificationSettingsForm } from './NotificationSettingsForm';
import type { NotificationPreferences } from './useNotificationPreferences';

const saved: NotificationPreferences = {
  email: {
    'escalation-raised': true,
    'task-overdue': true,
    'task-due-soon': true,
    'commitment-due': true,
    'coaching-session': true,
    'weekly-digest': true,
  },
  digest: { day: 'monday', hour: 8 },
  timeZone: 'Europe/Berlin',
  quietHours: null,
};

function renderForm(preferences: NotificationPreferences = saved) {
  const onSave = jest.fn<void, [NotificationPreferences]>();
  render(
    <MantineProvider>
      <NotificationSettingsForm saved={preferences} saving={false} onSave={onSave} />
    </MantineProvider>,
  );
  return onSave;
}

describe('NotificationSettingsForm', () => {
  it('saves the switches, digest slot, zone and quiet hours as the person set them', async () => {
    const user = userEvent.setup();
    const onSave = renderForm();

    await user.click(screen.getByRole('switch', { name: 'One of my tasks is due soon' }));
    await user.selectOptions(screen.getByLabelText('Day'), 'Friday');
    await user.selectOptions(screen.getByLabelText('Hour'), '17:00');
    await user.selectOptions(screen.getByLabelText(/Time zone/), 'America/New_York');
    expect(screen.getByLabelText(/^From/)).toBeDisabled();
    await user.click(screen.getByRole('checkbox', { name: /quiet hours/ }));
    await user.clear(screen.getByLabelText(/^From/));
    await user.type(screen.getByLabelText(/^From/), '21:30');
    await user.click(screen.getByRole('button', { name: 'Save' }));

    expect(onSave).toHaveBeenCalledWith({
      ...saved,
      email: { ...saved.email, 'task-due-soon': false },
      digest: { day: 'friday', hour: 17 },
      timeZone: 'America/New_York',
      quietHours: { start: '21:30', end: '07:00' },
    });
  });

  it('is worked with the keyboard: Space flips the focused switch, Enter saves', async () => {
    const user = userEvent.setup();
    const onSave = renderForm();

    await user.tab();
    expect(screen.getByRole('switch', { name: 'A missed commitment is escalated to me' })).toHaveFocus();
    await user.keyboard(' ');
    await user.keyboard('{Enter}');

    expect(onSave).toHaveBeenCalledWith({ ...saved, email: { ...saved.email, 'escalation-raised': false } });
  });

  it("offers the browser's zone to an account still on the default zone", () => {
    const resolved = Intl.DateTimeFormat().resolvedOptions();
    const zone = jest
      .spyOn(Intl.DateTimeFormat.prototype, 'resolvedOptions')
      .mockReturnValue({ ...resolved, timeZone: 'Asia/Tokyo' });
    try {
      renderForm({ ...saved, timeZone: 'UTC' });
      expect(browserTimeZone()).toBe('Asia/Tokyo');
      expect(screen.getByLabelText(/Time zone/)).toHaveValue('Asia/Tokyo');
      expect(screen.getByText(/Preselected from your browser/)).toBeInTheDocument();
    } finally {
      zone.mockRestore();
    }
  });
});
