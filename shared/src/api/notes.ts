import { z } from 'zod';
import { NOTE_MAX_LENGTH } from '../limits.js';
export { NOTE_MAX_LENGTH };

export const zNoteParams = z.object({ id: z.uuid(), cycleId: z.uuid() });

/** A leader's note to the team about a closed cycle; `at` is the day it was last written (YYYY-MM-DD). */
export const zTeamNote = z.object({ body: z.string(), at: z.string(), author: z.string().nullable() });
export type TeamNote = z.infer<typeof zTeamNote>;

/** GET /api/v1/teams/:id/notes/:cycleId */
export const zNoteResponse = z.object({ note: zTeamNote.nullable() });

/** PUT /api/v1/teams/:id/notes/:cycleId: "what we heard, what we will do". */
export const zNoteBody = z.object({ body: z.string().trim().min(1).max(NOTE_MAX_LENGTH) });

/** 200 body of the PUT: `mailed` is true the one time the note went out to the team. */
export const zNoteSaved = z.object({ note: zTeamNote, mailed: z.boolean() });
