import type { ComponentChildren } from 'preact';
import { ErrorState, PageLoading } from '../ui';
import type { Resource } from './use-resource';

/** Renders a Resource: spinner while loading, the API's error with a retry, else `children(data)`. */
export function Loaded<T>({ resource, children }: { resource: Resource<T> & { reload: () => void }; children: (data: T) => ComponentChildren }) {
  if (resource.status === 'loading') return <PageLoading />;
  if (resource.status === 'error') return <ErrorState error={resource.error} onRetry={resource.reload} />;
  return <>{children(resource.data)}</>;
}
