import { isResponseSerializationError } from 'fastify-type-provider-zod';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { responseSerializer } from './response-serializer.js';

const serialize = responseSerializer({
  schema: z.object({ team: z.string(), score: z.number() }),
  method: 'GET',
  url: '/x',
  httpStatus: '200',
});

describe('the response serializer', () => {
  it('sends only the fields the schema names, so a stray field never reaches the client', () => {
    const json = serialize({ team: 'Legal', score: 61.5, answers: [4, 2, 5], email: 'lena@example.test' });
    expect(JSON.parse(json)).toEqual({ team: 'Legal', score: 61.5 });
  });

  it('refuses a route whose response schema is not a zod schema when the route is registered', () => {
    expect(() => responseSerializer({ schema: { type: 'object' } as never, method: 'GET', url: '/y', httpStatus: '200' })).toThrow(
      /must be zod schemas/,
    );
  });

  it('refuses an answer that does not match its schema instead of sending it', () => {
    let thrown: unknown;
    try {
      serialize({ team: 'Legal', score: 'sixty' });
    } catch (error) {
      thrown = error;
    }
    expect(isResponseSerializationError(thrown)).toBe(true);
  });
});
