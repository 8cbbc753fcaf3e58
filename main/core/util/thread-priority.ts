import { readlinkSync } from 'node:fs';
import os from 'node:os';

/**
 * Gives the calling thread the lowest CPU priority (nice 19), so it runs on CPU time nothing
 * else wants. Linux only: there a thread is a task with its own id (read from
 * /proc/thread-self), and setpriority() on that id changes just the thread. Elsewhere
 * setpriority() would renice the whole process, so nothing is done. Returns the thread's id
 * when its priority was lowered, else null.
 */
export function lowerThreadPriority(): number | null {
  if (process.platform !== 'linux') return null;
  try {
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (!Number.isInteger(tid) || tid === process.pid) return null;
    os.setPriority(tid, 19);
    return tid;
  } catch {
    return null;
  }
}
