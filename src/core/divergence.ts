/**
 * A run that diverged: the loss or the weights became NaN/±Inf at `atStep`, the model was put back to its weights of
 * `restoredStep` (the last good chunk start) and stopped there. `message` is the English sentence (logs, CSV, the CLI);
 * the page shows divergenceMessage in the language on screen.
 */
import { formatMessage, message, type Message } from './messages';

export interface Divergence {
  atStep: number;
  restoredStep: number;
  message: string;
}

/** The divergence in every interface language. */
export function divergenceMessage(divergence: Pick<Divergence, 'atStep' | 'restoredStep'>): Message {
  return message('trainingDiverged', { atStep: divergence.atStep, restoredStep: divergence.restoredStep });
}

export function createDivergence(atStep: number, restoredStep: number): Divergence {
  return { atStep, restoredStep, message: formatMessage(divergenceMessage({ atStep, restoredStep }), 'en') };
}

/** The lab's failure line after a divergence: what happened, and what the user can do. */
export function divergenceStopMessage(divergence: Pick<Divergence, 'atStep' | 'restoredStep'>): Message {
  return message('divergedStopped', { diverged: divergenceMessage(divergence) });
}
