import { useDeferredValue } from 'react';
import { useDataset } from '../../state/datasetStore';
import { ImportPanel } from '../data/ImportPanel';
import { RecordPanel } from '../data/RecordPanel';
import { DatasetSummary } from '../data/DatasetSummary';
import { SampleFilters } from '../data/SampleFilters';
import { SampleList } from '../data/SampleList';
import { BulkBar } from '../data/BulkBar';
import { SampleDetail } from '../data/SampleDetail';
import { HistoryButtons } from '../data/HistoryButtons';
import { useHistoryShortcuts } from '../data/useHistoryShortcuts';

export function DataPage() {
  const count = useDataset((s) => s.samples.length);
  const loading = useDataset((s) => s.loading);
  const selectedId = useDataset((s) => s.selectedId);
  // The summary, filters and list appear in a render React may split into short slices: mounting them in the
  // task that saves the first recording, while a board streams, blocked the main thread for over 50 ms.
  const listedCount = useDeferredValue(count);
  useHistoryShortcuts();

  return (
    <section className="data-page">
      <div className="page-head">
        <h1>Data acquisition</h1>
        <span className="muted">{loading ? 'Loading…' : `${count} sample${count === 1 ? '' : 's'}`}</span>
        <span className="spacer" />
        <HistoryButtons />
      </div>
      <div className="data-grid">
        <div className="data-left">
          <RecordPanel />
          <ImportPanel />
          {listedCount > 0 && <DatasetSummary />}
          {listedCount > 0 && (
            <div className="card list-card">
              <SampleFilters />
              <BulkBar />
              <SampleList />
            </div>
          )}
          {listedCount === 0 && !loading && (
            <div className="callout">
              <strong>No data yet.</strong> Drop WAV, CSV or Edge Impulse JSON/CBOR files above, or record
              from a board, the microphone or the virtual board connected on the Devices page. Name files{' '}
              <code>label.anything.ext</code> and the label is taken from the name.
            </div>
          )}
        </div>
        <div className="data-right">
          {selectedId ? (
            <SampleDetail key={selectedId} id={selectedId} />
          ) : (
            count > 0 && (
              <div className="card muted empty-detail">Select a sample to see its chart and edit it.</div>
            )
          )}
        </div>
      </div>
    </section>
  );
}
