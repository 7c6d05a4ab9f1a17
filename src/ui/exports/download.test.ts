import { describe, expect, it } from 'vitest';
import { readSvgSize } from './download';

describe('readSvgSize', () => {
  it('reads width and height, not stroke-width (an exported diagram carries presentation attributes on its root)', () => {
    expect(readSvgSize('<svg stroke-width="1px" width="890" height="491" viewBox="0 0 1000 560">')).toEqual({ width: 890, height: 491 });
    expect(readSvgSize('<svg viewBox="0 0 300 200">')).toEqual({ width: 300, height: 200 });
    expect(readSvgSize('<svg>')).toEqual({ width: 640, height: 400 });
  });
});
