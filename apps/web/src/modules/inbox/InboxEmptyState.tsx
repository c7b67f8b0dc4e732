import { Text } from '@mantine/core';
import type { Role } from '#web/api/types';
import { AnchorLink } from '#web/app/AnchorLink';

/** What an empty inbox says to do next: tasks come from cycles, and who starts those depends on the role. */
export function InboxEmptyState({ role }: { role: Role }) {
  switch (role) {
    case 'admin':
      return (
        <Text>
          Nothing to do right now: cycles hand their tasks to reps and managers. Next,{' '}
          <AnchorLink to="/admin/builder">design rubrics, forms and playbooks in the builder</AnchorLink>, or
          add people and their managers in <AnchorLink to="/people">People</AnchorLink>.
        </Text>
      );
    case 'leader':
    case 'manager':
      return (
        <Text>
          Nothing to do right now. New tasks appear here as soon as a cycle hands you one; to begin one,{' '}
          <AnchorLink to="/team">start a cycle from your team</AnchorLink>.
        </Text>
      );
    case 'rep':
      return (
        <Text>
          Nothing to do right now. Your tasks arrive here when your manager starts a coaching cycle with you.
        </Text>
      );
  }
}
