import { useCallback, useEffect, useState } from 'react';
import { ApiRequestError } from './client.js';

export type ResourceState<T> =
  | { status: 'loading'; data?: undefined; error?: undefined }
  | { status: 'error'; data?: undefined; error: ApiRequestError }
  | { status: 'ready'; data: T; error?: undefined };

/**
 * Loads `load()` whenever `key` changes (null: wait) and offers `reload`. A small hook rather than
 * a query library keeps the pulse page inside its bundle budget.
 */
export function useResource<T>(key: string | null, load: () => Promise<T>): ResourceState<T> & { reload: () => void } {
  const [state, setState] = useState<ResourceState<T>>({ status: 'loading' });
  const [version, setVersion] = useState(0);
  useEffect(() => {
    if (key === null) return;
    let current = true;
    setState({ status: 'loading' });
    load().then(
      (data) => current && setState({ status: 'ready', data }),
      (error: unknown) =>
        current &&
        setState({
          status: 'error',
          error: error instanceof ApiRequestError ? error : new ApiRequestError(0, 'client_error', String(error)),
        }),
    );
    return () => {
      current = false;
    };
    // `load` is recreated each render; `key` names what it loads.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, version]);
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { ...state, reload };
}
