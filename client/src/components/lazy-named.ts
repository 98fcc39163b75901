import { lazy, type ComponentType } from 'react';

/**
 * A page as its own chunk: `lazyNamed(() => import('./X.js'), 'X')` loads module X's named
 * export only when the page is first shown. RequireRole shows a loading state meanwhile.
 */
export function lazyNamed<Props extends object, Name extends string>(load: () => Promise<Record<Name, ComponentType<Props>>>, name: Name) {
  return lazy(async () => ({ default: (await load())[name] }));
}
