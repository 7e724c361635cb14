import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { login as loginRequest, logout as logoutRequest, storeToken, storedToken, type LoginResult } from './session';

interface Auth {
  readonly token: string | null;
  login(email: string, password: string): Promise<LoginResult>;
  logout(): Promise<void>;
  /** The server no longer accepts the token (expired or revoked): forget it. */
  expire(): void;
}

const AuthContext = createContext<Auth | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [token, setToken] = useState<string | null>(storedToken);
  const set = useCallback((next: string | null) => {
    storeToken(next);
    setToken(next);
  }, []);
  const auth = useMemo<Auth>(
    () => ({
      token,
      async login(email, password) {
        const result = await loginRequest(email, password);
        if (result.kind === 'ok') set(result.token);
        return result;
      },
      async logout() {
        if (token) await logoutRequest(token);
        set(null);
      },
      expire: () => set(null),
    }),
    [token, set],
  );
  return <AuthContext.Provider value={auth}>{children}</AuthContext.Provider>;
}

export function useAuth(): Auth {
  const auth = useContext(AuthContext);
  if (!auth) throw new Error('useAuth outside AuthProvider');
  return auth;
}
