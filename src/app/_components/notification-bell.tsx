"use client";
// The bell on the office screens and the portal: the unread count (a cheap count every 15 s), and
// on opening, the newest notifications, each leading to its screen. Opening one marks it read.
import { usePathname } from "next/navigation";
import { useState } from "react";
import { shortDateTimeText } from "~/domain";
import { api } from "~/trpc/react";

const when = (date: Date) => shortDateTimeText(new Date(date));

export function NotificationBell() {
  const [open, setOpen] = useState(false);
  // The settings page of the area the bell is on (/manager, /admin, /portal).
  const area = usePathname().split("/")[1] || "portal";
  const utils = api.useUtils();
  const unread = api.notifications.unreadCount.useQuery(undefined, { refetchInterval: 15_000, retry: false });
  const list = api.notifications.mine.useQuery(undefined, { enabled: open, refetchInterval: open ? 15_000 : false });
  const markRead = api.notifications.markRead.useMutation({ onSettled: () => utils.notifications.invalidate() });
  // Signed out, or the session ended: the page says so; the bell stays out of the way.
  if (unread.error) return null;
  const count = unread.data ?? 0;
  const items = list.data?.items ?? [];
  return (
    <div className="notify">
      <button
        type="button"
        className="ghost"
        aria-expanded={open}
        aria-controls="notifications-panel"
        onClick={() => {
          setOpen(!open);
          if (!open) void utils.notifications.mine.invalidate();
        }}
      >
        Notifications
        {/* The count's place is kept whether or not there is one, so its arrival after the first
            paint moves nothing; "unread" is said, not shown, to keep the bar on one line. */}
        <span className="notify-count">
          {count > 0 && (
            <>
              {` (${count}`}
              <span className="sr-only"> unread</span>)
            </>
          )}
        </span>
      </button>
      {open && (
        <section id="notifications-panel" className="notify-panel card" aria-label="Notifications">
          {list.isLoading ? (
            <p className="muted">Loading…</p>
          ) : list.error ? (
            <p role="alert" className="error">
              The notifications could not be loaded: {list.error.message}
            </p>
          ) : items.length === 0 ? (
            <p className="muted">Nothing yet. What needs you will show here.</p>
          ) : (
            <ul className="plain">
              {items.map((n) => (
                <li key={n.id} data-unread={n.readAt ? undefined : "true"}>
                  <a href={n.url} onClick={() => markRead.mutate({ ids: [n.id] })}>
                    {n.readAt ? "" : "● "}
                    {n.title}
                  </a>{" "}
                  <time className="muted" dateTime={new Date(n.updatedAt).toISOString()}>
                    {when(n.updatedAt)}
                  </time>
                </li>
              ))}
            </ul>
          )}
          <p>
            <a href={`/${area}/notifications`}>Notification settings</a>
          </p>
          {count > 0 && (
            <button
              type="button"
              className="secondary"
              onClick={() => markRead.mutate({})}
              disabled={markRead.isPending}
            >
              Mark all read
            </button>
          )}
        </section>
      )}
    </div>
  );
}
