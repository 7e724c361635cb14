/**
 * The login session: a bearer token from `POST /auth/login`, kept in localStorage and sent on `/graphql`.
 * Login and logout are the only REST calls the studio makes; everything else is GraphQL.
 */
const TOKEN_KEY = 'stratum.token';

export type LoginResult =
  | { readonly kind: 'ok'; readonly token: string }
  | { readonly kind: 'wrong' }
  | { readonly kind: 'locked' }
  | { readonly kind: 'failed'; readonly message: string };

export function storedToken(): string | null {
  return localStorage.getItem(TOKEN_KEY);
}

export function storeToken(token: string | null): void {
  if (token) localStorage.setItem(TOKEN_KEY, token);
  else localStorage.removeItem(TOKEN_KEY);
}

export async function login(email: string, password: string): Promise<LoginResult> {
  let response: Response;
  try {
    response = await fetch('/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
  } catch (error) {
    return { kind: 'failed', message: (error as Error).message };
  }
  if (response.status === 401) return { kind: 'wrong' };
  if (response.status === 429) return { kind: 'locked' };
  const body = (await response.json().catch(() => ({}))) as { token?: string; error?: { message?: string } };
  if (!response.ok || !body.token) {
    return { kind: 'failed', message: body.error?.message ?? `HTTP ${response.status}` };
  }
  return { kind: 'ok', token: body.token };
}

export async function logout(token: string): Promise<void> {
  // Revoking is best effort: the token is forgotten locally whatever the server answers.
  await fetch('/auth/logout', { method: 'POST', headers: { authorization: `Bearer ${token}` } }).catch(() => {});
}
