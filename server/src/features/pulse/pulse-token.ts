import { createHash, randomBytes } from 'node:crypto';

/** A fresh 256-bit random link token, base64url (43 characters). */
export const newPulseToken = (): string => randomBytes(32).toString('base64url');

/** sha256 (hex) of a link token: the only form in which a token is ever stored. */
export const hashPulseToken = (token: string): string => createHash('sha256').update(token).digest('hex');

/** The personal link a member gets by mail. */
export const pulseLink = (publicUrl: string, token: string): string => `${publicUrl}/p/${token}`;
