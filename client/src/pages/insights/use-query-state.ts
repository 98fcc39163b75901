import { useSearchParams } from 'wouter';

/**
 * The page's query string as state: `update({ from: '2026-01-01', cycle: undefined })` sets
 * or removes parameters, keeping the others, so every view stays a shareable address.
 */
export function useQueryState() {
  const [params, setParams] = useSearchParams();
  const update = (changes: Record<string, string | null | undefined>) =>
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      for (const [key, value] of Object.entries(changes)) {
        if (value) next.set(key, value);
        else next.delete(key);
      }
      return next;
    });
  return [params, update] as const;
}
