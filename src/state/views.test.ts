import { describe, expect, it } from 'vitest';
import { createClassroom } from '../core/classroom/classLink';
import { DEFAULT_CONFIG } from '../core/config';
import { listNavViews, selectCurrentView } from './views';
import type { LabState } from './store';

const base = { config: DEFAULT_CONFIG, sweep: null, axtrain: null, nas: null, paperOpen: false, selectedPanel: 'invocation', classroom: createClassroom() } as unknown as LabState;

describe('views', () => {
  it('the lab view offers its panels, compare mode offers no lab-view panel but the NPU', () => {
    expect(listNavViews(base)).toEqual(['invocation', 'surface', 'control', 'npu', 'axtrain', 'nas', 'paper']);
    const compare = { ...base, config: { ...DEFAULT_CONFIG, methods: ['axnet', 'onepass'] } } as LabState;
    expect(listNavViews(compare)).toEqual(['compare', 'npu', 'axtrain', 'nas', 'paper']);
    expect(selectCurrentView(compare)).toBe('compare');
  });

  it('leaves out the views a class link hides', () => {
    const classroom = { ...createClassroom(), hide: ['paper' as const, 'control' as const] };
    expect(listNavViews({ ...base, classroom })).toEqual(['invocation', 'surface', 'npu', 'axtrain', 'nas']);
  });

  it('names the view on screen: Paper over NAS over AxTrain over the layout', () => {
    expect(selectCurrentView({ ...base, selectedPanel: 'npu' })).toBe('npu');
    expect(selectCurrentView({ ...base, paperOpen: true, nas: {} } as unknown as LabState)).toBe('paper');
    expect(selectCurrentView({ ...base, nas: {}, axtrain: {} } as unknown as LabState)).toBe('nas');
    expect(selectCurrentView({ ...base, axtrain: {} } as unknown as LabState)).toBe('axtrain');
  });
});
