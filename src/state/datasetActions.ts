/**
 * Dataset edits as the user names them. Each builds one DatasetChange from core functions and hands it to
 * the store, which commits it in one transaction and keeps its inverse for undo.
 */
import type { SampleCategory, SampleMeta, Sample, ParsedSample } from '../core/dataset/sample';
import { durationMs, withMeta } from '../core/dataset/sample';
import type { DatasetChange } from '../core/dataset/change';
import { autoCategories, labelsWithoutTest, MIN_SAMPLES_FOR_TEST, rebalance } from '../core/dataset/split';
import { cropSample } from '../core/dataset/crop';
import { problemList } from '../core/validation/numberRule';
import { cropRangeProblems } from '../core/validation/sampleToolRules';
import { findSegmentsByEnergy, splitAt, type FrameSegment } from '../core/dataset/segment';
import { exportSample, type ExportFormat } from '../core/formats/exportSample';
import { downloadBytes } from '../platform/download';
import { importFiles, type ImportFileResult } from '../core/formats/importFile';
import { importProjectArchive } from '../core/formats/projectArchive';
import { FormatError, StudioError, describeError } from '../core/errors';
import { newId } from '../core/ids';
import { readFiles, type LoadedFile, type PickedItem, type ReadResult } from '../platform/files';
import { getDb } from './db';
import { metasById, useDataset, type CategoryChoice } from './datasetStore';
import { toast } from './toastStore';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

const MISSING_SAMPLE = 'That sample no longer exists: it was deleted, or an undo removed it.';

/** A sample about to be added; 'auto' is resolved by `withCategories` once the whole batch is known. */
type NewSample = Omit<Sample, 'category'> & { category: CategoryChoice };

function newSample(
  projectId: string,
  parsed: ParsedSample,
  label: string,
  category: CategoryChoice,
): NewSample {
  const id = newId();
  const now = Date.now();
  return {
    id,
    projectId,
    name: parsed.name,
    label,
    category,
    enabled: true,
    sensors: parsed.sensors,
    intervalMs: parsed.intervalMs,
    frameCount: parsed.values.length / parsed.sensors.length,
    values: parsed.values,
    deviceName: parsed.deviceName,
    deviceType: parsed.deviceType,
    createdAt: now,
    updatedAt: now,
  };
}

/**
 * Gives the 'auto' samples of a batch their default category (the stratified split), ranked after the project's
 * samples and the batch's other ones; existing samples are not moved.
 */
function withCategories(batch: NewSample[]): Sample[] {
  const auto = batch.filter((s) => s.category === 'auto');
  const others = batch.filter((s) => s.category !== 'auto');
  const categories = autoCategories([...useDataset.getState().samples, ...others], auto);
  const byId = new Map(auto.map((s, i) => [s.id, categories[i]]));
  return batch.map((s) => ({ ...s, category: s.category === 'auto' ? byId.get(s.id)! : s.category }));
}

function putAll(samples: Sample[]): DatasetChange {
  return { put: samples.map(({ values, ...meta }) => ({ meta, values })), remove: [] };
}

function patchMetas(metas: SampleMeta[], patch: Partial<SampleMeta>): DatasetChange {
  const now = Date.now();
  return { put: metas.map((m) => ({ meta: { ...m, ...patch, updatedAt: now } })), remove: [] };
}

export interface ImportOutcome {
  results: ImportFileResult[];
  imported: number;
}

/**
 * Reads and imports picked or dropped items: data files (WAV, EI JSON/CBOR, CSV) and project archives (.zip,
 * whose samples keep their labels and categories). Every good file lands in one transaction; each bad,
 * unreadable or folder item gets its own message, in the order given. Never rejects: anything unexpected
 * becomes an error toast and a null outcome.
 */
export async function importIntoProject(
  items: Iterable<PickedItem>,
  options: { label: string; category: CategoryChoice },
): Promise<ImportOutcome | null> {
  try {
    return await importRead(await readFiles(items), options);
  } catch (e) {
    toast.error(`The import stopped: ${describeError(e)}`);
    return null;
  }
}

