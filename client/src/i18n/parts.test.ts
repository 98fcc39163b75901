import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { en } from './messages.js';
import { partOf, pulsePagePrefixes } from './parts.js';

/** The source files the pulse page and the conversation page are built from: these and every file in `pulse/`. */
const pulsePageFiles = [
  'App.tsx',
  'pages/PulsePage.tsx',
  'pages/ConversationPage.tsx',
  'components/states.tsx',
  'components/forms.tsx',
  ...readdirSync(new URL('../pulse/', import.meta.url))
    .filter((name) => name.endsWith('.tsx') && !name.includes('.test.'))
    .map((name) => `pulse/${name}`),
];

describe('the pulse page’s part of the catalogue', () => {
  it('holds every key the pulse page’s source names, so a member never sees a bare key', () => {
    const outside: string[] = [];
    for (const file of pulsePageFiles) {
      const source = readFileSync(new URL(`../${file}`, import.meta.url), 'utf8');
      for (const [, key] of source.matchAll(/'([a-zA-Z_]+(?:\.[a-zA-Z_]+)+)'/g))
        if (key! in en && partOf(key!) !== 'pulse') outside.push(`${file}: ${key}`);
      for (const [, prefix] of source.matchAll(/`([a-zA-Z_]+(?:\.[a-zA-Z_]+)*\.)\$\{/g)) {
        if (!pulsePagePrefixes.some((p) => prefix!.startsWith(p))) outside.push(`${file}: ${prefix}…`);
      }
    }
    expect(outside).toEqual([]);
  });

  it('leaves most of the catalogue to the dashboard', () => {
    const keys = Object.keys(en);
    expect(keys.filter((k) => partOf(k) === 'pulse').length).toBeLessThan(keys.length / 4);
  });
});
