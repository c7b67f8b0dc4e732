import { MantineProvider } from '@mantine/core';
import { createMemoryHistory, createRootRoute, createRouter, RouterProvider } from '@tanstack/react-router';
import { render, screen } from '@testing-library/react';
import type { Role } from '#web/api/types';
import { InboxEmptyState } from './InboxEmptyState';

/** Rendered inside a router of its own: the links need one. */
async function renderFor(role: Role) {
  const rootRoute = createRootRoute({ component: () => <InboxEmptyState role={role} /> });
  const router = createRouter({ routeTree: rootRoute, history: createMemoryHistory() });
  render(
    <MantineProvider>
      <RouterProvider router={router} />
    </MantineProvider>,
  );
  return screen.findByText(/Nothing to do right now/);
}

describe('InboxEmptyState', () => {
  it('sends an admin to the builder and to People, not to a team', async () => {
    await renderFor('admin');
    expect(
      screen.getByRole('link', { name: 'design rubrics, forms and playbooks in the builder' }),
    ).toHaveAttribute('href', '/admin/builder');
    expect(screen.getByRole('link', { name: 'People' })).toHaveAttribute('href', '/people');
    expect(screen.queryByRole('link', { name: /start a cycle/ })).toBeNull();
  });

  it.each<Role>(['manager', 'leader'])('sends a %s to start a cycle from the team', async (role) => {
    await renderFor(role);
    expect(screen.getByRole('link', { name: 'start a cycle from your team' })).toHaveAttribute(
      'href',
      '/team',
    );
    expect(screen.queryByRole('link', { name: /builder/ })).toBeNull();
  });

  it('tells a rep that tasks arrive when the manager starts a cycle, with nothing to click', async () => {
    const text = await renderFor('rep');
    expect(text).toHaveTextContent(
      'Your tasks arrive here when your manager starts a coaching cycle with you.',
    );
    expect(screen.queryByRole('link')).toBeNull();
  });
});
