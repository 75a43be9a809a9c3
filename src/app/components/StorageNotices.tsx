import { useEffect } from 'react';
import { followOtherTabs } from '../../state/followOtherTabs';
import { StaleTabBanner } from './StaleTabBanner';
import { UnsavedRecordingDialog } from './UnsavedRecordingDialog';

/**
 * What the page must know about its storage: a recording that could not be saved, a database closed or held
 * up by another tab; and, while mounted, the other tabs' changes are followed (re-read, with a notice).
 */
export function StorageNotices() {
  useEffect(() => followOtherTabs(), []);
  return (
    <>
      <UnsavedRecordingDialog />
      <StaleTabBanner />
    </>
  );
}
