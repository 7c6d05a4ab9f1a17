import { describe, expect, it } from 'vitest';
import { useLabStore } from './store';

describe('study slice: the budget protocol', () => {
  it('starts per phase, switches among the known protocols, keeps the results, and ignores an unknown one', () => {
    const s = useLabStore.getState();
    expect(s.studyProtocol).toBe('perPhase');
    s.replaceStudyResults({});
    s.setStudyProtocol('converge');
    expect(useLabStore.getState().studyProtocol).toBe('converge');
    s.setStudyProtocol('fastest' as never);
    expect(useLabStore.getState().studyProtocol).toBe('converge');
    // A switch re-reads results: it neither clears them nor resets the status (unlike a size switch).
    useLabStore.getState().setStudyState({ studyStatus: 'done' });
    useLabStore.getState().setStudyProtocol('equalSteps');
    expect(useLabStore.getState()).toMatchObject({ studyProtocol: 'equalSteps', studyStatus: 'done' });
  });
});
