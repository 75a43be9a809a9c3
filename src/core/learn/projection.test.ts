import { describe, expect, it } from 'vitest';
import { StudioError } from '../errors';
import { Random } from '../virtual/random';
import { pca2 } from './pca';
import { projectFeatures } from './projection';
import { umap2 } from './umap2';

function noisyRows(n: number, d: number): Float32Array[] {
  const random = new Random(4);
  return Array.from({ length: n }, (_, i) =>
    Float32Array.from({ length: d }, (_, j) => (j === 0 ? 3 : i % 2) + random.gaussian()),
  );
}

describe('projectFeatures', () => {
  it('dispatches PCA and explains its axes', () => {
    const rows = noisyRows(40, 6).map((r) => Float32Array.of(...r, 7));
    const projection = projectFeatures(rows, 'pca');
    const direct = pca2(rows);
    expect(projection.method).toBe('pca');
    expect(Array.from(projection.points)).toEqual(Array.from(direct.points));
    const [first, second] = direct.explainedVariance.map((v) => `${(v * 100).toFixed(1)} %`);
    expect(projection.axisTitles).toEqual([`PC 1 (${first})`, `PC 2 (${second})`]);
    expect(projection.note).toBe(
      `PCA of 40 windows × 7 features (1 constant feature left out), each feature standardised: ` +
        `the two components explain ${first} and ${second} of the variance.`,
    );
  });

  it('dispatches UMAP with its seed and neighbour count', () => {
    const rows = noisyRows(50, 4);
    const progress: number[] = [];
    const projection = projectFeatures(rows, 'umap', {
      seed: 9,
      nNeighbors: 5,
      onProgress: (f) => progress.push(f),
    });
    expect(projection.method).toBe('umap');
    expect(Array.from(projection.points)).toEqual(Array.from(umap2(rows, { seed: 9, nNeighbors: 5 })));
    expect(projection.axisTitles).toEqual(['UMAP 1', 'UMAP 2']);
    expect(projection.note).toMatch(
      /^UMAP of 50 windows × 4 features, each feature standardised \(5 neighbours, seed 9\)\./,
    );
    expect(progress.at(-1)).toBe(1);
  });

  it('passes core errors through', () => {
    expect(() => projectFeatures([Float32Array.of(1)], 'pca')).toThrow(StudioError);
    expect(() => projectFeatures([], 'umap')).toThrow(/at least 3 windows/);
  });
});
