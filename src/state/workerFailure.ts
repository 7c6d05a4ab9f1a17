/**
 * Telling "the worker's code never arrived" apart from "the worker crashed". Offline, or after a deploy
 * that replaced the hashed chunks, the Worker script (or a chunk it imports) cannot be fetched: the page
 * then gets a Worker `error` event before the worker ever posted a message, with no script error in it
 * (a failed module fetch fires a plain Event), or the worker reports a failed dynamic import. Reset cannot
 * help there; reloading the page with the network back does.
 */
export const WORKER_LOAD_FAILURE_TEXT = 'The training code could not be loaded (offline, or the lab was updated). Reload the page when the network is back.';

/** What Chromium, Firefox and Safari say when a module script or a dynamic import cannot be fetched. */
const CODE_LOAD_FAILURE = /failed to fetch dynamically imported module|error loading dynamically imported module|importing a module script failed|failed to load module script/i;

export function isCodeLoadFailure(message: string): boolean {
  return message === WORKER_LOAD_FAILURE_TEXT || CODE_LOAD_FAILURE.test(message);
}

/** A Worker `error` event is a load failure when the worker never spoke and the event names no script error (or names a load failure). */
export function isWorkerLoadFailure(event: Event, heardFromWorker: boolean): boolean {
  if (heardFromWorker) return false;
  const message = 'message' in event && typeof event.message === 'string' ? event.message : '';
  return message === '' || isCodeLoadFailure(message);
}
