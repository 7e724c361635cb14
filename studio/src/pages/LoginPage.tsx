import { Alert, Button, Center, Group, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../auth/auth-context';
import { LanguageSelect } from '../shell/LanguageSelect';
import { ThemeToggle } from '../shell/ThemeToggle';

export default function LoginPage() {
  const { t } = useTranslation();
  const auth = useAuth();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const result = await auth.login(email, password);
    setBusy(false);
    switch (result.kind) {
      case 'ok':
        return;
      case 'wrong':
        return setError(t('login.wrong'));
      case 'locked':
        return setError(t('login.locked'));
      case 'failed':
        return setError(t('login.failed', { message: result.message }));
    }
  }

  return (
    <Center mih="100vh" p="md">
      <Stack w="100%" maw={400}>
        <Group justify="flex-end">
          <LanguageSelect />
          <ThemeToggle />
        </Group>
        <Paper withBorder shadow="md" p="xl" radius="md" component="main">
          <form onSubmit={(event) => void submit(event)} aria-labelledby="login-title">
            <Stack>
              <div>
                <Title order={1} size="h2" id="login-title">
                  {t('login.title')}
                </Title>
                <Text c="dimmed" size="sm">
                  {t('login.subtitle')}
                </Text>
              </div>
              {error && (
                <Alert color="red" role="alert" data-testid="login-error">
                  {error}
                </Alert>
              )}
              <TextInput
                label={t('login.email')}
                name="email"
                type="email"
                autoComplete="username"
                required
                autoFocus
                value={email}
                onChange={(event) => setEmail(event.currentTarget.value)}
              />
              <PasswordInput
                label={t('login.password')}
                name="password"
                autoComplete="current-password"
                required
                value={password}
                onChange={(event) => setPassword(event.currentTarget.value)}
              />
              <Button type="submit" loading={busy} fullWidth>
                {t('login.submit')}
              </Button>
            </Stack>
          </form>
        </Paper>
      </Stack>
    </Center>
  );
}
