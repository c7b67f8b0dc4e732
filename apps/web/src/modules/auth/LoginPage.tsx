import { Alert, Button, Center, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { sessionStore, signIn } from '#web/api/session';
import { loginRoute } from './auth.routes';

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
  const expired = sessionStore.wasExpired();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const result = await signIn(email.trim(), password);
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
              onChange={(event) => setEmail(event.currentTarget.value)}
              autoFocus
            />
            <PasswordInput
              label="Password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(event) => setPassword(event.currentTarget.value)}
            />
            <Button type="submit" loading={busy} disabled={!email || !password}>
              Sign in
            </Button>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
