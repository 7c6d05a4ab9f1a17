import { describe, expect, it } from 'vitest';
import { NAV_LINKS, linksForView } from './PanelNav';

describe('PanelNav links', () => {
  it('compare mode offers no link to the lab view’s Invocation, Benchmark and Control-vector panels', () => {
    expect(linksForView('compare').map((link) => link.anchor)).toEqual(['compare', 'npu']);
    expect(linksForView('lab').map((link) => link.anchor)).toEqual(['invocation', 'surface', 'control', 'npu']);
  });

  it('every link belongs to at least one view', () => {
    for (const link of NAV_LINKS) expect(link.views.length, link.anchor).toBeGreaterThan(0);
  });
});
