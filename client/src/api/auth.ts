import type { Language, LoginBody, MeResponse, SessionResponse, SetPasswordBody, SignInMethods, TokenInfo } from '@pulse/shared';
import { api } from './client.js';
import { useResource } from './use-resource.js';

/** GET /api/v1/auth/me: the signed-in user, or an ApiRequestError with status 401. */
export const fetchMe = () => api<MeResponse>('/api/v1/auth/me');

/** PUT /api/v1/auth/me/language: the person's own language, or null for automatic. */
export const chooseOwnLanguage = (language: Language | null) =>
  api<MeResponse>('/api/v1/auth/me/language', { method: 'PUT', json: { language } });

/** POST /api/v1/auth/login */
export const login = (body: LoginBody) => api<SessionResponse>('/api/v1/auth/login', { method: 'POST', json: body });

/** POST /api/v1/auth/logout */
export const logout = () => api<void>('/api/v1/auth/logout', { method: 'POST' });

/** POST /api/v1/auth/password-reset */
export const requestPasswordReset = (email: string) =>
  api<{ status: 'accepted' }>('/api/v1/auth/password-reset', { method: 'POST', json: { email } });

/** GET /api/v1/auth/tokens/:token */
export const fetchTokenInfo = (token: string) => api<TokenInfo>(`/api/v1/auth/tokens/${encodeURIComponent(token)}`);

/** POST /api/v1/auth/password */
export const setPassword = (body: SetPasswordBody) => api<SessionResponse>('/api/v1/auth/password', { method: 'POST', json: body });

/** GET /api/v1/auth/methods: the OpenID provider's button, and whether passwords are for admins only. */
export const useSignInMethods = () => useResource('sign-in-methods', () => api<SignInMethods>('/api/v1/auth/methods'));
