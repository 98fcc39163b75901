import { z } from 'zod';

/** One entry per offending field or line, e.g. `{ path: "answers.autonomy_1", message: "..." }`. */
export const zErrorDetail = z.object({ path: z.string(), message: z.string() });
export type ErrorDetail = z.infer<typeof zErrorDetail>;

/** The single error shape of every 4xx and 5xx answer (zErrorBody below; every route declares it in the OpenAPI document). */
export const zErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.array(zErrorDetail).optional(),
  }),
});
export type ErrorBody = z.infer<typeof zErrorBody>;
