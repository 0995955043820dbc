import Link from "next/link";

/** The header's bell (issue 12): the person's unread notifications, counted up to 100 (« 99+ »). */
export function NotificationBell({ href, unread }: { href: string; unread: number }) {
  const label = unread === 0 ? "Notifications, aucune non lue" : `Notifications, ${unread > 99 ? "plus de 99" : unread} non lue${unread > 1 ? "s" : ""}`;
  return (
    <Link href={href} aria-label={label} title={label} data-testid="notification-bell"
      className="relative inline-flex h-8 w-8 items-center justify-center rounded-md border border-slate-300 text-slate-800 hover:bg-slate-100">
      <svg aria-hidden="true" viewBox="0 0 24 24" className="h-5 w-5" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round">
        <path d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9" /><path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
      </svg>
      {unread > 0 ? (
        <span aria-hidden="true" data-testid="notification-count" className="absolute -right-1.5 -top-1.5 min-w-5 rounded-full bg-red-700 px-1 text-center text-[11px] font-semibold leading-5 text-white">
          {unread > 99 ? "99+" : unread}
        </span>
      ) : null}
    </Link>
  );
}
