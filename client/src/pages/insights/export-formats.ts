import type { ExportFormat } from '@pulse/shared';

/** The formats offered on the export page (the server's list, without importing zod here). */
export const exportFormatsList: readonly ExportFormat[] = ['csv', 'xlsx', 'json'];
