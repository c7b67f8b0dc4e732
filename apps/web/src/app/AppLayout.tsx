import {
  ActionIcon,
  AppShell,
  Badge,
  Burger,
  Group,
  Indicator,
  Menu,
  NavLink,
  Text,
  UnstyledButton,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import {
  IconBell,
  IconHammer,
  IconInbox,
  IconLogout,
  IconMailForward,
  IconSettings,
  IconUsers,
  IconUsersGroup,
  IconWebhook,
} from '@tabler/icons-react';
import { Link, Outlet, useNavigate, useRouterState } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { signOut } from '../api/session';
import type { Role } from '../api/types';
import { useCurrentUser, useSession } from '../modules/auth/useSession';
import { useLiveUpdates } from '../modules/live/useLiveUpdates';
import { useNotifications } from '../modules/notifications/useNotifications';
import { useOpenTasks } from '../modules/tasks/useOpenTasks';

interface NavItem {
  to: '/' | '/team' | '/people' | '/admin/builder' | '/admin/webhooks' | '/admin/deliveries';
  label: string;
  icon: ReactNode;
  roles: readonly Role[];
}

const NAV: readonly NavItem[] = [
  { to: '/', label: 'Inbox', icon: <IconInbox size={18} />, roles: ['admin', 'leader', 'manager', 'rep'] },
  { to: '/team', label: 'Team', icon: <IconUsersGroup size={18} />, roles: ['admin', 'leader', 'manager'] },
  { to: '/people', label: 'People', icon: <IconUsers size={18} />, roles: ['admin'] },
  { to: '/admin/builder', label: 'Admin / Builder', icon: <IconHammer size={18} />, roles: ['admin'] },
  { to: '/admin/webhooks', label: 'Admin / Webhooks', icon: <IconWebhook size={18} />, roles: ['admin'] },
  {
    to: '/admin/deliveries',
    label: 'Admin / Deliveries',
    icon: <IconMailForward size={18} />,
    roles: ['admin'],
  },
];

function isActive(pathname: string, to: NavItem['to']): boolean {
  if (to === '/') return pathname === '/' || pathname.startsWith('/tasks/');
  return pathname === to || pathname.startsWith(`${to}/`);
}

function InboxCount() {
  const tasks = useOpenTasks();
  if (!tasks.data) return null;
  const count = tasks.data.items.length;
  const label = tasks.data.nextCursor ? `${count}+` : String(count);
  return (
    <Badge size="sm" variant={count ? 'filled' : 'light'} aria-label={`${label} open tasks`}>
      {label}
    </Badge>
  );
}

function NotificationsBell() {
  const notifications = useNotifications();
  const unread = notifications.data?.items.filter((item) => !item.readAt).length ?? 0;
  return (
    <Indicator label={unread} size={18} disabled={unread === 0} offset={4}>
      <ActionIcon
        component={Link}
        to="/notifications"
        variant="subtle"
        size="lg"
        aria-label={unread ? `Notifications, ${unread} unread` : 'Notifications'}
      >
        <IconBell size={20} />
      </ActionIcon>
    </Indicator>
  );
}

/**
 * The signed-in frame, while there is a session. When it ends (expired, or signed out in another tab) the
 * pages under it stop rendering at once: the root layout is already on its way to the sign-in page.
 */
export function AppLayout() {
  return useSession() ? <SignedInFrame /> : null;
}

/** Header with the bell and the account menu, navigation by role, the page. */
function SignedInFrame() {
  const user = useCurrentUser();
  const [opened, { toggle, close }] = useDisclosure();
  const pathname = useRouterState({ select: (state) => state.location.pathname });
  const navigate = useNavigate();
  useLiveUpdates();

  const logout = async () => {
    await signOut();
    await navigate({ to: '/login', search: {} });
  };

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 230, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label="Navigation" />
            <Text component={Link} to="/" fw={700} size="lg" c="indigo.8" style={{ textDecoration: 'none' }}>
              Coachflow
            </Text>
          </Group>
          <Group gap="xs" wrap="nowrap">
            <NotificationsBell />
            <Menu position="bottom-end" withinPortal>
              <Menu.Target>
                <UnstyledButton aria-label={`Account of ${user.name}`} px="xs" py={4}>
                  <Text size="sm" fw={500} truncate maw={160}>
                    {user.name}
                  </Text>
                </UnstyledButton>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Label>
                  {user.email} · {user.role}
                </Menu.Label>
                <Menu.Item
                  component={Link}
                  to="/settings/notifications"
                  leftSection={<IconSettings size={16} />}
                >
                  Notification settings
                </Menu.Item>
                <Menu.Item leftSection={<IconLogout size={16} />} onClick={() => void logout()}>
                  Sign out
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label="Main">
        {NAV.filter((item) => item.roles.includes(user.role)).map((item) => (
          <NavLink
            key={item.to}
            component={Link}
            to={item.to}
            label={item.label}
            leftSection={item.icon}
            rightSection={item.to === '/' ? <InboxCount /> : undefined}
            active={isActive(pathname, item.to)}
            onClick={close}
          />
        ))}
      </AppShell.Navbar>
      <AppShell.Main>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
