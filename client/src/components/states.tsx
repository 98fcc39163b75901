import type { ReactNode } from 'react';
import type { ResourceState } from '../api/use-resource.js';
import { t } from '../i18n/messages.js';

export function Loading({ label = t('state.loading') }: { label?: string }) {
  return (
    <p className="state state-loading" role="status" aria-live="polite">
      {label}
    </p>
  );
}

export function ErrorState({ message, onRetry }: { message: string; onRetry?: () => void }) {
  return (
    <div className="state state-error" role="alert">
      <p>{message}</p>
      {onRetry && (
        <button type="button" onClick={onRetry}>
          {t('state.retry')}
        </button>
      )}
    </div>
  );
}

export function EmptyState({ children }: { children: ReactNode }) {
  return <div className="state state-empty">{children}</div>;
}

/** Renders loading, error and empty states for a resource, and `children` once it has data. */
export function Resource<T>({
  state,
  isEmpty,
  empty,
  children,
}: {
  state: ResourceState<T> & { reload: () => void };
  isEmpty?: (data: T) => boolean;
  empty?: ReactNode;
  children: (data: T) => ReactNode;
}) {
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'error') return <ErrorState message={state.error.message} onRetry={state.reload} />;
  if (isEmpty?.(state.data)) return <EmptyState>{empty ?? t('state.empty')}</EmptyState>;
  return <>{children(state.data)}</>;
}
