/**
 * The architecture editor's live board estimate: the network the user is designing, planned, given placeholder
 * weights of the right shapes, quantised to int8 and profiled on the target board (plannedCost.ts), before any
 * training. Latency, RAM and flash depend only on the shapes, so it is what the trained int8 model will cost.
 */
import type { Impulse } from '../impulse/impulse';
import type { Architecture } from '../learn/architecture';
import type { Board, BoardId } from '../mcu/boards';
import type { Runtime } from '../mcu/cost';
import { candidateDescription, plannedInt8Graph, profileCandidate } from './plannedCost';

/** Any seed gives the same shapes, so the same cost; fixed so that two estimates of one plan agree. */
const PLACEHOLDER_SEED = 1;

/** What the editor shows of the profile: the whole impulse (DSP + int8 network) on one board. */
export interface PlannedEstimate {
  board: BoardId;
  boardName: string;
  runtime: Runtime;
  /** One window: DSP + network. */
  latencyMs: number;
  /** The DSP's share of the latency; null when the cost model cannot count this DSP block. */
  dspMs: number | null;
  ramBytes: number;
  ramAvailableBytes: number;
  flashBytes: number;
  flashAvailableBytes: number;
  fits: boolean;
  /** Why it fits or not: which budget, by how much. */
  reason: string;
}

export function estimatePlannedModel(
  impulse: Pick<Impulse, 'input' | 'dsp'>,
  arch: Architecture,
  board: Board,
  runtime: Runtime,
): PlannedEstimate {
  const { graph, tfliteBytes } = plannedInt8Graph(arch, PLACEHOLDER_SEED, candidateDescription(impulse));
  const profile = profileCandidate(impulse, graph, tfliteBytes, board, runtime);
  return {
    board: profile.board,
    boardName: profile.boardName,
    runtime,
    latencyMs: profile.latencyMs.ms,
    dspMs: profile.dspMs?.ms ?? null,
    ramBytes: profile.ram.usedBytes,
    ramAvailableBytes: profile.ram.availableBytes,
    flashBytes: profile.flash.usedBytes,
    flashAvailableBytes: profile.flash.availableBytes,
    fits: profile.fits,
    reason: profile.reason,
  };
}
