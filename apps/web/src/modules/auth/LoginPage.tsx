import {
  Alert,
  Button,
  Center,
  Divider,
  Paper,
  PasswordInput,
  Radio,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { api, unwrap } from '#web/api/client';
import { type Organisation, sessionStore, signIn } from '#web/api/session';
import { loginRoute } from './auth.routes';

/**
 * Whether the API offers single sign-on, and where its button goes (null while unknown or off): its login
 * URL, asked to come back to `redirect` once signed in.
 */
function useSingleSignOn(redirect: string | undefined): string | null {
  const status = useQuery({
    queryKey: ['auth', 'oidc'],
    queryFn: () => unwrap(api.GET('/api/auth/oidc')),
    staleTime: Infinity,
    retry: false,
  });
  const loginUrl = status.data?.enabled ? status.data.loginUrl : null;
  if (!loginUrl || !redirect) return loginUrl;
  return `${loginUrl}${loginUrl.includes('?') ? '&' : '?'}return=${encodeURIComponent(redirect)}`;
}

function failureMessage(status: number): string {
  if (status === 401) return 'That email and password do not match an active account.';
  if (status === 429) return 'Too many attempts. Wait a minute, then try again.';
  return 'Signing in failed on the server. Try again in a moment.';
}

/** Email and password sign-in; afterwards back to the page that asked for it. */
export function LoginPage() {
  const { redirect } = loginRoute.useSearch();
  const navigate = useNavigate();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Set when the email and password fit several organisations: the person picks one, then signs in again.
  const [organisations, setOrganisations] = useState<Organisation[] | null>(null);
  const [organisationId, setOrganisationId] = useState<string | null>(null);
  const expired = sessionStore.wasExpired();
  const singleSignOn = useSingleSignOn(redirect);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const result = await signIn(email.trim(), password, organisationId ?? undefined);
      if (!result.ok && 'organisations' in result) {
        setOrganisations(result.organisations);
        return;
      }
      if (!result.ok) {
        setError(failureMessage(result.status));
        return;
      }
      await navigate({ href: redirect ?? '/', replace: true });
    } catch {
      setError('The server cannot be reached. Check your connection and try again.');
    } finally {
      setBusy(false);
    }
  };

  return (
    <Center mih="100vh" p="md" bg="gray.0">
      <Paper component="main" withBorder shadow="sm" p="xl" w="100%" maw={400}>
        <form onSubmit={(event) => void submit(event)} noValidate>
          <Stack>
            <div>
              <Title order={1} size="h2">
                Sign in to Coachflow
              </Title>
              <Text c="dimmed" size="sm">
                Your coaching tasks, cycles and team in one place.
              </Text>
            </div>
            {expired && !error && (
              <Alert color="yellow" title="Your session ended">
                Sign in again to continue where you were; what you typed is kept.
              </Alert>
            )}
            {error && (
              <Alert color="red" role="alert" title="Not signed in">
                {error}
              </Alert>
            )}
            <TextInput
              label="Email"
              type="email"
              autoComplete="username"
              required
              value={email}
              onChange={(event) => {
                setEmail(event.currentTarget.value);
                setOrganisations(null);
                setOrganisationId(null);
              }}
              autoFocus
            />
            <PasswordInput
              label="Password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(event) => setPassword(event.currentTarget.value)}
            />
            {organisations && (
              <Radio.Group
                label="Which organisation?"
                description="Your email and password sign in to several organisations: choose one."
                value={organisationId}
                onChange={setOrganisationId}
                withAsterisk
              >
                <Stack gap="xs" mt="xs">
                  {organisations.map((organisation) => (
                    <Radio key={organisation.id} value={organisation.id} label={organisation.name} />
                  ))}
                </Stack>
              </Radio.Group>
            )}
            <Button
              type="submit"
              loading={busy}
              disabled={!email || !password || (organisations !== null && !organisationId)}
            >
              Sign in
            </Button>
            {singleSignOn && (
              <>
                <Divider label="or" labelPosition="center" />
                <Button component="a" href={singleSignOn} variant="default">
                  Sign in with single sign-on
                </Button>
              </>
            )}
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
