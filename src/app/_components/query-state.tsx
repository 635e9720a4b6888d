// Loading, error and empty states shared by every screen, so each list says what is happening.
import type { ReactNode } from "react";

export function QueryState({
  isLoading,
  error,
  isEmpty,
  empty,
  children,
}: {
  isLoading: boolean;
  error: { message: string } | null;
  isEmpty: boolean;
  empty: ReactNode;
  children: ReactNode;
}) {
  if (isLoading)
    return (
      <p className="muted" role="status">
        Loading…
      </p>
    );
  if (error)
    return (
      <p className="error" role="alert">
        {error.message}
      </p>
    );
  if (isEmpty) return <p className="empty">{empty}</p>;
  return <>{children}</>;
}