async function importRead(
  files: ReadResult[],
  options: { label: string; category: CategoryChoice },
): Promise<ImportOutcome> {
  const projectId = useDataset.getState().projectId;
  if (!projectId) return { results: [], imported: 0 };
  const label = options.label.trim() || undefined;
  const results: ImportFileResult[] = [];
  const batch: NewSample[] = [];
  for (const file of files) {
    if (!file.ok) {
      results.push({ fileName: file.name, ok: false, error: file.error });
    } else if (file.name.toLowerCase().endsWith('.zip')) {
      results.push(importArchiveSamples(projectId, file, batch));
    } else {
      const [result] = importFiles([file], { label });
      if (result.ok)
        batch.push(
          ...result.samples.map((p) => newSample(projectId, p, p.label ?? 'unlabeled', options.category)),
        );
      results.push(result);
    }
  }
  if (batch.length === 0) return { results, imported: 0 };
  const samples = withCategories(batch);
  const ok = await useDataset
    .getState()
    .apply(`Imported ${plural(samples.length, 'sample')}`, putAll(samples), false);
  if (ok) toast.success(`Imported ${plural(samples.length, 'sample')}.`);
  return { results, imported: ok ? samples.length : 0 };
}

/** Adds the samples of a project archive to `into`; the archive's own labels and categories are kept. */
function importArchiveSamples(projectId: string, file: LoadedFile, into: NewSample[]): ImportFileResult {
  try {
    const archive = importProjectArchive(file.name, file.bytes);
    const fromArchive = archive.samples.map((p) => ({
      ...newSample(projectId, p, p.label, p.category),
      category: p.category,
      enabled: p.enabled,
      createdAt: p.createdAt,
      ...(p.streamGaps === undefined ? {} : { streamGaps: p.streamGaps }),
    }));
    into.push(...fromArchive);
    return { fileName: file.name, ok: true, samples: fromArchive.map(toParsed), notes: [] };
  } catch (e) {
    const error = e instanceof FormatError ? e : new FormatError('internal', file.name, describeError(e));
    return { fileName: file.name, ok: false, error };
  }
}

function toParsed(s: Sample): ParsedSample {
  return {
    name: s.name,
    label: s.label,
    sensors: s.sensors,
    intervalMs: s.intervalMs,
    values: s.values,
    deviceName: s.deviceName,
    deviceType: s.deviceType,
    category: s.category,
  };
}

function selectedMetas(ids: Iterable<string>): SampleMeta[] {
  return metasById(useDataset.getState().samples, ids);
}

export async function relabel(ids: Iterable<string>, label: string): Promise<void> {
  const trimmed = label.trim();
  if (!trimmed) {
    toast.error('A label cannot be empty.');
    return;
  }
  const metas = selectedMetas(ids);
  await useDataset
    .getState()
    .apply(
      `Relabelled ${plural(metas.length, 'sample')} as “${trimmed}”`,
      patchMetas(metas, { label: trimmed }),
    );
}

/**
 * Renames and/or relabels one sample as one edit: a single change, so one transaction and one undo step.
 * Fields left out (or equal to the current ones) stay as they are.
 */
export async function editSampleMeta(id: string, edit: { name?: string; label?: string }): Promise<boolean> {
  const name = edit.name?.trim();
  const label = edit.label?.trim();
  if (name === '') {
    toast.error('A sample name cannot be empty.');
    return false;
  }
  if (label === '') {
    toast.error('A label cannot be empty.');
    return false;
  }
  const [meta] = selectedMetas([id]);
  if (!meta) {
    toast.error(MISSING_SAMPLE);
    return false;
  }
  const patch: Partial<SampleMeta> = {};
  const said: string[] = [];
  if (name !== undefined && name !== meta.name) {
    patch.name = name;
    said.push(`renamed to “${name}”`);
  }
  if (label !== undefined && label !== meta.label) {
    patch.label = label;
    said.push(`relabelled as “${label}”`);
  }
  if (said.length === 0) return true;
  const description = `“${meta.name}” ${said.join(' and ')}`;
  return useDataset.getState().apply(description, patchMetas([meta], patch));
}

export async function setEnabled(ids: Iterable<string>, enabled: boolean): Promise<void> {
  const metas = selectedMetas(ids);
  const verb = enabled ? 'Enabled' : 'Disabled';
  await useDataset
    .getState()
    .apply(`${verb} ${plural(metas.length, 'sample')}`, patchMetas(metas, { enabled }));
}

