import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { open, seal } from './secret-box.js';

describe('secret box', () => {
  const key = randomBytes(32);

  it('opens what it sealed, and the sealed form does not contain the secret', () => {
    const sealed = seal(key, 'xoxb-123-secret');
    expect(sealed).not.toContain('xoxb');
    expect(open(key, sealed)).toBe('xoxb-123-secret');
    // A fresh IV each time: the same secret never seals to the same text.
    expect(seal(key, 'xoxb-123-secret')).not.toBe(sealed);
  });

  it('refuses another key and an altered value', () => {
    const sealed = seal(key, 'xoxb-123-secret');
    expect(() => open(randomBytes(32), sealed)).toThrow();
    const parts = sealed.split('.');
    parts[3] = Buffer.from('xoxb-999-forged').toString('base64url');
    expect(() => open(key, parts.join('.'))).toThrow();
  });
});
