import { log, errorFields } from "./log.server";

/**
 * Work that must not happen inside the request: it starts when `start` says (at once by default; after the
 * response is sent when a route uses `afterResponse` in request.server.ts), nothing waits for it, and its
 * failure is logged (without personal data), never shown. Used where the time a request takes would tell
 * something (whether an account exists: sign-up, password reset) and for slow mail servers.
 *
 * This is not a scheduler (no timers, no retries): scheduled work goes to the job queue. Pending work is
 * awaited at shutdown (`settleBackground`), so a SIGTERM does not cut a mail in half.
 */
const pending = new Set<Promise<void>>();

export function runDetached(name: string, work: () => Promise<void>, start: (task: () => void) => void = (task) => task()): void {
  let begin!: () => void;
  const task: Promise<void> = new Promise<void>((resolve) => (begin = resolve))
    .then(work)
    .catch((error) => log.error("background.failed", { task: name, ...errorFields(error) }))
    .finally(() => pending.delete(task));
  pending.add(task);
  start(begin);
}

/** Wait until the detached work started so far has finished (shutdown, tests). */
export async function settleBackground(): Promise<void> {
  while (pending.size) await Promise.all([...pending]);
}