export async function moveTo(ids: Iterable<string>, category: SampleCategory): Promise<void> {
  const metas = selectedMetas(ids);
  await useDataset
    .getState()
    .apply(`Moved ${plural(metas.length, 'sample')} to ${category}`, patchMetas(metas, { category }));
}

export async function removeSamples(ids: Iterable<string>): Promise<void> {
  const metas = selectedMetas(ids);
  await useDataset
    .getState()
    .apply(`Deleted ${plural(metas.length, 'sample')}`, { put: [], remove: metas.map((m) => m.id) });
}

/**
 * Puts every sample back in its default category: the stratified split, per label about 1 in 5 for testing
 * (see core/dataset/split.ts). One change, so one undo step.
 */
export async function rebalanceSplit(): Promise<void> {
  const { samples } = useDataset.getState();
  const moves = rebalance(samples);
  if (moves.length === 0) {
    toast.info(`Nothing to move: every sample is already in its default category.${tooFewForTest(samples)}`);
    return;
  }
  const byId = new Map(samples.map((s) => [s.id, s]));
  const now = Date.now();
  const toTesting = moves.filter((m) => m.category === 'testing').length;
  const ok = await useDataset
    .getState()
    .apply(`Reset the train/test split: ${toTesting} to testing, ${moves.length - toTesting} to training`, {
      put: moves.map((m) => ({ meta: { ...byId.get(m.id)!, category: m.category, updatedAt: now } })),
      remove: [],
    });
  const left = tooFewForTest(useDataset.getState().samples);
  if (ok && left) toast.info(left.trim());
}

/** The labels the default split cannot give a test sample, as a sentence to append; '' when there are none. */
function tooFewForTest(samples: readonly SampleMeta[]): string {
  const labels = labelsWithoutTest(samples)
    .filter((l) => !l.resetGivesTest)
    .map((l) => `“${l.label}”`);
  if (labels.length === 0) return '';
  return ` ${labels.join(', ')} ${labels.length === 1 ? 'has' : 'have'} fewer than ${MIN_SAMPLES_FOR_TEST} samples, so no test sample: record more, or move one to testing.`;
}

async function loadSample(id: string): Promise<Sample> {
  const meta = selectedMetas([id])[0];
  if (!meta) throw new StudioError('not-found', MISSING_SAMPLE);
  return withMeta(meta, await (await getDb()).getValues(id));
}

export async function crop(id: string, startMs: number, endMs: number): Promise<boolean> {
  try {
    const sample = await loadSample(id);
    const problem = problemList(cropRangeProblems({ startMs, endMs }, durationMs(sample)))[0];
    if (problem) throw new StudioError('crop-range', problem);
    const cropped = cropSample(sample, startMs, endMs);
    const { values, ...meta } = cropped;
    return await useDataset
      .getState()
      .apply(`Cropped “${meta.name}”`, { put: [{ meta, values }], remove: [] });
  } catch (e) {
    toast.error(describeError(e));
    return false;
  }
}

export async function split(id: string, segments: FrameSegment[]): Promise<boolean> {
  try {
    const source = await loadSample(id);
    const parts = splitAt(source, segments, newId);
    const ok = await useDataset
      .getState()
      .apply(`Split “${source.name}” into ${plural(parts.length, 'sample')}`, {
        ...putAll(parts),
        remove: [id],
      });
    if (ok && parts[0]) await useDataset.getState().select(parts[0].id);
    return ok;
  } catch (e) {
    toast.error(describeError(e));
    return false;
  }
}

export async function exportOne(id: string, format: ExportFormat): Promise<void> {
  try {
    const file = exportSample(await loadSample(id), format);
    downloadBytes(file.fileName, file.bytes, file.mime);
  } catch (e) {
    toast.error(describeError(e));
  }
}

/** Suggested segments for the automatic split, found by signal energy. */
export async function suggestSegments(id: string, segmentLengthMs: number): Promise<FrameSegment[]> {
  try {
    return findSegmentsByEnergy(await loadSample(id), { segmentLengthMs });
  } catch (e) {
    toast.error(describeError(e));
    return [];
  }
}
