import type { ReactNode } from 'react';
import { ModalNotice } from './ModalNotice';

interface Props {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  cancelLabel?: string;
  danger?: boolean;
  /** False when Escape must not count as the cancel choice (e.g. it would discard data). */
  escapeCancels?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/** A modal confirmation: focus is trapped and Escape cancels (unless told not to). */
export function ConfirmDialog({
  title,
  children,
  confirmLabel,
  cancelLabel = 'Cancel',
  danger,
  escapeCancels = true,
  onConfirm,
  onCancel,
}: Props) {
  return (
    <ModalNotice
      title={title}
      testId="confirm-dialog"
      onEscape={escapeCancels ? onCancel : undefined}
      actions={
        <>
          <button className="btn" onClick={onCancel} autoFocus={escapeCancels}>
            {cancelLabel}
          </button>
          <button className={`btn ${danger ? 'danger-solid' : 'primary'}`} onClick={onConfirm}>
            {confirmLabel}
          </button>
        </>
      }
    >
      {children}
    </ModalNotice>
  );
}
