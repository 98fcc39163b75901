import { z } from 'zod';
import { languages } from '../languages.js';

/** A language Pulse speaks, in a request or a response. */
export const zLanguage = z.enum(languages, { error: `must be one of ${languages.join(', ')}` });
