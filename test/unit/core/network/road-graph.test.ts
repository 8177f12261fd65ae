import { describe, expect, it } from 'vitest';
import { haversineM } from '../../../../src/core/geo/haversine';
import { parseRoads } from '../../../../src/core/network/parse-roads';
import { buildRoadGraph } from '../../../../src/core/network/road-graph';
import { fc, line } from '../../helpers/bad-roads';

const graph = (...lines: number[][][]) => buildRoadGraph(parseRoads(fc(lines.map(line)), { file: 'r' }));

describe('buildRoadGraph', () => {
  it('makes one node per distinct position and joins lines only at shared vertices', () => {
    // Two lines crossing at (113.905, 22.705) without a vertex there (a bridge), and a third sharing an end.
    const g = graph(
      [
        [113.9, 22.7],
        [113.91, 22.71],
      ],
      [
        [113.9, 22.71],
        [113.91, 22.7],
      ],
      [
        [113.91, 22.71],
        [113.92, 22.71],
      ],
    );
    expect(g.nodeCount).toBe(5);
    expect(g.edgeCount).toBe(3);
    const neighbours = (v: number) => [...g.adjNode.subarray(g.adjStart[v], g.adjStart[v + 1])].sort();
    expect(neighbours(1)).toEqual([0, 4]); // the shared end joins lines 1 and 3
    expect(neighbours(2)).toEqual([3]); // the crossing line stays apart
  });

  it('measures each edge with the engine haversine and keeps duplicate segments (either direction) as one edge', () => {
    const g = graph(
      [
        [113.9, 22.7],
        [113.91, 22.7],
        [113.91, 22.71],
      ],
      [
        [113.91, 22.7],
        [113.9, 22.7],
      ],
      [
        [113.91, 22.71],
        [113.91, 22.71],
      ],
    );
    expect(g.edgeCount).toBe(2);
    expect(g.edgeLen[0]).toBe(haversineM(113.9, 22.7, 113.91, 22.7));
    expect([...g.adjStart]).toEqual([0, 1, 3, 4]);
    expect([...g.adjLen]).toEqual([g.edgeLen[0], g.edgeLen[0], g.edgeLen[1], g.edgeLen[1]]);
  });

  it('tests vertex equality on the first two coordinates only (an elevation does not split a node)', () => {
    const g = graph(
      [
        [113.9, 22.7, 10],
        [113.91, 22.7],
      ],
      [
        [113.9, 22.7, 20],
        [113.9, 22.71],
      ],
    );
    expect(g.nodeCount).toBe(3);
  });
});
