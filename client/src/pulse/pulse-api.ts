import type { Pulse, PulseReceived, PulseSubmission } from '@pulse/shared/api/pulse';
import type { Language } from '@pulse/shared/languages';
import type { PulseResults } from '@pulse/shared/api/results';
import { api } from '../api/client.js';
import { currentLanguage } from '../i18n/runtime.js';

const path = (token: string) => `/api/v1/pulse/${encodeURIComponent(token)}`;

/** GET /api/v1/pulse/:token, in `lang` when given (else the member's own language). */
export const fetchPulse = (token: string, lang?: Language) => api<Pulse>(lang ? `${path(token)}?lang=${lang}` : path(token));

/**
 * POST /api/v1/pulse/:token, with the language the page speaks (`?lang=`): the server counts it
 * for the cycle only, and answers any error in it.
 */
export const sendPulse = (token: string, submission: PulseSubmission) =>
  api<PulseReceived>(`${path(token)}?lang=${currentLanguage()}`, { method: 'POST', json: submission });

/** GET /api/v1/pulse/:token/results */
export const fetchResults = (token: string) => api<PulseResults>(`${path(token)}/results`);
