import { describe, expect, it } from 'vitest';
import { createLinearScale } from './colormap';
import { renderHeatmapSvg } from './Heatmap';
import { renderLiveChartSvg } from './LiveChart';

describe('figure SVG exports (issue 13)', () => {
  it('a heatmap is one rect per cell in its LUT colour, the second input bottom → top', () => {
    const lut = new Uint8ClampedArray(256 * 3);
    for (let k = 0; k < 256; k++) lut.set([k, 0, 255 - k], k * 3);
    // 2×2 grid, value of cell (i, j) at j·n + i: (0,0)=0, (1,0)=1, (0,1)=0.5, (1,1)=NaN.
    const svg = renderHeatmapSvg({ values: [0, 1, 0.5, Number.NaN], resolution: 2, scale: createLinearScale(0, 1), lut, label: 'a <map>', size: 100 });
    expect(svg.match(/<rect /g)).toHaveLength(4);
    expect(svg).toContain('width="100" height="100"');
    expect(svg).toContain('aria-label="a &lt;map&gt;"');
    // (0,0) sits bottom-left: y = 50.
    expect(svg).toMatch(/<rect x="0.00" y="50.00" width="50.00" height="50.00" fill="rgb\(0,0,255\)">/);
    expect(svg).toMatch(/<rect x="50.00" y="50.00"[^>]*fill="rgb\(255,0,0\)">/);
    expect(svg).toMatch(/<rect x="50.00" y="0.00"[^>]*fill="#ff00ff">/);
  });

  it('a live chart is the study line renderer with its colours, a right axis for y2 series, hidden series left out', () => {
    const svg = renderLiveChartSvg({
      table: {
        x: [0, 100, 200],
        ys: [
          [0.1, 0.5, 0.9],
          [0.01, 0.02, null],
          [1, 1, 1],
        ],
      },
      series: [
        { label: 'true invocation', color: '#1565c0' },
        { label: 'overall error', color: '#c62828', scale: 'y2', dash: [3, 4] },
        { label: 'hidden', color: '#000000', show: false },
      ],
      x: { label: 'training step', range: [0, 300] },
      y: { label: 'fraction', range: [0, 1] },
      y2: { label: 'overall error (bound 0.05)' },
      height: 300,
      title: 'Invocation chart',
      width: 800,
    });
    expect(svg).toContain('width="800" height="390"');
    expect(svg).toContain('stroke="#1565c0"');
    expect(svg).toContain('stroke="#c62828" stroke-width="1.8" stroke-dasharray');
    expect(svg).toContain('class="y2-axis"');
    expect(svg).toContain('overall error (bound 0.05)');
    expect(svg).not.toContain('hidden');
    expect(svg).not.toContain('NaN');
  });
});
